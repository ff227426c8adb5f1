import Foundation
import ReplyDeskCore
import Testing

private func order(
  _ id: String, _ status: OrderStatus, item: String = "Kettle", placedDaysAgo: Double = 5,
  refund: RefundStatus? = nil
) -> Order {
  Order(
    id: id, items: [OrderItem(name: item, price: Money(minorUnits: 2_000))], status: status,
    placedOn: fixedNow - placedDaysAgo * day, deliveryDate: fixedNow + day,
    refund: refund.map { Refund(amount: Money(minorUnits: 2_000), status: $0, requestedOn: fixedNow - day) })
}

private let lamp = order("114-2231", .shipped, item: "Desk lamp", placedDaysAgo: 9)
private let blender = order(
  "RD-451884", .delivered, item: "Glass blender", placedDaysAgo: 20, refund: .approved)
private let socks = order("7237754671", .processing, item: "Hiking socks (3 pairs)", placedDaysAgo: 2)
private let profile = CustomerProfile(
  id: "C1", firstName: "Ana", lastName: "Diaz", email: "ana@example.com", orders: [lamp, blender, socks])

private func resolve(_ texts: [String], pin: OrderInQuestion.Pin? = nil) -> OrderInQuestion {
  OrderInQuestion.resolve(
    turns: texts.enumerated().map { turn($0.offset * 2 + 1, .customer, $0.element) }, profile: profile,
    pin: pin)
}

@Test(arguments: [
  ("hi, my desk lamp order 114-2231 has not arrived yet", "114-2231"),
  ("where is #114-2231?", "114-2231"),
  ("order 7237754671 please", "7237754671"),
  ("I changed my mind about order RD-451884", "RD-451884"),
  ("about rd451884", "RD-451884"),
  ("the order #451884", "RD-451884"),
  ("order RD-451844 is wrong", "RD-451884"),
  ("order 7237745671", "7237754671"),
  ("status of my order no 7237 754671 pls", "7237754671"),
  ("my blender arrived broken", "RD-451884"),
  ("where are my hiking sock", "7237754671"),
  ("the lamp never came", "114-2231"),
])
func theCustomerNamesTheOrder(text: String, id: String) {
  let found = resolve([text])
  #expect(found.order?.id == id)
  #expect(found.basis == .named)
  #expect(found.isSettled)
}

@Test func theNewestNamedOrderWinsAsTheChatMoves() {
  #expect(resolve(["my desk lamp is late", "also, can I cancel 7237754671?"]).order?.id == "7237754671")
  #expect(resolve(["can I cancel 7237754671?", "thanks, and my refund?"]).order?.id == "7237754671")
}

@Test func withoutANameTheOnlyFittingOrderOrTheMostRecentOpenOne() {
  let refund = resolve(["where is my refund?"])
  #expect(refund.order?.id == "RD-451884")
  #expect(refund.basis == .onlyFitting)
  let vague = resolve(["hello, I have a question"])
  #expect(vague.order?.id == "7237754671")
  #expect(vague.basis == .mostRecent)
  #expect(!vague.isSettled)
  let single = CustomerProfile(id: "C2", firstName: "B", lastName: "C", orders: [lamp])
  let only = OrderInQuestion.resolve(turns: [turn(1, .customer, "hi")], profile: single)
  #expect(only.order?.id == "114-2231")
  #expect(only.basis == .onlyOrder)
  let none = OrderInQuestion.resolve(
    turns: [], profile: CustomerProfile(id: "C3", firstName: "D", lastName: "E"))
  #expect(none.order == nil && none.basis == .none)
}

@Test func aPinHoldsUntilTheCustomerNamesAnotherOrderLater() {
  let pin = OrderInQuestion.Pin(orderID: "RD-451884", afterTurn: 3)
  #expect(resolve(["my desk lamp is late", "hmm"], pin: pin).order?.id == "RD-451884")
  #expect(resolve(["my desk lamp is late", "hmm"], pin: pin).basis == .pinned)
  #expect(resolve(["hmm", "hmm", "actually the lamp, 114-2231"], pin: pin).order?.id == "114-2231")
}

@Test func anUnknownNumberIsNotAMatchButCountsAsGiven() {
  let facts = GroundingFacts(
    turns: [turn(1, .customer, "it's order 99999999")], profile: profile, now: fixedNow)
  #expect(facts.inQuestion.basis == .mostRecent)
  #expect(facts.chatHasOrderNumber)
  #expect(facts.holding(.orderID) != nil)
}

/// Orders whose item names have parts ("Acoustic Guitar, Spruce Top") or compound nouns.
private let partsProfile = CustomerProfile(
  id: "C4", firstName: "F", lastName: "G",
  orders: [
    order("3139-0310", .delivered, item: "Acoustic Guitar, Spruce Top"),
    order("P-98058", .cancelled, item: "Fountain Pen, Medium Nib"),
    order("46717521", .processing, item: "Board Game: Harbor Lights"),
    order("3673-4704", .returned, item: "Cat Tree Tower"),
    order("BP9650", .shipped, item: "Black Leather Wallet"),
  ])

@Test(arguments: [
  ("where's my guitar?", "3139-0310"),
  ("the fountain pen", "P-98058"),
  ("the board game one", "46717521"),
  ("i want my money back for the cat tree", "3673-4704"),
  ("my wallet", "BP9650"),
  ("the black leather one", "BP9650"),
])
func anItemIsNamedByTheHeadOfAnyPartOfItsNameOrByTwoOfItsWords(text: String, id: String) {
  let found = OrderInQuestion.resolve(turns: [turn(1, .customer, text)], profile: partsProfile)
  #expect(found.order?.id == id)
  #expect(found.basis == .named)
}

@Test func oneAdjectiveAloneNamesNoItem() {
  let found = OrderInQuestion.resolve(
    turns: [turn(1, .customer, "the black one please")], profile: partsProfile)
  #expect(found.basis != .named)
}
