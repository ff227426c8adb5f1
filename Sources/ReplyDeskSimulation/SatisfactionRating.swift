import Foundation

/// The rating (1-5) a simulated customer gives a closed chat: 5 for a matter settled quickly and
/// truthfully, less for each thing that went wrong.
public enum SatisfactionRating {
  /// A chat longer than this (at speed 1) costs a point.
  public static let slowChatSeconds: TimeInterval = 300

  /// Starts at 5; an unsettled matter costs 1, a hand-over 2, each reply untrue about the order 2
  /// (at most 3), a re-ask 1, having to nudge 1, a slow chat 1; never below 1.
  public static func score(
    settled: Bool, handedOver: Bool, misinformed: Int, reAsks: Int, nudges: Int, handleSeconds: TimeInterval
  ) -> Int {
    var score = 5
    if !settled { score -= 1 }
    if handedOver { score -= 2 }
    score -= min(misinformed * 2, 3)
    if reAsks > 0 { score -= 1 }
    if nudges > 0 { score -= 1 }
    if handleSeconds > slowChatSeconds { score -= 1 }
    return max(score, 1)
  }
}

extension SimulatedCustomer {
  /// The rating from what the channel saw; a customer that knows more about the chat refines it.
  public func rating(handedOver: Bool, handleSeconds: TimeInterval) -> Int {
    SatisfactionRating.score(
      settled: outcome == .resolved, handedOver: handedOver || outcome == .escalated, misinformed: 0,
      reAsks: 0,
      nudges: 0, handleSeconds: handleSeconds)
  }
}

extension ScriptedCustomer {
  /// The rating from the chat as this customer lived it: misinformation, re-asks and nudges included.
  public func rating(handedOver: Bool, handleSeconds: TimeInterval) -> Int {
    SatisfactionRating.score(
      settled: outcome == .resolved, handedOver: handedOver || outcome == .escalated,
      misinformed: misinformation.count, reAsks: reAsks.count, nudges: nudgeCount,
      handleSeconds: handleSeconds)
  }
}
