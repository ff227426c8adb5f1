import Foundation
import ReplyDeskCore

/// A detail a customer gives in a chat, which the representative should not ask for again.
public enum GivenDetail: String, Sendable, CaseIterable, Codable {
  case orderNumber = "order_number"
  case email
  case address
}

/// A reply that told the customer something untrue about the order the chat is about: a status or
/// refund state that order is not in, or an answer about another of the customer's orders.
public struct Misinformation: Sendable, Equatable, Codable {
  /// What the reply got wrong.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case orderStatus = "order_status"
    case refundStatus = "refund_status"
    case wrongOrder = "wrong_order"
  }

  public var kind: Kind
  /// What the reply stated: the states its words allow ("shipped or delayed"), or the other order's id.
  public var stated: String
  /// What is true: the order's status, its refund's state, or the id of the order the chat is about.
  public var actual: String
  /// The reply as sent.
  public var reply: String

  public init(kind: Kind, stated: String, actual: String, reply: String) {
    self.kind = kind
    self.stated = stated
    self.actual = actual
    self.reply = reply
  }
}

/// What a strict simulated customer holds the representative's replies against: the order the chat
/// is about (as the customer's confirmed actions left it: a cancelled order is cancelled), the
/// profile's other orders, and the details the customer already gave. Records every reply that
/// misinforms or asks again.
struct GroundingMemory: Sendable {
  /// The order the chat is about; nil for a customer without orders.
  private(set) var order: Order?
  private let profile: CustomerProfile
  /// When the chat happens, for the dates of refunds the representative starts.
  private let now: Date
  /// Details the customer gave in this chat.
  private(set) var given: Set<GivenDetail> = []
  /// Details the customer was asked for and said they do not have.
  private var declined: Set<GivenDetail> = []
  /// The customer named its order, by id or by item, in this chat.
  private(set) var orderNamed = false
  private(set) var misinformation: [Misinformation] = []
  private(set) var reAsks: [GivenDetail] = []

  init(order: Order?, profile: CustomerProfile, now: Date) {
    self.order = order
    self.profile = profile
    self.now = now
  }

  /// Notes what one of the customer's own messages gave away.
  mutating func customerSaid(_ text: String, newAddress: String) {
    let lowered = text.lowercased()
    if let order, OrderReference.writesNumber(of: order, in: text) { given.insert(.orderNumber) }
    if let order,
      OrderReference.orders(namedIn: text, profile: profile).contains(where: { $0.id == order.id })
    {
      orderNamed = true
    }
    if let email = profile.email?.lowercased(), lowered.contains(email) { given.insert(.email) }
    if !newAddress.isEmpty, lowered.contains(newAddress.lowercased()) { given.insert(.address) }
  }

  /// The customer answered a request for `detail` without giving it ("I don't have it to hand").
  mutating func answered(_ detail: GivenDetail) {
    declined.insert(detail)
  }

  /// The representative cancelled the order (at the customer's word, or saying so): an unshipped
  /// order is now cancelled, its money on the way back; any other stays as it is.
  mutating func cancellationConfirmed() {
    guard var cancelled = order, cancelled.status == .processing else { return }
    cancelled.status = .cancelled
    if cancelled.refund == nil {
      cancelled.refund = Refund(amount: cancelled.total, status: .approved, requestedOn: now)
    }
    order = cancelled
  }

  /// The representative started a refund (at the customer's word, or saying so): an order without
  /// one now has a requested refund.
  mutating func refundConfirmed() {
    guard var refunded = order, refunded.refund == nil else { return }
    refunded.refund = Refund(amount: refunded.total, status: .requested, requestedOn: now)
    order = refunded
  }

  /// What is wrong with `reply`, recorded: the misinformation it carries, else the detail it asks
  /// for again; nil for a reply true to the order that asks for nothing already given.
  mutating func judge(_ reply: String, reading: @autoclosure () -> AgentMessageReading) -> GroundingSlip? {
    let stated = OrderStateReading(reply)
    if stated.actions.contains(.cancelsOrder) { cancellationConfirmed() }
    if stated.actions.contains(.startsRefund) { refundConfirmed() }
    if let wrong = misinformation(in: reply, stated: stated) {
      misinformation.append(wrong)
      return .misinformation(wrong)
    }
    if let detail = reAsk(reading()) {
      reAsks.append(detail)
      return .reAsk(detail)
    }
    return nil
  }

  private func misinformation(in reply: String, stated reading: OrderStateReading) -> Misinformation? {
    guard let order else { return nil }
    if orderNamed,
      let other = OrderReference.orders(namedIn: reading.statementText, profile: profile).first(where: {
        $0.id != order.id
      })
    {
      return Misinformation(kind: .wrongOrder, stated: other.id, actual: order.id, reply: reply)
    }
    if let statuses = reading.orderStatuses, !statuses.contains(order.status) {
      return Misinformation(
        kind: .orderStatus, stated: Self.describe(statuses.map(\.rawValue)), actual: order.status.rawValue,
        reply: reply)
    }
    let refund = StatedRefund(order.refund)
    if let states = reading.refundStates, !states.contains(refund) {
      return Misinformation(
        kind: .refundStatus, stated: Self.describe(states.map(\.rawValue)), actual: refund.rawValue,
        reply: reply)
    }
    return nil
  }

  private func reAsk(_ reading: AgentMessageReading) -> GivenDetail? {
    let given = given.union(declined)
    if reading.asksOrderNumber {
      if given.contains(.orderNumber) { return .orderNumber }
      if reading.acceptsEmail && given.contains(.email) { return .email }
    }
    if reading.asksEmail && given.contains(.email) { return .email }
    if reading.asksAddress && given.contains(.address) { return .address }
    return nil
  }

  /// "shipped or delayed"; "contradictory states" for statements that disagree.
  private static func describe(_ states: [String]) -> String {
    states.isEmpty ? "contradictory states" : states.sorted().joined(separator: " or ")
  }
}

/// What a strict customer found wrong with a reply.
enum GroundingSlip: Equatable {
  case misinformation(Misinformation)
  case reAsk(GivenDetail)
}

/// Judges a representative's replies as the strict simulated customer does, for checks outside the
/// simulator (`replydesk eval-live`): what a reply states against the order (after the actions the
/// replies carried out), and whether it asks again for a detail the customer gave.
public struct ReplyJudge: Sendable {
  private var memory: GroundingMemory

  public init(order: Order?, profile: CustomerProfile, now: Date) {
    memory = GroundingMemory(order: order, profile: profile, now: now)
  }

  /// Notes what one of the customer's messages gave away.
  public mutating func customerSaid(_ text: String) {
    memory.customerSaid(text, newAddress: "")
  }

  /// The misinformation `reply` carries, or the detail it asks for again; both nil for a good reply.
  public mutating func judge(_ reply: String) -> (misinformation: Misinformation?, reAsk: GivenDetail?) {
    switch memory.judge(reply, reading: AgentMessageReading(reply, scenario: .deliveryStatus)) {
    case .misinformation(let wrong): return (wrong, nil)
    case .reAsk(let detail): return (nil, detail)
    case nil: return (nil, nil)
    }
  }
}
