import Foundation
import ReplyDeskCore
import Testing

private let templates = [
  ReplyTemplate(
    id: "cancel.yes", topic: "cancellation", text: "Order {order.id} hasn't shipped yet, so I can cancel it.",
    conditions: TemplateConditions(orderStatus: [.processing])),
  ReplyTemplate(
    id: "cancel.delivered", topic: "cancellation",
    text: "Order {order.id} was delivered, so it can't be cancelled.",
    conditions: TemplateConditions(orderStatus: [.delivered])),
  ReplyTemplate(
    id: "ask.order", topic: "identity", text: "Could you give me your order number?",
    conditions: TemplateConditions(asks: [.orderID])),
  ReplyTemplate(id: "greeting.hi", topic: "greeting", text: "Hi {customer.first_name}!", intents: ["greet"]),
  ReplyTemplate(id: "apology", topic: "apology", text: "Sorry about that."),
]

/// Scores every template the same as a fixed ranker would: the listed ids high, in that order.
private struct FixedScorer: TemplateScorer {
  let name = "fixed"
  let templates: [ReplyTemplate]
  let preferred: [String]

  func score(_ request: RankingRequest, facts: GroundingFacts) -> TemplateScores {
    TemplateScores(
      scores: templates.map { template in
        preferred.firstIndex(of: template.id).map { 1 - Double($0) * 0.1 } ?? 0.01
      })
  }
}

private func profile(_ status: OrderStatus) -> CustomerProfile {
  CustomerProfile(
    id: "C1", firstName: "Ana", lastName: "Diaz",
    orders: [
      Order(
        id: "RD-451884", items: [OrderItem(name: "Blender", price: Money(minorUnits: 5_000))], status: status,
        placedOn: fixedNow - 10 * day),
      Order(id: "RD-100200", items: [], status: .processing, placedOn: fixedNow - 30 * day),
    ])
}

private func rank(_ status: OrderStatus, _ texts: [(Speaker, String)], prefer: [String]) -> RankingResult {
  let pipeline = SuggestionPipeline(scorer: FixedScorer(templates: templates, preferred: prefer))
  let turns = texts.enumerated().map { turn($0.offset + 1, $0.element.0, $0.element.1) }
  return pipeline.rank(
    RankingRequest(chat: ChatID("c"), generation: 1, context: turns, profile: profile(status), limit: 5))
}

@Test func aContradictingSuggestionIsNeverFirstAndCarriesItsReason() {
  let result = rank(
    .delivered, [(.customer, "I changed my mind about order RD-451884, can I cancel it?")],
    prefer: ["cancel.yes", "ask.order", "cancel.delivered"])
  #expect(result.suggestions.first?.id == "cancel.delivered")
  #expect(result.suggestions.first?.grounding == .holds)
  #expect(result.suggestions.first?.text == "Order RD-451884 was delivered, so it can't be cancelled.")
  let contradicting = result.suggestions.first { $0.id == "cancel.yes" }
  #expect(contradicting?.grounding == .contradicts(reason: "order RD-451884 is delivered"))
  #expect(
    result.suggestions.map(\.id).prefix(2) == ["cancel.delivered", "cancel.yes"], "demoted, not hidden")
  #expect(result.suggestions[1].score < result.suggestions[0].score)
  #expect(result.suggestions.first { $0.id == "apology" }?.grounding == .unknown)
}

@Test func flippingTheOrderStatusFlipsTheTopSuggestion() {
  let said: [(Speaker, String)] = [(.customer, "can I cancel RD-451884?")]
  #expect(
    rank(.delivered, said, prefer: ["cancel.yes", "cancel.delivered"]).suggestions.first?.id
      == "cancel.delivered")
  #expect(
    rank(.processing, said, prefer: ["cancel.delivered", "cancel.yes"]).suggestions.first?.id == "cancel.yes")
}

@Test func anAskForWhatTheChatHoldsIsNeverOffered() {
  let named = rank(.delivered, [(.customer, "about RD-451884")], prefer: ["ask.order"])
  #expect(!named.suggestions.contains { $0.id == "ask.order" })
  let vague = rank(.delivered, [(.customer, "hello, a question")], prefer: ["ask.order"])
  #expect(vague.suggestions.first?.id == "ask.order")
}

