import Foundation
import ReplyDeskCore
import Testing

private let library = try! TemplateLibrary.load(directory: shippedTemplatesDirectory)
private let ranker = SuggestionPipeline(scorer: LexicalRanker(templates: library.templates))

private func rank(
  _ context: [Turn], draft: String = "", profile: CustomerProfile = completeProfile(), limit: Int = 9
)
  -> RankingResult
{
  ranker.rank(
    RankingRequest(
      chat: ChatID("t"), generation: 1, context: context, profile: profile, draft: draft, limit: limit))
}

private func topTopic(_ text: String) -> String? {
  rank([turn(1, .customer, text)]).suggestions.first.map { String($0.id.split(separator: ".")[0]) }
}

@Test(arguments: [
  ("Hi, where is my refund? I sent the item back two weeks ago.", "refund"),
  ("has my refund been issued yet?", "refund"),
  ("Can you tell me when my order will be delivered?", "delivery"),
  ("What's the tracking number for my package?", "delivery"),
  ("I want to cancel my order please", "cancellation"),
  ("How do I return the lamp? It doesn't fit.", "return"),
  ("I need to change the delivery address on my order", "address"),
  ("My card keeps getting declined when I try to pay", "payment"),
  ("I was charged twice for the same order", "payment"),
  ("Hello!", "greeting"),
  ("I want to speak to a manager", "escalation"),
])
func customerQuestionsGetTemplatesOfTheirTopicOnTop(text: String, topic: String) {
  #expect(topTopic(text) == topic)
}

/// A late parcel gets a delivery reply when the order is late; templates saying it is late are not
/// offered for an order still on schedule (their condition `order.late: true`).
@Test func aLateParcelGetsADeliveryReplyWhenTheOrderIsLate() {
  var profile = completeProfile()
  profile.orders[0].deliveryDate = fixedNow - 2 * day
  let question = [turn(1, .customer, "My parcel is late, it was supposed to arrive on Monday")]
  let late = rank(question, profile: profile).suggestions
  #expect(late.first.map { String($0.id.split(separator: ".")[0]) } == "delivery", "\(late.map(\.id))")
  let onSchedule = rank(question).suggestions
  #expect(
    !onSchedule.contains { $0.id == "delivery.late.compensation" && $0.grounding.contradictionReason == nil })
}

@Test func thanksAndGoodbyeGetClosingTemplates() {
  let context = [
    turn(1, .customer, "Where is my refund?"),
    turn(2, .agent, "Your refund of $42.50 was issued on our side."),
    turn(3, .customer, "Great, thanks a lot!"),
  ]
  #expect(rank(context).suggestions.first?.id == "closing.anything_else")
  let ending =
    context + [
      turn(4, .agent, "Is there anything else I can help you with today?"),
      turn(5, .customer, "No, that's all. Bye!"),
    ]
  #expect(rank(ending).suggestions.first?.id.hasPrefix("closing.") == true)
  #expect(rank(ending).suggestions.first?.id != "closing.anything_else")
}

@Test func anOrderNumberGetsTheIdentityConfirmation() {
  let context = [
    turn(1, .customer, "I'd like to return something"),
    turn(2, .agent, "Could you please give me your order number so I can find the right order?"),
    turn(3, .customer, "Sure, it's RD-482913"),
  ]
  #expect(rank(context).suggestions.first?.id == "identity.confirmed.order")
}

@Test func templatesMatchingTheRefundStatusRankFirst() {
  let result = rank([turn(1, .customer, "What's the status of my refund?")])
  #expect(result.suggestions.first?.id == "refund.status.issued")
}

@Test func unfillableTemplatesRankLowerButStayListed() throws {
  let question = [turn(1, .customer, "Which address do you have on file? I moved.")]
  let full = rank(question, limit: 80).suggestions.map(\.id)
  var profile = completeProfile()
  profile.address = nil
  let result = rank(question, profile: profile, limit: 80)
  let ids = result.suggestions.map(\.id)
  let current = result.suggestions.first { $0.id == "address.current" }
  #expect(current?.missingSlots == ["customer.address"])
  #expect(try #require(ids.firstIndex(of: "address.current")) > (full.firstIndex(of: "address.current") ?? 0))
}

