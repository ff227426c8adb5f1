import Foundation

/// Maps a profile object from a peer or a profiles file onto `CustomerProfile`, leniently:
/// keys may be `snake_case` or `camelCase`, missing or mistyped fields get defaults, unknown
/// fields are ignored. Money is minor units (`{"minor_units": 1299, "currency": "EUR"}`) or a
/// decimal amount (`12.99`, `"12.99"`, `{"amount": 12.99}`); dates are ISO 8601 (date or
/// date-time) or Unix seconds.
public enum LenientProfile {
  /// The profile in `value`; `fallbackID` names a customer whose object has no id.
  public static func profile(from value: JSONValue, fallbackID: String) -> CustomerProfile {
    var firstName = value["first_name", "given_name"]?.text
    var lastName = value["last_name", "family_name", "surname"]?.text
    if firstName == nil, lastName == nil, let name = value["name", "full_name"]?.text {
      let parts = name.split(separator: " ", maxSplits: 1).map(String.init)
      firstName = parts.first
      lastName = parts.count > 1 ? parts[1] : nil
    }
    let currency = value["currency"]?.text ?? "USD"
    return CustomerProfile(
      id: value["id", "customer_id"]?.text ?? fallbackID,
      firstName: firstName ?? "Customer",
      lastName: lastName ?? "",
      email: value["email"]?.text,
      phone: value["phone"]?.text,
      address: value["address"]?.text,
      membership: value["membership", "tier"]?.text.flatMap { Membership(rawValue: $0.lowercased()) }
        ?? .standard,
      memberSince: value["member_since"].flatMap(date),
      pastContacts: max(0, value["past_contacts"]?.integer ?? 0),
      orders: (value["orders"]?.elements ?? []).enumerated().compactMap { index, order in
        self.order(from: order, index: index, currency: currency)
      })
  }

  static func order(from value: JSONValue, index: Int, currency: String) -> Order? {
    guard value.isObject else { return nil }
    let currency = value["currency"]?.text ?? currency
    let items = (value["items"]?.elements ?? []).compactMap { item(from: $0, currency: currency) }
    let placedOn = value["placed_on", "placed", "date"].flatMap(date) ?? Date(timeIntervalSince1970: 0)
    return Order(
      id: value["id", "order_id", "number"]?.text ?? "order-\(index + 1)",
      items: items,
      status: value["status"]?.text.flatMap { OrderStatus(rawValue: $0.lowercased()) } ?? .processing,
      placedOn: placedOn,
      deliveryDate: value["delivery_date", "delivered_on", "expected_delivery"].flatMap(date),
      deliveryWindow: value["delivery_window"]?.text,
      trackingNumber: value["tracking_number", "tracking"]?.text,
      refund: value["refund"].flatMap { refund(from: $0, currency: currency, placedOn: placedOn) })
  }

  static func item(from value: JSONValue, currency: String) -> OrderItem? {
    if let name = value.text { return OrderItem(name: name, price: Money(minorUnits: 0, currency: currency)) }
    guard value.isObject else { return nil }
    return OrderItem(
      name: value["name", "title", "sku"]?.text ?? "Item",
      quantity: max(1, value["quantity", "qty"]?.integer ?? 1),
      price: value["price", "unit_price"].flatMap { money(from: $0, currency: currency) }
        ?? Money(minorUnits: 0, currency: currency))
  }

  static func refund(from value: JSONValue, currency: String, placedOn: Date) -> Refund? {
    guard value.isObject else { return nil }
    return Refund(
      amount: value["amount"].flatMap { money(from: $0, currency: currency) }
        ?? Money(minorUnits: 0, currency: currency),
      status: value["status"]?.text.flatMap { RefundStatus(rawValue: $0.lowercased()) } ?? .requested,
      requestedOn: value["requested_on", "requested"].flatMap(date) ?? placedOn,
      expectedBy: value["expected_by", "expected"].flatMap(date))
  }

  /// Money from minor units in an object, or from a decimal amount.
  static func money(from value: JSONValue, currency: String) -> Money? {
    if value.isObject {
      let code = value["currency"]?.text ?? currency
      if let minor = value["minor_units", "cents"]?.integer {
        return Money(minorUnits: minor, currency: code)
      }
      return value["amount", "value"].flatMap { money(from: $0, currency: code) }
    }
    guard let amount = value.number, abs(amount) <= 1e10 else { return nil }
    return Money(minorUnits: Int((amount * 100).rounded()), currency: currency)
  }

  /// A date from ISO 8601 text (`2026-03-01` or `2026-03-01T10:00:00Z`) or Unix seconds.
  public static func date(_ value: JSONValue) -> Date? {
    if case .number(let seconds) = value {
      return abs(seconds) < 1e11 ? Date(timeIntervalSince1970: seconds) : nil
    }
    guard let text = value.text?.trimmingCharacters(in: .whitespaces) else { return nil }
    if let full = try? Date.ISO8601FormatStyle().parse(text) { return full }
    if let fractional = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) {
      return fractional
    }
    return try? Date.ISO8601FormatStyle().year().month().day().parse(text)
  }
}
