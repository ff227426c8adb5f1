import Foundation
import ReplyDeskCore
import ReplyDeskSimulation
import Testing

private func order(
  _ id: String, _ item: String, _ status: OrderStatus, daysAgo: Double, refund: RefundStatus? = nil
)
  -> Order
{
  let placed = fixedNow.addingTimeInterval(-daysAgo * 86_400)
  return Order(
    id: id, items: [OrderItem(name: item, price: Money(minorUnits: 4599))], status: status, placedOn: placed,
    deliveryDate: placed.addingTimeInterval(3 * 86_400), trackingNumber: "1Z0000",
    refund: refund.map { Refund(amount: Money(minorUnits: 4599), status: $0, requestedOn: placed) })
}

/// A customer with a delivered desk lamp (the order in question) and a newer mug still on its way.
private let twoOrders = CustomerProfile(
  id: "C1", firstName: "Ada", lastName: "Byrne", email: "ada@example.com",
  orders: [
    order("RD-451884", "Desk lamp", .delivered, daysAgo: 12),
    order("RD-114223", "Mug", .shipped, daysAgo: 2),
  ])

private func strict(
  _ scenario: Scenario, profile: CustomerProfile = twoOrders, orderID: String = "RD-451884",
  namesOrder: OrderNaming = .orderNumber, seed: UInt64 = 1, persona: Persona = .patient
) -> ScriptedCustomer {
  var spec = ScenarioSpec.builtIn(scenario)
  spec.namesOrder = namesOrder
  return ScriptedCustomer(
    profile: profile, spec: spec, persona: persona, seed: seed, now: fixedNow, orderID: orderID)
}

@Test func aShippedClaimToADeliveredOrderIsMisinformationAndGetsAContradiction() throws {
  var customer = strict(.deliveryStatus)
  let opening = customer.opening()
  #expect(opening.text.contains("451884"), "\(opening.text)")
  let before = customer.progress
  let said = customer.respond(to: "Your order RD-451884 is on its way! It's expected on Friday.")
  let reply = try #require(said)
  #expect(
    reply.text.lowercased().contains("deliver") || reply.text.lowercased().contains("arrived"),
    "\(reply.text)")
  #expect(!customer.progress.isAhead(of: before))
  #expect(customer.outcome == .abandoned)
  let wrong = try #require(customer.misinformation.first)
  #expect(customer.misinformation.count == 1)
  #expect((wrong.kind, wrong.stated, wrong.actual) == (.orderStatus, "delayed or shipped", "delivered"))
  let truth = customer.respond(to: "Our records show order RD-451884 was delivered on Monday.")
  #expect(truth?.intent != "delivery_status")
  #expect(customer.misinformation.count == 1)
}

@Test func askingForTheOrderNumberAfterTheCustomerGaveItIsAReAsk() throws {
  var customer = strict(.returnItem, namesOrder: .item)
  let opening = customer.opening()
  #expect(!opening.text.contains("451884"))
  let firstSaid = customer.respond(to: "Could you please give me your order number?")
  let first = try #require(firstSaid)
  #expect(first.intent == "provide_order_id")
  #expect(customer.reAsks.isEmpty)
  let againSaid = customer.respond(to: "Could you please give me your order number?")
  let again = try #require(againSaid)
  #expect(again.text.contains("already"), "\(again.text)")
  #expect(again.text.contains(customer.orderReference))
  #expect(customer.reAsks == [.orderNumber])
}

@Test func anOrderNumberInTheFirstMessageCountsAsGiven() throws {
  for seed in 0..<20 {
    var customer = strict(.refundStatus, seed: UInt64(seed))
    let opening = customer.opening()
    #expect(opening.text.lowercased().contains(customer.orderReference.lowercased()), "\(opening.text)")
    let before = customer.progress
    _ = customer.respond(
      to: "To pull up your account, could you share either your order number or the email address you used?")
    #expect(customer.reAsks == [.orderNumber])
    #expect(!customer.progress.isAhead(of: before))
  }
}

