import Foundation

/// Summary figures of a list of samples (timings in milliseconds, or rates) for every `bench`
/// command, with one definition of a percentile: the nearest rank, the smallest sample that at
/// least that share of all samples is at or below. The median is the 50th percentile.
public struct LatencyStatistics: Sendable, Equatable, CustomStringConvertible {
  public let count: Int
  public let median: Double
  public let p99: Double
  public let minimum: Double
  public let maximum: Double

  public init(_ samples: [Double]) {
    let sorted = samples.sorted()
    count = sorted.count
    median = Self.percentile(0.5, ofSorted: sorted)
    p99 = Self.percentile(0.99, ofSorted: sorted)
    minimum = sorted.first ?? 0
    maximum = sorted.last ?? 0
  }

  /// The nearest-rank percentile (`fraction` from 0 to 1) of samples sorted ascending; 0 for none.
  public static func percentile(_ fraction: Double, ofSorted sorted: [Double]) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let rank = Int((fraction * Double(sorted.count)).rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
  }

  /// "median 1.234 ms, p99 2.345 ms", for timings in milliseconds.
  public var description: String { String(format: "median %.3f ms, p99 %.3f ms", median, p99) }
}
