import Foundation
import ReplyDeskCore
import Testing

/// A customer with no email on file and two open orders, so neither the profile nor the chat settles
/// the order or the email.
private let customer = CustomerProfile(
  id: "C1", firstName: "Ana", lastName: "Diaz",
  orders: [
    Order(id: "RD-451884", items: [], status: .processing, placedOn: fixedNow - 2 * day),
    Order(id: "RD-222222", items: [], status: .shipped, placedOn: fixedNow - 5 * day),
  ])

/// The facts of a chat given as alternating customer and agent lines, the customer first.
private func facts(_ lines: [String], profile: CustomerProfile = customer) -> GroundingFacts {
  GroundingFacts(
    turns: lines.enumerated().map {
      turn($0.offset + 1, $0.offset % 2 == 0 ? .customer : .agent, $0.element)
    },
    profile: profile, now: fixedNow)
}

private let askOrder = "Could you please give me your order number?"
private let askEither = "Could you share either your order number or the email address you used?"

@Test func aRequestAnsweredWithoutTheDetailIsNotAskedAgain() {
  let asksOrder = TemplateConditions(asks: [.orderID])
  #expect(asksOrder.needlessAsk(with: facts(["where is my refund?", askOrder, "hmm"])) == nil)
  #expect(
    asksOrder.needlessAsk(with: facts(["where is my refund?", askOrder, "told you, don't have it"]))
      == "the customer said they don't have the order number")
  let asksEmail = TemplateConditions(asks: [.email])
  let neither = facts(["where is my refund?", askEither, "Sorry, I don't have any of that."])
  #expect(neither.declined == [.orderID, .email])
  #expect(asksEmail.needlessAsk(with: neither) == "the customer said they don't have the email address")
}

@Test func aDeclineCoversOnlyTheFactItNames() {
  let chat = facts([
    "refund?", askEither, "I'm not sure which email I used, but the order number is RD-451884.",
  ])
  #expect(chat.declined == [.email])
  let noNumber = facts(["refund?", askEither, "I don't have the order number to hand, sorry."])
  #expect(noNumber.declined == [.orderID])
}

@Test func doubtWithoutARequestDeclinesNothing() {
  #expect(facts(["not sure if my order shipped"]).declined.isEmpty)
  #expect(facts(["where is it?", "Thanks, I have your account open now.", "not sure"]).declined.isEmpty)
}

@Test func aDetailMatchingNoneOfTheProfileIsUnmatched() {
  #expect(facts(["my order 7237754671 never came"]).chatHasUnmatchedDetail)
  #expect(facts(["it's order G-242"]).chatHasUnmatchedDetail)
  #expect(!facts(["my order RD-451884 never came"]).chatHasUnmatchedDetail)
  #expect(!facts(["I don't have the order number or the email"]).chatHasUnmatchedDetail)
  var withEmail = customer
  withEmail.email = "ana@example.com"
  #expect(facts(["it's anna@example.org"], profile: withEmail).chatHasUnmatchedDetail)
  #expect(!facts(["it's Ana@Example.com."], profile: withEmail).chatHasUnmatchedDetail)
}

@Test func aCheckAgainReplyWaitsForADetailThatMatchedNothing() {
  let mismatch = ReplyTemplate(
    id: "identity.mismatch", topic: "identity",
    text: "I couldn't match that to an account. Could you double-check the order number?",
    conditions: TemplateConditions(orderNamed: false, unmatched: true))
  let builder = SuggestionBuilder(templates: [mismatch])
  func mark(_ lines: [String]) -> GroundingMark? {
    builder.mark(0, facts: facts(lines), customerHasWritten: true, agentHasWritten: lines.count > 1)
  }
  #expect(mark(["refund?", askEither, "I don't have any of that."]) == nil)
  #expect(mark(["refund?", askOrder, "it's 7237754671"]) == .holds)
  #expect(mark(["refund?", askOrder, "it's RD-451884"]) == nil)
}