@Test func anAnswerAboutAnotherOrderIsWrongOrder() throws {
  var customer = strict(.deliveryStatus)
  _ = customer.opening()
  let said = customer.respond(to: "Your order RD-114223 is on its way! It's expected on Friday.")
  let reply = try #require(said)
  #expect(reply.text.contains("451884"), "\(reply.text)")
  #expect(customer.misinformation.map(\.kind) == [.wrongOrder])
  #expect(customer.misinformation.first?.stated == "RD-114223")
}

@Test func aWrongRefundStateIsMisinformation() throws {
  let refunded = CustomerProfile(
    id: "C2", firstName: "Ben", lastName: "Cho", email: "ben@example.com",
    orders: [order("RD-200300", "Yoga mat", .returned, daysAgo: 20, refund: .requested)])
  var customer = strict(.refundStatus, profile: refunded, orderID: "RD-200300", namesOrder: .any)
  _ = customer.opening()
  _ = customer.respond(to: "Your refund of $45.99 for order RD-200300 was issued on our side.")
  #expect(customer.misinformation.map(\.kind) == [.refundStatus])
  #expect(customer.misinformation.first?.actual == "requested")
  _ = customer.respond(to: "Your refund for order RD-200300 is waiting for review.")
  #expect(customer.misinformation.count == 1)
  #expect(customer.outcome == .resolved)
}

@Test func repeatedMisinformationMakesCustomersAskForASupervisorOrLeave() {
  var escalated = 0
  var left = 0
  for seed in 0..<40 {
    var customer = strict(.deliveryStatus, seed: UInt64(seed), persona: .angry)
    _ = customer.opening()
    for _ in 0..<4 where !customer.hasLeft {
      let said = customer.respond(to: "Order RD-451884 hasn't shipped yet.")
      if said?.intent == "escalate" { escalated += 1 }
      if said?.endsChat == true { left += 1 }
    }
  }
  #expect(escalated > 10)
  #expect(left > 0)
}

@Test func aCustomerWhoseOrderIsNotTheMostRecentNamesIt() throws {
  for seed in 0..<40 {
    var customer = strict(.returnItem, namesOrder: .any, seed: UInt64(seed))
    var issue = customer.opening()
    if issue.intent == "greet" {
      let said = customer.respond(to: "Hi, how can I help you today?")
      issue = try #require(said)
    }
    #expect(issue.intent == customer.mainIntent)
    let named = OrderReference.orders(namedIn: issue.text, profile: twoOrders).map(\.id)
    #expect(named == ["RD-451884"], "\(issue.text)")
  }
}

@Test func anActionTheOrderAllowsIsNoMisinformationButOneItDoesNotIs() {
  let open = CustomerProfile(
    id: "C3", firstName: "Cy", lastName: "Dee",
    orders: [order("RD-300400", "Wall clock", .processing, daysAgo: 1)])
  var customer = strict(.orderCancellation, profile: open, orderID: "RD-300400")
  _ = customer.opening()
  _ = customer.respond(to: "Done: order RD-300400 is cancelled. The full $45.99 goes back to your card.")
  _ = customer.respond(
    to: "Because the order was cancelled before shipping, the $45.99 is released straight away.")
  #expect(customer.misinformation.isEmpty)
  var late = strict(.orderCancellation)
  _ = late.opening()
  _ = late.respond(to: "Done: order RD-451884 is cancelled. The full $45.99 goes back to your card.")
  #expect(late.misinformation.map(\.actual) == ["delivered"])
}

@Test func aCustomerAskingWhereItsParcelIsTurnsDownAnUnrelatedOffer() throws {
  let offer =
    "I don't see a refund request on order RD-114223 yet. Would you like me to start one for you now?"
  var asking = strict(.deliveryStatus, orderID: "RD-114223")
  _ = asking.opening()
  let answer = asking.respond(to: offer)
  let said = try #require(answer)
  #expect(said.intent == asking.mainIntent, "it says no and asks its question again: \(said.text)")
  #expect(said.text.lowercased().hasPrefix("no"), "\(said.text)")
  let refundOffer = "Order RD-114223 has no refund yet. Would you like me to start one for you now?"
  var refunding = strict(.refundStatus, orderID: "RD-114223")
  _ = refunding.opening()
  let accepted = refunding.respond(to: refundOffer)
  #expect(accepted?.intent == "refund_start", "\(accepted?.text ?? "")")
}
