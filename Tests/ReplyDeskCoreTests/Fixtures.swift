import Foundation
import ReplyDeskCore

/// Tuesday, June 2, 2026, 14:00 UTC.
let fixedNow = Date(timeIntervalSince1970: 1_780_408_800)
let day: TimeInterval = 86_400

/// The repository's `Templates/` directory, found from this file's path.
let shippedTemplatesDirectory = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("Templates")

/// A profile with every field filled and a shipped order with an issued refund.
func completeProfile(currency: String = "USD") -> CustomerProfile {
  let older = Order(
    id: "RD-100001",
    items: [OrderItem(name: "Wall clock", price: Money(minorUnits: 3_300, currency: currency))],
    status: .delivered, placedOn: fixedNow - 90 * day, deliveryDate: fixedNow - 86 * day)
  let recent = Order(
    id: "RD-482913",
    items: [
      OrderItem(name: "Desk lamp", price: Money(minorUnits: 4_599, currency: currency)),
      OrderItem(name: "Mug", quantity: 2, price: Money(minorUnits: 1_250, currency: currency)),
    ],
    status: .shipped, placedOn: fixedNow - 3 * day, deliveryDate: fixedNow + 2 * day,
    deliveryWindow: "9am-1pm",
    trackingNumber: "1Z999AA10123456784",
    refund: Refund(
      amount: Money(minorUnits: 4_250, currency: currency), status: .issued, requestedOn: fixedNow - 5 * day,
      expectedBy: fixedNow + 7 * day))
  return CustomerProfile(
    id: "C123456", firstName: "Maya", lastName: "Okafor", email: "maya.okafor@example.com",
    phone: "+1 555 0100", address: "12 Maple Avenue, Portland, OR 97205", membership: .gold,
    memberSince: fixedNow - 400 * day, pastContacts: 1, orders: [recent, older])
}

/// A profile with only a name: no contact details and no orders.
let bareProfile = CustomerProfile(id: "C000001", firstName: "Sam", lastName: "Lee", membership: .guest)

/// A turn for ranking contexts.
func turn(_ id: Int, _ speaker: Speaker, _ text: String) -> Turn {
  Turn(id: id, speaker: speaker, text: text, time: fixedNow + Double(id) * 30)
}
