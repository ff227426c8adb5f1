import Foundation
import ReplyDeskCore

/// The profile object a peer sends in its hello, written from a `CustomerProfile` in the
/// protocol's `snake_case` form (money in minor units, dates as Unix seconds), so that
/// `LenientProfile.profile(from:fallbackID:)` reads back the same profile.
public enum ProfileJSON {
  public static func value(of profile: CustomerProfile) -> JSONValue {
    var object: [String: JSONValue] = [
      "id": .string(profile.id),
      "first_name": .string(profile.firstName),
      "last_name": .string(profile.lastName),
      "membership": .string(profile.membership.rawValue),
      "past_contacts": .number(Double(profile.pastContacts)),
      "orders": .array(profile.orders.map(order)),
    ]
    object["email"] = profile.email.map(JSONValue.string)
    object["phone"] = profile.phone.map(JSONValue.string)
    object["address"] = profile.address.map(JSONValue.string)
    object["member_since"] = profile.memberSince.map(date)
    return .object(object)
  }

  private static func order(_ order: Order) -> JSONValue {
    var object: [String: JSONValue] = [
      "id": .string(order.id),
      "status": .string(order.status.rawValue),
      "placed_on": date(order.placedOn),
      "items": .array(
        order.items.map { item in
          .object([
            "name": .string(item.name), "quantity": .number(Double(item.quantity)),
            "price": money(item.price),
          ])
        }),
    ]
    object["delivery_date"] = order.deliveryDate.map(date)
    object["delivery_window"] = order.deliveryWindow.map(JSONValue.string)
    object["tracking_number"] = order.trackingNumber.map(JSONValue.string)
    object["refund"] = order.refund.map { refund in
      var fields: [String: JSONValue] = [
        "amount": money(refund.amount), "status": .string(refund.status.rawValue),
        "requested_on": date(refund.requestedOn),
      ]
      fields["expected_by"] = refund.expectedBy.map(date)
      return .object(fields)
    }
    return .object(object)
  }

  private static func money(_ money: Money) -> JSONValue {
    .object(["minor_units": .number(Double(money.minorUnits)), "currency": .string(money.currency)])
  }

  private static func date(_ date: Date) -> JSONValue {
    .number(date.timeIntervalSince1970)
  }
}