@Test func aTemplateTheProfileContradictsIsListedLowerWithItsReason() {
  let question = [turn(1, .customer, "What's the status of my refund?")]
  var profile = completeProfile()
  profile.orders[0].refund = nil
  let result = rank(question, profile: profile, limit: 80)
  #expect(result.suggestions.first?.id == "refund.none.found")
  let contradicting = result.suggestions.filter { $0.grounding.contradictionReason != nil }
  #expect(contradicting.count == SuggestionBuilder.maximumContradictions)
  #expect(contradicting.first?.grounding == .contradicts(reason: "order RD-482913 has no refund"))
  #expect(
    contradicting.allSatisfy { $0.grounding.contradictionReason?.hasPrefix("order RD-482913 ") == true })
}

@Test func theLatestCustomerTurnOutweighsEarlierOnes() {
  let context = [
    turn(1, .customer, "Where is my refund?"),
    turn(2, .agent, "Your refund was issued."),
    turn(3, .customer, "Also, what's the tracking number for my other parcel?"),
  ]
  #expect(rank(context).suggestions.first?.id == "delivery.tracking")
}

@Test func theDraftSteersTheRanking() {
  let context = [turn(1, .customer, "Hi")]
  let result = rank(context, draft: "sorry, passing this to a supervisor")
  #expect(result.suggestions.first?.id.hasPrefix("escalation.") == true)
}

@Test func aTemplateAlreadySentDropsDown() {
  let offer =
    "Order RD-482913 hasn't shipped yet, so I can still cancel it. Shall I go ahead and cancel the whole order?"
  let context = [
    turn(1, .customer, "Please cancel my order"), turn(2, .agent, offer),
    turn(3, .customer, "Yes please, cancel it"),
  ]
  var profile = completeProfile()
  profile.orders[0].status = .processing
  let ids = rank(context, profile: profile).suggestions.map(\.id)
  #expect(ids.first == "cancellation.done")
  #expect(ids.firstIndex(of: "cancellation.offer.processing").map { $0 > 0 } ?? true)
}

@Test func resultsAreFilledScoredAndLimited() throws {
  let result = rank([turn(1, .customer, "where is my refund")], limit: 5)
  #expect(result.rankerName == "lexical")
  #expect(result.suggestions.count == 5)
  let scores = result.suggestions.map(\.score)
  #expect(scores.allSatisfy { (0...1).contains($0) })
  #expect(scores == scores.sorted(by: >))
  #expect(scores[0] > 0)
  let top = try #require(result.suggestions.first)
  #expect(top.source == .template(id: top.id))
  #expect(top.text.contains("$42.50"))
  #expect(top.text.contains("{") == false)
}

@Test func attendedWordsPointAtTheMatchingContextWords() {
  let result = rank([
    turn(1, .customer, "Hello"), turn(2, .agent, "Hi!"), turn(7, .customer, "where is my refund"),
  ])
  let refund = result.attended.first { $0.word == "refund" }
  #expect(refund?.turnID == 7)
  #expect(refund?.weight == 1)
  #expect(result.attended.allSatisfy { (0...1).contains($0.weight) })
}

@Test func emptyContextStillRanksGreetingsFirst() {
  let result = rank([])
  #expect(result.suggestions.first?.id.hasPrefix("greeting.") == true)
  #expect(rank([], limit: 0).suggestions.isEmpty)
}

@Test func hostileTextIsHandled() {
  let noise = String(repeating: "💥{}{{|<script>\u{0}ö ", count: 2_000)
  let result = rank([turn(1, .customer, noise)])
  #expect(result.suggestions.count == 9)
}

@Test func rankingIsDeterministic() {
  let context = [turn(1, .customer, "My order is late and I want a refund")]
  #expect(rank(context).suggestions == rank(context).suggestions)
}

@Test func goodMorningIsAGreetingNotAFarewell() {
  let result = rank([turn(1, .customer, "Good morning.")])
  #expect(
    result.suggestions.first.map { $0.id.hasPrefix("greeting.") } == true, "\(result.suggestions.map(\.id))")
}
