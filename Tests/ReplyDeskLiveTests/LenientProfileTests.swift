import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskLive

private func profile(_ json: String, fallbackID: String = "chat-1") throws -> CustomerProfile {
  LenientProfile.profile(from: try JSONValue.parse(Array(json.utf8)), fallbackID: fallbackID)
}

@Test func aFullProfileMapsFromSnakeOrCamelCase() throws {
  let json = """
    {"id":"C-9","first_name":"Maya","lastName":"Okafor","email":"maya@example.com","membership":"Gold",
     "member_since":"2021-04-01","past_contacts":"3","currency":"EUR","favourite_colour":"teal",
     "orders":[{"id":"RD-100","status":"shipped","placed_on":"2026-11-20T09:30:00Z","tracking_number":"1Z9",
       "delivery_window":"9am-1pm","items":[{"name":"Kettle","quantity":2,"price":24.5},"Gift wrap"],
       "refund":{"amount":{"minor_units":4900},"status":"approved","expected_by":1795000000}}]}
    """
  let maya = try profile(json)
  #expect(maya.id == "C-9")
  #expect(maya.fullName == "Maya Okafor")
  #expect(maya.email == "maya@example.com")
  #expect(maya.membership == .gold)
  #expect(maya.memberSince == Date(timeIntervalSince1970: 1_617_235_200))
  #expect(maya.pastContacts == 3)
  let order = try #require(maya.orders.first)
  #expect(order.id == "RD-100")
  #expect(order.status == .shipped)
  #expect(order.placedOn == Date(timeIntervalSince1970: 1_795_167_000))
  #expect(order.trackingNumber == "1Z9")
  #expect(order.deliveryWindow == "9am-1pm")
  #expect(order.items.map(\.name) == ["Kettle", "Gift wrap"])
  #expect(order.items[0].quantity == 2)
  #expect(order.items[0].price == Money(minorUnits: 2450, currency: "EUR"))
  #expect(order.total == Money(minorUnits: 4900, currency: "EUR"))
  #expect(order.refund?.amount == Money(minorUnits: 4900, currency: "EUR"))
  #expect(order.refund?.status == .approved)
  #expect(order.refund?.requestedOn == order.placedOn)
  #expect(order.refund?.expectedBy == Date(timeIntervalSince1970: 1_795_000_000))
}

@Test func missingAndMistypedFieldsGetDefaults() throws {
  let empty = try profile("{}", fallbackID: "live-1-1")
  #expect(empty == CustomerProfile(id: "live-1-1", firstName: "Customer", lastName: ""))
  let odd = try profile(
    #"{"name":"Prince","membership":"platinum","past_contacts":-4,"member_since":"soon","orders":[7,{"items":"x","status":"lost"}]}"#
  )
  #expect(odd.firstName == "Prince")
  #expect(odd.lastName == "")
  #expect(odd.membership == .standard)
  #expect(odd.pastContacts == 0)
  #expect(odd.memberSince == nil)
  #expect(odd.orders.count == 1)
  #expect(odd.orders[0].id == "order-2")
  #expect(odd.orders[0].status == .processing)
  #expect(odd.orders[0].items.isEmpty)
}

@Test func profilesFilesAcceptAnArrayAnObjectOrJSONLines() throws {
  let directory = makeTemporaryDirectory()
  let array = directory + "/array.json"
  let lines = directory + "/lines.jsonl"
  let wrapped = directory + "/wrapped.json"
  let broken = directory + "/broken.jsonl"
  let anonymous = directory + "/anonymous.json"
  try Data(#"[{"id":"A","name":"Ann Lee"},{"id":"B","name":"Bo"}]"#.utf8).write(
    to: URL(fileURLWithPath: array))
  try Data("{\"id\":\"A\"}\n\n{\"customer_id\":\"B\"}\n".utf8).write(to: URL(fileURLWithPath: lines))
  try Data(#"{"customers":[{"id":"Z"}]}"#.utf8).write(to: URL(fileURLWithPath: wrapped))
  try Data("{\"id\":\"A\"}\nnot json\n".utf8).write(to: URL(fileURLWithPath: broken))
  try Data(#"[{"name":"Nobody"}]"#.utf8).write(to: URL(fileURLWithPath: anonymous))
  let fromArray = try ProfileDirectory.load(path: array)
  #expect(fromArray.count == 2)
  #expect(fromArray.profile(id: "A")?.lastName == "Lee")
  #expect(try ProfileDirectory.load(path: lines).profile(id: "B") != nil)
  #expect(try ProfileDirectory.load(path: wrapped).profile(id: "Z") != nil)
  #expect(throws: ProfileDirectory.LoadError.self) { try ProfileDirectory.load(path: broken) }
  #expect(throws: ProfileDirectory.LoadError.self) { try ProfileDirectory.load(path: anonymous) }
  #expect(throws: ProfileDirectory.LoadError.self) {
    try ProfileDirectory.load(path: directory + "/none.json")
  }
}
