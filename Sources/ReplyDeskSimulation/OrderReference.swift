import ReplyDeskCore

/// How simulated customers write an order's id, and which of a profile's orders a message names.
/// Customers write `RD-451884` as `RD-451884`, `451884` ("order 451884"), `#451884`, `rd451884` or
/// `rd-451884`; which order a message names is read by Core's `OrderMentions`, as the console does.
public enum OrderReference {
  /// The ways a customer may write `id`: the id itself first, then the other forms for an
  /// `RD-######` id (none for ids of other shapes).
  public static func forms(of id: String) -> [String] {
    guard let digits = digits(of: id) else { return [id] }
    return [id, digits, "#\(digits)", "rd\(digits)", "rd-\(digits)"]
  }

  /// The digits of an `RD-######` id, nil for other ids.
  static func digits(of id: String) -> String? {
    let parts = id.split(separator: "-", maxSplits: 1)
    guard parts.count == 2, parts[0] == "RD", !parts[1].isEmpty,
      parts[1].allSatisfy({ $0.isASCII && $0.isNumber })
    else { return nil }
    return String(parts[1])
  }

  /// The orders of `profile` that `text` names, by id in any form or else by an item.
  public static func orders(namedIn text: String, profile: CustomerProfile) -> [Order] {
    let ids = OrderMentions(orders: profile.orders).orderIDs(in: text)
    return ids.compactMap { id in profile.orders.first { $0.id == id } }
  }

  /// Whether `text` writes `order`'s id in any form (an item name does not count).
  static func writesNumber(of order: Order, in text: String) -> Bool {
    OrderMentions(orders: [order]).numberedOrderIDs(in: text).contains(order.id)
  }
}
