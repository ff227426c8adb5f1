import Foundation
import ReplyDeskCore
import Testing

/// Conditions that follow the chat: actions the representative reported, offers the latest reply
/// made, details the customer gave, and an order in question that is only a guess.
private let templates = [
  ReplyTemplate(
    id: "cancel.offer", topic: "cancellation",
    text: "Order {order.id} hasn't shipped yet. Shall I cancel it?",
    conditions: TemplateConditions(orderStatus: [.processing])),
  ReplyTemplate(
    id: "cancel.done", topic: "cancellation", text: "Done: order {order.id} is cancelled.",
    conditions: TemplateConditions(orderStatus: [.processing], after: ["cancel.offer"])),
  ReplyTemplate(
    id: "refund.none", topic: "refund", text: "I don't see a refund on order {order.id} yet.",
    conditions: TemplateConditions(refund: .absent)),
  ReplyTemplate(
    id: "address.ask", topic: "address", text: "What's the new address, please?",
    conditions: TemplateConditions(asks: [.address])),
  ReplyTemplate(
    id: "address.confirm", topic: "address", text: "Shall I send it to the address you gave me?",
    conditions: TemplateConditions(given: [.address])),
  ReplyTemplate(id: "greeting.hi", topic: "greeting", text: "Hi {customer.first_name}!", intents: ["greet"]),
  ReplyTemplate(id: "apology", topic: "apology", text: "Sorry about that."),
]

private struct FixedScorer: TemplateScorer {
  let name = "fixed"
  let templates: [ReplyTemplate]
  let preferred: [String]

  func score(_ request: RankingRequest, facts: GroundingFacts) -> TemplateScores {
    TemplateScores(
      scores: templates.map { preferred.firstIndex(of: $0.id).map { 1 - Double($0) * 0.1 } ?? 0.01 })
  }
}

private func order(_ id: String, _ status: OrderStatus, placed: Double, item: String = "Blender") -> Order {
  Order(
    id: id, items: [OrderItem(name: item, price: Money(minorUnits: 5_000))], status: status,
    placedOn: fixedNow - placed * day)
}

private func customer(_ orders: [Order]) -> CustomerProfile {
  CustomerProfile(id: "C1", firstName: "Ana", lastName: "Diaz", email: "ana@example.com", orders: orders)
}

private func chat(_ texts: [(Speaker, String)]) -> [Turn] {
  texts.enumerated().map { turn($0.offset + 1, $0.element.0, $0.element.1) }
}

private func rank(_ profile: CustomerProfile, _ texts: [(Speaker, String)], prefer: [String]) -> [Suggestion]
{
  SuggestionPipeline(scorer: FixedScorer(templates: templates, preferred: prefer)).rank(
    RankingRequest(chat: ChatID("c"), generation: 1, context: chat(texts), profile: profile, limit: 5)
  ).suggestions
}

@Test func aReportedCancellationCancelsTheOrderInQuestion() {
  let processing = customer([order("RD-451884", .processing, placed: 2)])
  let said = chat([(.customer, "cancel RD-451884"), (.agent, "Done: order RD-451884 is cancelled.")])
  let facts = GroundingFacts(turns: said, profile: processing, now: fixedNow)
  #expect(facts.inQuestion.order?.status == .cancelled)
  #expect(facts.inQuestion.order?.refund?.status == .approved)
  #expect(
    TemplateConditions(refund: .absent).contradiction(with: facts)
      == "order RD-451884 has a refund (approved)")
  let shipped = customer([order("RD-451884", .shipped, placed: 2)])
  #expect(GroundingFacts(turns: said, profile: shipped, now: fixedNow).inQuestion.order?.status == .shipped)
  let other = chat([(.customer, "cancel RD-451884"), (.agent, "Done: order RD-999111 is cancelled.")])
  #expect(
    GroundingFacts(turns: other, profile: processing, now: fixedNow).inQuestion.order?.status == .processing)
  let refund = chat([(.customer, "RD-451884"), (.agent, "I've started a refund for order RD-451884.")])
  #expect(
    GroundingFacts(turns: refund, profile: processing, now: fixedNow).inQuestion.order?.refund?.status
      == .requested)
}

