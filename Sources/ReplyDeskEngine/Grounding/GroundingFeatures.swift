import Foundation
import ReplyDeskCore

/// The neural ranker's profile input: a short list of feature tokens describing the order in
/// question (resolved from the chat by `OrderInQuestion`), not the profile's words. One function
/// serves training, the console (`NeuralRanker`) and `rank`/`eval` (`QueryRanker`).
///
/// | token | when |
/// |---|---|
/// | `<orders_0>`, `<orders_1>`, `<orders_many>` | how many orders the profile has |
/// | `<order_named>` | the customer named the order (number or item) or the representative pinned it |
/// | `<order_settled>` | the profile settles it: the only order, or the only one fitting the question |
/// | `<order_guessed>` | a guess: the most recent (open) order |
/// | `<status_processing>` … `<status_returned>` | the order's status |
/// | `<on_schedule>`, `<late>`, `<late_3d+>` | an open order: not past its date; late (or delayed); 3+ days late |
/// | `<delivered_week>`, `<delivered_month>`, `<delivered_30d+>` | days since delivery: 0-7, 8-30, more |
/// | `<refund_none>`, `<refund_requested>` … `<refund_rejected>` | the order's refund |
/// | `<state_delivered_none>` … `<state_cancelled_issued>` | status and refund together: the profile term adds up feature vectors, so only a token of the pair lets it learn that a delivered order with a refund is still delivered (the simulator mostly puts refunds on returned orders) |
/// | `<membership_gold>` … | the customer's membership |
/// | `<email_known>` | the profile or the chat holds the customer's email |
/// | `<order_number_given>` | the customer wrote something that looks like an order number |
///
/// Corpora without a usable profile (no `orders`, as SGD or Taskmaster) have no features at all.
enum GroundingFeatures {
  /// Every token `tokens` can give, for the vocabulary.
  static let all: [String] =
    ["<orders_0>", "<orders_1>", "<orders_many>", "<order_named>", "<order_settled>", "<order_guessed>"]
    + OrderStatus.allCases.map { "<status_\($0.rawValue)>" }
    + ["<on_schedule>", "<late>", "<late_3d+>", "<delivered_week>", "<delivered_month>", "<delivered_30d+>"]
    + refundNames.map { "<refund_\($0)>" }
    + Membership.allCases.map { "<membership_\($0.rawValue)>" } + ["<email_known>", "<order_number_given>"]
    + OrderStatus.allCases.flatMap { status in refundNames.map { "<state_\(status.rawValue)_\($0)>" } }

  /// A refund's state as a token names it: "none", or its status.
  private static let refundNames = ["none"] + RefundStatus.allCases.map(\.rawValue)

  /// The feature tokens of `facts`.
  static func tokens(_ facts: GroundingFacts) -> [String] {
    let orders = facts.profile.orders.count
    var tokens = [orders == 0 ? "<orders_0>" : orders == 1 ? "<orders_1>" : "<orders_many>"]
    if let order = facts.inQuestion.order {
      tokens.append(basisToken(facts.inQuestion.basis))
      tokens.append("<status_\(order.status.rawValue)>")
      tokens += timingTokens(order, facts: facts)
      let refund = order.refund?.status.rawValue ?? "none"
      tokens.append("<refund_\(refund)>")
      tokens.append("<state_\(order.status.rawValue)_\(refund)>")
    }
    tokens.append("<membership_\(facts.profile.membership.rawValue)>")
    if facts.profile.email != nil || facts.chatHasEmail { tokens.append("<email_known>") }
    if facts.chatHasOrderNumber { tokens.append("<order_number_given>") }
    return tokens
  }

  /// The feature tokens of a profile in the live protocol's format (docs/live-protocol.md) and a
  /// chat (speaker codes 0 customer, 1 agent, 2 system) at `now`: the order in question is resolved
  /// from the chat exactly as the console does. Empty when the profile has no `orders` list.
  static func tokens(profile: JSONValue?, turns: [(speaker: Int, text: String)], now: Date) -> [String] {
    guard let facts = facts(profile: profile, turns: turns, now: now) else { return [] }
    return tokens(facts)
  }

  /// The grounding facts of a live-protocol profile and a chat, or nil without an `orders` list.
  static func facts(profile: JSONValue?, turns: [(speaker: Int, text: String)], now: Date)
    -> GroundingFacts?
  {
    customer(profile).map { facts(customer: $0, turns: turns, now: now) }
  }

  /// A live-protocol profile read with `LenientProfile`, or nil without an `orders` list.
  static func customer(_ profile: JSONValue?) -> CustomerProfile? {
    guard let profile, case .array = profile["orders"] else { return nil }
    return LenientProfile.profile(from: profile, fallbackID: "customer")
  }

  /// The feature tokens of a chat with an already read profile.
  static func tokens(customer: CustomerProfile, turns: [(speaker: Int, text: String)], now: Date)
    -> [String]
  {
    tokens(facts(customer: customer, turns: turns, now: now))
  }

  static func facts(customer: CustomerProfile, turns: [(speaker: Int, text: String)], now: Date)
    -> GroundingFacts
  {
    let chat = turns.enumerated().map { index, turn in
      Turn(id: index + 1, speaker: speaker(turn.speaker), text: turn.text, time: now)
    }
    return GroundingFacts(turns: chat, profile: customer, now: now)
  }

  static func speaker(_ code: Int) -> Speaker {
    switch code {
    case 0: return .customer
    case 1: return .agent
    default: return .system
    }
  }

  private static func basisToken(_ basis: OrderInQuestion.Basis) -> String {
    switch basis {
    case .named, .pinned: return "<order_named>"
    case .onlyOrder, .onlyFitting: return "<order_settled>"
    case .mostRecent, .none: return "<order_guessed>"
    }
  }

  private static func timingTokens(_ order: Order, facts: GroundingFacts) -> [String] {
    if order.status.isOpen {
      guard facts.isLate(order) else { return ["<on_schedule>"] }
      return (facts.daysLate(order) ?? 0) >= 3 ? ["<late>", "<late_3d+>"] : ["<late>"]
    }
    guard let days = facts.daysSinceDelivery(order) else { return [] }
    return [days <= 7 ? "<delivered_week>" : days <= 30 ? "<delivered_month>" : "<delivered_30d+>"]
  }
}