@Test func beforeTheCustomerWritesOnlyGreetings() {
  let result = rank(.delivered, [], prefer: ["cancel.yes", "apology"])
  #expect(result.suggestions.map(\.id) == ["greeting.hi"])
  #expect(result.suggestions.first?.text == "Hi Ana!")
}

@Test func theReplyJustSentIsNotSuggestedAgain() {
  let result = rank(
    .delivered, [(.customer, "hi"), (.agent, "Sorry about that."), (.customer, "ok")],
    prefer: ["apology", "greeting.hi"])
  #expect(!result.suggestions.contains { $0.id == "apology" })
  #expect(
    !result.suggestions.contains { $0.id == "greeting.hi" }, "no greeting once the representative wrote")
  #expect(result.suggestions.count == 3, "every other template still fills the list")
}

@Test func aPinnedOrderFillsTheSlots() {
  let pipeline = SuggestionPipeline(scorer: FixedScorer(templates: templates, preferred: ["cancel.yes"]))
  let request = RankingRequest(
    chat: ChatID("c"), generation: 1, context: [turn(1, .customer, "can I cancel it?")],
    profile: profile(.delivered),
    pin: OrderInQuestion.Pin(orderID: "RD-100200", afterTurn: 1))
  let top = pipeline.rank(request).suggestions.first
  #expect(top?.text == "Order RD-100200 hasn't shipped yet, so I can cancel it.")
  #expect(top?.grounding == .holds)
}

@Test func storedSuggestionsWithoutAMarkStillDecode() throws {
  let json = #"{"source":{"template":{"id":"a"}},"segments":[{"literal":{"_0":"Hi"}}],"score":0.5}"#
  let suggestion = try JSONDecoder().decode(Suggestion.self, from: Data(json.utf8))
  #expect(suggestion.grounding == .unknown)
  let marked = Suggestion(
    source: .template(id: "a"), segments: [], score: 1, grounding: .contradicts(reason: "x"))
  let decoded = try JSONDecoder().decode(Suggestion.self, from: JSONEncoder().encode(marked))
  #expect(decoded == marked)
}

@Test func freeTextIsCheckedByWhatItStates() {
  let said = [turn(1, .customer, "about RD-451884")]
  let delivered = GroundingFacts(turns: said, profile: profile(.delivered), now: fixedNow)
  #expect(
    SuggestionBuilder.contradiction(ofText: "Your order RD-451884 hasn't shipped yet.", facts: delivered)
      == "order RD-451884 is delivered")
  #expect(SuggestionBuilder.contradiction(ofText: "It was delivered on Monday.", facts: delivered) == nil)
  #expect(SuggestionBuilder.contradiction(ofText: "Thanks for waiting!", facts: delivered) == nil)
  let processing = GroundingFacts(turns: said, profile: profile(.processing), now: fixedNow)
  #expect(
    SuggestionBuilder.contradiction(ofText: "Done: order RD-451884 is cancelled.", facts: processing) == nil,
    "an action the order allows")
  #expect(
    SuggestionBuilder.contradiction(ofText: "Done: order RD-451884 is cancelled.", facts: delivered)
      == "order RD-451884 is delivered")
  #expect(
    SuggestionBuilder.contradiction(ofText: "Your refund went out yesterday.", facts: delivered)
      == "order RD-451884 has no refund")
}

@Test func freeTextNamingAnOrderTheCustomerDoesNotHaveIsAContradiction() {
  let said = [turn(1, .customer, "where is my order?")]
  let facts = GroundingFacts(turns: said, profile: profile(.processing), now: fixedNow)
  #expect(
    SuggestionBuilder.contradiction(ofText: "Order G-242 is still being prepared.", facts: facts)
      == "order G-242 is not one of the customer's orders")
  #expect(
    SuggestionBuilder.contradiction(ofText: "Order RD-451884 is still being prepared.", facts: facts) == nil)
  #expect(SuggestionBuilder.contradiction(ofText: "Your order #451884 ships soon.", facts: facts) == nil)
  #expect(
    SuggestionBuilder.contradiction(ofText: "Your order number is on the receipt.", facts: facts) == nil)
}
