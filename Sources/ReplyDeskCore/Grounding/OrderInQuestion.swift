import Foundation

/// The order a chat is about, and how it was worked out.
public struct OrderInQuestion: Sendable, Equatable {
  /// How the order was chosen, strongest first.
  public enum Basis: String, Sendable, Equatable {
    /// The representative picked it.
    case pinned
    /// The customer named it (by number or by item).
    case named
    /// It is the profile's only order.
    case onlyOrder
    /// It is the only order that fits what the customer asks about (the only one with a refund, the
    /// only one still on its way, the only one delivered).
    case onlyFitting
    /// A guess: the most recent open order, else the most recent order.
    case mostRecent
    /// The profile has no orders.
    case none
  }

  public var order: Order?
  public var basis: Basis

  public init(order: Order?, basis: Basis) {
    self.order = order
    self.basis = basis
  }

  /// Whether the chat or the profile settles which order it is, so asking for it would be a re-ask.
  public var isSettled: Bool { basis != .mostRecent && basis != .none }

  /// A representative's choice of order, in force until the customer names another order in a later turn.
  public struct Pin: Sendable, Equatable, Codable {
    public var orderID: String
    /// The id of the newest turn when the order was picked.
    public var afterTurn: Int

    public init(orderID: String, afterTurn: Int) {
      self.orderID = orderID
      self.afterTurn = afterTurn
    }
  }

  /// Works out the order in question: the order the customer named most recently (after any pin),
  /// else the pinned one, else the only order, else the only one fitting the customer's topic, else
  /// the most recent open order, else the most recent order. `mentions`, when given, are the
  /// profile's orders' mentions, built once by a caller that needs them too.
  public static func resolve(
    turns: [Turn], profile: CustomerProfile, pin: Pin? = nil, mentions: OrderMentions? = nil
  ) -> OrderInQuestion {
    let orders = profile.orders
    guard !orders.isEmpty else { return OrderInQuestion(order: nil, basis: .none) }
    let mentions = mentions ?? OrderMentions(orders: orders)
    for turn in turns.reversed() where turn.speaker == .customer {
      if let pin, turn.id <= pin.afterTurn { break }
      if let id = mentions.orderIDs(in: turn.text).last, let order = orders.first(where: { $0.id == id }) {
        return OrderInQuestion(order: order, basis: .named)
      }
    }
    if let pin, let order = orders.first(where: { $0.id == pin.orderID }) {
      return OrderInQuestion(order: order, basis: .pinned)
    }
    if orders.count == 1 { return OrderInQuestion(order: orders[0], basis: .onlyOrder) }
    let customerText = turns.filter { $0.speaker == .customer }.suffix(3).map(\.text).joined(separator: " ")
    let fitting = orders.filter(OrderTopic.of(customerText).fits)
    if fitting.count == 1 { return OrderInQuestion(order: fitting[0], basis: .onlyFitting) }
    let pool = fitting.isEmpty ? orders : fitting
    let open = pool.filter(\.status.isOpen)
    let recent = (open.isEmpty ? pool : open).max { $0.placedOn < $1.placedOn }
    return OrderInQuestion(order: recent, basis: .mostRecent)
  }
}

extension OrderStatus {
  /// The order is still on its way to the customer.
  public var isOpen: Bool { self == .processing || self == .shipped || self == .delayed }
}

/// What a customer's words say their matter is about, as far as choosing an order goes.
enum OrderTopic {
  case refund, onTheWay, delivered, any

  static func of(_ text: String) -> OrderTopic {
    let lowered = text.lowercased()
    func says(_ words: [String]) -> Bool { words.contains { lowered.contains($0) } }
    if says(["refund", "money back", "reimburse"]) { return .refund }
    if says(["return", "broken", "damaged", "wrong size", "doesn't fit", "defective"]) { return .delivered }
    if says(["where is", "where's", "arrive", "tracking", "late", "cancel", "address", "ship", "deliver"]) {
      return .onTheWay
    }
    return .any
  }

  func fits(_ order: Order) -> Bool {
    switch self {
    case .refund: return order.refund != nil
    case .onTheWay: return order.status.isOpen
    case .delivered: return order.status == .delivered
    case .any: return true
    }
  }
}
