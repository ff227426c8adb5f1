import Foundation
import ReplyDeskCore
import ReplyDeskLive
import Testing

@Suite struct ProfileJSONTests {
  @Test func aProfileSurvivesTheTripThroughAHelloLine() throws {
    let placed = Date(timeIntervalSince1970: 1_780_000_000)
    let profile = CustomerProfile(
      id: "C123456", firstName: "Dana", lastName: "Reyes", email: "dana@example.com", phone: "+1 555 0100",
      address: "1 Main St", membership: .gold, memberSince: placed.addingTimeInterval(-86_400 * 300),
      pastContacts: 3,
      orders: [
        Order(
          id: "RD-1001",
          items: [OrderItem(name: "Kettle", quantity: 2, price: Money(minorUnits: 2_499, currency: "EUR"))],
          status: .delivered, placedOn: placed, deliveryDate: placed.addingTimeInterval(86_400 * 3),
          deliveryWindow: "8am-12pm", trackingNumber: "1Z999",
          refund: Refund(
            amount: Money(minorUnits: 4_998, currency: "EUR"), status: .issued,
            requestedOn: placed.addingTimeInterval(86_400 * 5),
            expectedBy: placed.addingTimeInterval(86_400 * 9))),
        Order(
          id: "RD-1002", items: [OrderItem(name: "Socks", price: Money(minorUnits: 900))],
          status: .processing,
          placedOn: placed.addingTimeInterval(86_400)),
      ])
    let line = CustomerLine.hello(customer: ProfileJSON.value(of: profile), customerID: nil, token: nil)
    guard case .hello(let customer?, _, _) = try CustomerLine.parse(line.encoded.dropLast()) else {
      Issue.record("not a hello with a profile")
      return
    }
    #expect(LenientProfile.profile(from: customer, fallbackID: "x") == profile)
  }
}
