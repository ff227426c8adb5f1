import Foundation
import ReplyDeskCore

/// When the simulated channel's customers arrive.
public enum ArrivalPlan: Sendable, Equatable {
  /// One customer at a time: the next arrives a few seconds after the representative closes a chat
  /// (a practice round's pace).
  case afterClose
  /// Customers arrive on their own seeded schedule, whatever the representative does: the gaps are
  /// drawn around `meanGap` seconds (at speed 1, from a fifth of it to three times it). While
  /// `maxPresent` customers are in the channel (waiting or in a chat), the next one holds back until
  /// one of them leaves or is closed, and arrives a few seconds later.
  case steady(meanGap: TimeInterval, maxPresent: Int)

  /// Seconds (at speed 1) from one arrival to the next: exponential around `mean`, clamped to a
  /// fifth of it and three times it, so arrivals neither bunch up nor stop.
  static func gap(mean: TimeInterval, using random: inout SeededGenerator) -> TimeInterval {
    let draw = -log(1 - Double.random(in: 0..<1, using: &random)) * mean
    return min(max(draw, mean / 5), mean * 3)
  }
}

/// A customer arriving in the simulated channel: who, about what, in what manner, and whether they
/// are writing again about a matter an earlier chat left unsettled.
public struct CustomerArrival: Sendable, Equatable {
  public var profile: CustomerProfile
  /// The order the customer writes about (one of the profile's).
  public var orderID: String?
  public var spec: ScenarioSpec
  public var persona: Persona
  public var seed: UInt64
  public var time: Date
  public var isRecontact: Bool
}
