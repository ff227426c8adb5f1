import Foundation

/// A token bucket over lines: `burst` lines at once, refilled at `linesPerSecond`.
public struct LineRateLimiter: Sendable {
  public let burst: Double
  public let linesPerSecond: Double
  private var available: Double
  private var updatedAt: Date

  public init(burst: Int, linesPerSecond: Double, now: Date) {
    self.burst = Double(burst)
    self.linesPerSecond = linesPerSecond
    available = Double(burst)
    updatedAt = now
  }

  /// Takes one line's token; `false` when the peer is over its rate.
  public mutating func admit(now: Date) -> Bool {
    let elapsed = max(0, now.timeIntervalSince(updatedAt))
    available = min(burst, available + elapsed * linesPerSecond)
    updatedAt = max(updatedAt, now)
    guard available >= 1 else { return false }
    available -= 1
    return true
  }
}
