import Foundation

/// When a template is true, as its file declares it (`when:`), and what it asks the customer for
/// (`asks:`). A template without conditions suits any chat; the ranker's score alone decides.
public struct TemplateConditions: Codable, Sendable, Equatable, Hashable {
  /// Whether something is there.
  public enum Presence: String, Codable, Sendable, CaseIterable {
    case present, absent
  }

  /// `order.status: [shipped, delayed]`: the order in question is in one of these states.
  public var orderStatus: Set<OrderStatus>?
  /// `refund.status: [approved]`: the order in question has a refund in one of these states.
  public var refundStatus: Set<RefundStatus>?
  /// `refund: absent`: the order in question has (or has no) refund.
  public var refund: Presence?
  /// `order: present`: the chat has (or has no) order in question.
  public var order: Presence?
  /// `order.late: true`: the order in question is delayed, or still on its way after its delivery date.
  public var orderLate: Bool?
  /// `order.named: true`: the customer named one of the profile's orders in this chat.
  public var orderNamed: Bool?
  /// `customer.membership: [silver, gold]`.
  public var membership: Set<Membership>?
  /// `given: [customer.address]`: what the chat or the profile must already hold, as for `asks`
  /// (a reply acting on a new address needs the customer to have written one); until it does, the
  /// template is not offered (`SuggestionBuilder` checks it: it is about the chat, not the profile).
  public var given: [AskedFact] = []
  /// `unmatched: true`: the customer wrote an order number or email address that is none of the
  /// profile's (a reply asking them to check it needs one); until they do, the template is not offered.
  public var unmatched: Bool?
  /// `after: [cancellation.offer.processing]`: the representative's latest reply was one of these
  /// templates (a reply confirming an action needs the offer it answers); otherwise the template is
  /// not offered. `SuggestionBuilder` checks it, as it knows the templates.
  public var after: [String] = []
  /// `asks: [order.id]`: what the template asks the customer for; never offered once the chat or
  /// the profile holds it.
  public var asks: [AskedFact] = []

  public init(
    orderStatus: Set<OrderStatus>? = nil, refundStatus: Set<RefundStatus>? = nil, refund: Presence? = nil,
    order: Presence? = nil, orderLate: Bool? = nil, orderNamed: Bool? = nil,
    membership: Set<Membership>? = nil, given: [AskedFact] = [], unmatched: Bool? = nil,
    after: [String] = [], asks: [AskedFact] = []
  ) {
    self.orderStatus = orderStatus
    self.refundStatus = refundStatus
    self.refund = refund
    self.order = order
    self.orderLate = orderLate
    self.orderNamed = orderNamed
    self.membership = membership
    self.given = given
    self.unmatched = unmatched
    self.after = after
    self.asks = asks
  }

  /// No `when:` condition (a template may still ask for something).
  public var isUnconditional: Bool {
    orderStatus == nil && refundStatus == nil && refund == nil && order == nil && orderLate == nil
      && orderNamed == nil && membership == nil && given.isEmpty && unmatched == nil && after.isEmpty
  }

  /// Whether a condition is about the order in question (its status, refund, lateness or presence).
  public var needsOrder: Bool {
    orderStatus != nil || refundStatus != nil || refund != nil || order == .present || orderLate != nil
  }

  /// Whether a condition is about the state of the order in question (its status, refund or
  /// lateness), which a guessed order in question cannot make true.
  public var statesOrderState: Bool {
    orderStatus != nil || refundStatus != nil || refund != nil || orderLate != nil
  }

  /// Why the template is false for these facts, or nil when every condition holds.
  public func contradiction(with facts: GroundingFacts) -> String? {
    let order = facts.inQuestion.order
    let name = order.map { "order \($0.id)" } ?? "no order"
    if let wanted = self.order {
      if wanted == .present && order == nil { return "no order is in question" }
      if wanted == .absent, let order { return "order \(order.id) is in question" }
    }
    let needsOrder = orderStatus != nil || refundStatus != nil || refund != nil || orderLate != nil
    if needsOrder && order == nil { return "no order is in question" }
    if let order, let states = orderStatus, !states.contains(order.status) {
      return "\(name) is \(order.status.rawValue)"
    }
    if let order, let presence = refund {
      if presence == .present && order.refund == nil { return "\(name) has no refund" }
      if presence == .absent, let refund = order.refund {
        return "\(name) has a refund (\(refund.status.rawValue))"
      }
    }
    if let order, let states = refundStatus {
      guard let refund = order.refund else { return "\(name) has no refund" }
      if !states.contains(refund.status) { return "the refund for \(name) is \(refund.status.rawValue)" }
    }
    if let order, let late = orderLate, facts.isLate(order) != late {
      return late ? "\(name) is not late" : "\(name) is late"
    }
    if let named = orderNamed, (facts.inQuestion.basis == .named) != named {
      return named ? "the customer has not named one of their orders" : "the customer named \(name)"
    }
    if let levels = membership, !levels.contains(facts.profile.membership) {
      return "the customer is a \(facts.profile.membership.rawValue) member"
    }
    return nil
  }

  /// Why asking is needless (the chat or the profile already holds the answer, or the customer
  /// said they do not have it), or nil.
  public func needlessAsk(with facts: GroundingFacts) -> String? {
    for fact in asks {
      if let reason = facts.declining(fact) ?? facts.holding(fact) { return reason }
    }
    return nil
  }
}

/// Something a template asks the customer for.
public enum AskedFact: String, Codable, Sendable, CaseIterable, Hashable {
  case orderID = "order.id"
  case email = "customer.email"
  case phone = "customer.phone"
  case fullName = "customer.full_name"
  /// A postal address (a new delivery address): held once the customer wrote one in the chat.
  case address = "customer.address"

}

/// How a suggestion stands against the order in question.
public enum GroundingMark: Codable, Sendable, Equatable, Hashable {
  /// Its declared conditions hold.
  case holds
  /// One of its conditions fails; the reason reads like "order RD-451884 is delivered".
  case contradicts(reason: String)
  /// It declares no condition: the ranker's score alone decides.
  case unknown

  public var contradictionReason: String? {
    if case .contradicts(let reason) = self { reason } else { nil }
  }
}