@Test func aConfirmationNeedsTheOfferItAnswers() {
  let processing = customer([order("RD-451884", .processing, placed: 2)])
  let offered = rank(
    processing,
    [
      (.customer, "cancel RD-451884"), (.agent, "Order RD-451884 hasn't shipped yet. Shall I cancel it?"),
      (.customer, "yes"),
    ], prefer: ["cancel.done", "apology"])
  #expect(offered.first?.id == "cancel.done")
  #expect(offered.first?.grounding == .holds)
  let unasked = rank(
    processing, [(.customer, "hi"), (.agent, "Sorry about that."), (.customer, "yes")],
    prefer: ["cancel.done"])
  #expect(!unasked.contains { $0.id == "cancel.done" })
  let reworded = rank(
    processing,
    [
      (.customer, "cancel RD-451884"),
      (.agent, "Sure. Order RD-451884 hasn't shipped yet.  Shall I cancel it?"),
      (.customer, "yes"),
    ], prefer: ["cancel.done"])
  #expect(reworded.first?.id == "cancel.done", "an offer the representative added to still counts")
}

@Test func anAddressTheCustomerWroteIsNotAskedForAgainAndCanBeActedOn() {
  #expect(PostalAddress.appears(in: "Please send it to 93 Oak Street, Raleigh, NC 27601"))
  #expect(PostalAddress.appears(in: "Keizersgracht 289, 1012 Amsterdam"))
  #expect(!PostalAddress.appears(in: "Where is order 451884? I ordered 2 lamps on the 3rd."))
  let profile = customer([order("RD-451884", .processing, placed: 2)])
  let before = rank(
    profile, [(.customer, "I need to change the address of RD-451884")],
    prefer: ["address.ask", "address.confirm"])
  #expect(before.first?.id == "address.ask")
  #expect(!before.contains { $0.id == "address.confirm" })
  let given = rank(
    profile, [(.customer, "RD-451884 should go to 12 Mill Lane, Leeds")],
    prefer: ["address.ask", "address.confirm"])
  #expect(!given.contains { $0.id == "address.ask" })
  #expect(given.first?.id == "address.confirm")
}

@Test func aContradictionStaysBelowAFittingReplyWhenTheBestOneWasSent() {
  let delivered = customer([order("RD-451884", .delivered, placed: 9)])
  let result = rank(
    delivered, [(.customer, "RD-451884?"), (.agent, "Sorry about that."), (.customer, "ok")],
    prefer: ["apology", "cancel.offer", "refund.none"])
  #expect(result.first?.id == "refund.none")
  #expect(result.map(\.id).prefix(2) == ["refund.none", "cancel.offer"])
  let onlyContradictions = SuggestionBuilder(templates: [templates[0]]).build(
    scores: [1],
    for: RankingRequest(
      chat: ChatID("c"), generation: 1, context: chat([(.customer, "RD-451884?")]),
      profile: delivered, limit: 4),
    facts: GroundingFacts(turns: chat([(.customer, "RD-451884?")]), profile: delivered, now: fixedNow))
  #expect(
    onlyContradictions.isEmpty, "a contradiction is never first, so without a fitting reply none is shown")
}

@Test func noGreetingOnceTheRepresentativeHasWritten() {
  let profile = customer([order("RD-451884", .delivered, placed: 9)])
  #expect(rank(profile, [(.customer, "hello")], prefer: ["greeting.hi"]).first?.id == "greeting.hi")
  let later = rank(
    profile, [(.customer, "hello"), (.agent, "Hi Ana!"), (.customer, "hi, my order?")],
    prefer: ["greeting.hi"])
  #expect(!later.contains { $0.id == "greeting.hi" })
}

@Test func noOrderStateIsStatedWhileTheOrderIsAGuessAmongOpenOrders() {
  let two = customer([
    order("RD-451884", .processing, placed: 2), order("RD-100200", .shipped, placed: 5, item: "Lamp"),
  ])
  let vague = rank(two, [(.customer, "hello, is anyone there?")], prefer: ["cancel.offer", "apology"])
  #expect(!vague.contains { $0.id == "cancel.offer" })
  let named = rank(two, [(.customer, "can I cancel RD-451884?")], prefer: ["cancel.offer", "apology"])
  #expect(named.first?.id == "cancel.offer")
  let oneOpen = customer([
    order("RD-451884", .processing, placed: 2), order("RD-100200", .delivered, placed: 30),
  ])
  #expect(
    rank(oneOpen, [(.customer, "hello, is anyone there?")], prefer: ["cancel.offer"]).first?.id
      == "cancel.offer")
}

