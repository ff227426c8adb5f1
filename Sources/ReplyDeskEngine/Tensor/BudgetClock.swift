import Foundation

/// What a training time budget (`minutes`) counts.
public enum BudgetClock: Sendable, Equatable {
  /// Wall-clock time.
  case wall
  /// CPU time of the thread that trains: a machine busy with other work trains as far as an idle
  /// one (only later), so the default models come out the same however loaded the machine is.
  case trainingThreadCPU

  /// The clock's reading now, in seconds from an arbitrary origin; only differences mean anything.
  func now() -> Double {
    switch self {
    case .wall:
      return Date().timeIntervalSinceReferenceDate
    case .trainingThreadCPU:
      var time = timespec()
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
      return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
  }
}
