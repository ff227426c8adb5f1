import Foundation

/// Failed TCP logins by remote address: one address may send `freeFailures` wrong tokens; each
/// further one refuses that address for a period that doubles every time (1 s, 2 s, 4 s …) up to
/// `maximumDelay`. A right token clears the address; an address quiet for `maximumDelay` after its
/// block ends is forgotten, and at most `maximumAddresses` are remembered.
public struct LoginBackoff: Sendable {
  /// What is known of one address.
  private struct Record: Sendable {
    var failures = 0
    var blockedUntil = Date.distantPast
    var lastFailure = Date.distantPast
  }

  public let freeFailures: Int
  public let firstDelay: TimeInterval
  public let maximumDelay: TimeInterval
  public let maximumAddresses: Int
  private var records: [String: Record] = [:]

  public init(
    freeFailures: Int = 3, firstDelay: TimeInterval = 1, maximumDelay: TimeInterval = 60,
    maximumAddresses: Int = 4096
  ) {
    self.freeFailures = freeFailures
    self.firstDelay = firstDelay
    self.maximumDelay = maximumDelay
    self.maximumAddresses = maximumAddresses
  }

  /// The seconds `address` must still wait before it may try again, or `nil` if it may try now.
  public func wait(for address: String, now: Date) -> TimeInterval? {
    guard let record = records[address], record.blockedUntil > now else { return nil }
    return record.blockedUntil.timeIntervalSince(now)
  }

  /// Records a wrong token from `address`; the delay it now has to wait (0 while still free).
  @discardableResult
  public mutating func recordFailure(from address: String, now: Date) -> TimeInterval {
    forgetQuietAddresses(now: now)
    var record = records[address] ?? Record()
    record.failures += 1
    record.lastFailure = now
    let over = record.failures - freeFailures
    var delay: TimeInterval = 0
    if over > 0 {
      delay = min(maximumDelay, firstDelay * pow(2, Double(min(over - 1, 30))))
      record.blockedUntil = now.addingTimeInterval(delay)
    }
    records[address] = record
    return delay
  }

  /// Records a right token from `address`: its failures are forgotten.
  public mutating func recordSuccess(from address: String) {
    records[address] = nil
  }

  /// Drops addresses whose block ended more than `maximumDelay` ago, then the oldest if too many.
  private mutating func forgetQuietAddresses(now: Date) {
    guard records.count >= maximumAddresses else { return }
    records = records.filter {
      now.timeIntervalSince(max($0.value.lastFailure, $0.value.blockedUntil)) < maximumDelay
    }
    while records.count >= maximumAddresses,
      let oldest = records.min(by: { $0.value.lastFailure < $1.value.lastFailure })
    {
      records[oldest.key] = nil
    }
  }
}
