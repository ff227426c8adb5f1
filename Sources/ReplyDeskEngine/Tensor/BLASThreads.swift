import CBLAS

/// The one owner of the process's OpenBLAS thread count: nothing else sets it.
///
/// Each command calls `use(_:)` once as it starts (with its `--threads`, or `interactive`), and so
/// does the composition library as it opens a console. A phase that must run on another count (a
/// console's first-run training, a benchmark's training step) runs inside `use(_:during:)`, which
/// puts the count back afterwards.
public enum BLASThreads {
  /// Ranking and generating while someone waits (the console, `rank`, benchmarks of latency): one
  /// thread, leaving the other core to the console.
  public static let interactive = 1
  /// The default of batch training (`train`, `generator train`, a first-run default model).
  public static let training = 2

  /// Sets the count for the rest of the process; a count below 1 is taken as 1.
  public static func use(_ count: Int) {
    openblas_set_num_threads(Int32(clamped(count)))
  }

  /// Runs `work` on `count` threads (at least 1), then restores the count it had before.
  public static func use<Result>(_ count: Int, during work: () throws -> Result) rethrows -> Result {
    let before = Int(openblas_get_num_threads())
    use(count)
    defer { use(before) }
    return try work()
  }

  /// `count`, at least 1: OpenBLAS itself reads a count below 1 as its start-up default.
  static func clamped(_ count: Int) -> Int { max(1, count) }
}