@Test func aCommonWordOneLetterOffAnItemDoesNotNameTheOrder() {
  let mentions = OrderMentions(orders: [order("RD-704080", .delayed, placed: 3, item: "Linen duvet cover")])
  #expect(mentions.orderIDs(in: "I've handed this over to the right team.").isEmpty)
  #expect(mentions.orderIDs(in: "where is my duvet covr?") == ["RD-704080"])
}

@Test func givenAndAfterAreReadAndAnUnknownOfferIsReportedAtItsLine() throws {
  let fixtures = try FixtureDirectory()
  try fixtures.write(
    "t.yaml",
    """
    templates:
      - id: a.offer
        text: "Shall I?"
      - id: a.done
        when: {given: [customer.address], after: [a.offer]}
        text: "Done."
      - id: a.lost
        when: {after: [a.missing]}
        text: "Done too."
    """)
  let library = try fixtures.load()
  #expect(
    library.templates.first { $0.id == "a.done" }?.conditions
      == TemplateConditions(given: [.address], after: ["a.offer"]))
  let issue = try #require(library.issues.first)
  #expect(library.issues.count == 1)
  #expect(issue.location.line == 7, "\(issue)")
  #expect(issue.message.contains("'a.missing'"), "\(issue.message)")
}

@Test func anAcceptedOfferHoldsStatusRepliesBackUntilItIsCarriedOut() {
  let processing = customer([order("RD-451884", .processing, placed: 2)])
  let offer = "Order RD-451884 hasn't shipped yet. Shall I cancel it?"
  func chatAnswering(_ answer: String) -> [(Speaker, String)] {
    [(.customer, "cancel RD-451884"), (.agent, offer), (.customer, answer)]
  }
  let accepted = rank(
    processing, chatAnswering("yes please"), prefer: ["refund.none", "cancel.done", "apology"])
  #expect(accepted.first?.id == "cancel.done")
  #expect(!accepted.contains { $0.id == "refund.none" }, "a reply stating the order's state waits")
  let declined = rank(processing, chatAnswering("no, keep it"), prefer: ["refund.none", "cancel.done"])
  #expect(declined.first?.id == "refund.none", "a no leaves the order as it is")
  for yes in [
    "Yes, go ahead", "That would be great, thank you.", "please do", "ok", "Ys. Obviously.", "k", "ype",
  ] {
    let facts = GroundingFacts(turns: chat(chatAnswering(yes)), profile: processing, now: fixedNow)
    #expect(facts.acceptedOffer == .cancelsOrder, "\(yes)")
  }
  for no in ["no thanks", "Actually, no. I'll keep it after all.", "wait, not yet"] {
    let facts = GroundingFacts(turns: chat(chatAnswering(no)), profile: processing, now: fixedNow)
    #expect(facts.acceptedOffer == nil, "\(no)")
  }
  let facts = GroundingFacts(turns: chat(chatAnswering("Yes, go ahead")), profile: processing, now: fixedNow)
  #expect(
    SuggestionBuilder.contradiction(ofText: "Order RD-451884 is still being prepared.", facts: facts)
      == "the customer just agreed to cancel order RD-451884")
  #expect(SuggestionBuilder.contradiction(ofText: "Done: order RD-451884 is cancelled.", facts: facts) == nil)
  let carriedOut = chat(
    chatAnswering("yes") + [(.agent, "Done: order RD-451884 is cancelled."), (.customer, "ok")])
  #expect(GroundingFacts(turns: carriedOut, profile: processing, now: fixedNow).acceptedOffer == nil)
  let shipped = customer([order("RD-451884", .shipped, placed: 2)])
  #expect(
    GroundingFacts(turns: chat(chatAnswering("yes")), profile: shipped, now: fixedNow).acceptedOffer == nil,
    "an order that can no longer be cancelled has no offer waiting")
  let refundOffer = "I don't see a refund on order RD-451884 yet. Would you like me to start one?"
  let refund = chat([(.customer, "refund RD-451884"), (.agent, refundOffer), (.customer, "sure")])
  #expect(GroundingFacts(turns: refund, profile: processing, now: fixedNow).acceptedOffer == .startsRefund)
}
