import Foundation
import ReplyDeskCore
import Testing

/// A template with a slot the order in question has no value for comes after every complete one
/// that fits, and is still offered (to fill in the composer).
private let incompleteTemplates = [
  ReplyTemplate(
    id: "refund.when.dated", topic: "refund",
    text: "The refund should reach you by {refund.expected_by|weekday}.",
    conditions: TemplateConditions(refundStatus: [.approved])),
  ReplyTemplate(
    id: "refund.when.undated", topic: "refund",
    text: "The refund goes out within 24 hours; banks take 3 to 5 business days to show it.",
    conditions: TemplateConditions(refundStatus: [.approved])),
  ReplyTemplate(id: "apology", topic: "apology", text: "Sorry about that."),
]

private struct PreferringScorer: TemplateScorer {
  let name = "preferring"
  let templates = incompleteTemplates

  func score(_ request: RankingRequest, facts: GroundingFacts) -> TemplateScores {
    TemplateScores(scores: [0.7, 0.2, 0.1])
  }
}

private func suggestions(expectedBy: Date?, said: [(Speaker, String)]) -> [Suggestion] {
  var order = Order(
    id: "RD-451884", items: [OrderItem(name: "Blender", price: Money(minorUnits: 5_000))],
    status: .processing, placedOn: fixedNow - 86_400)
  if let expectedBy {
    order.status = .cancelled
    order.refund = Refund(
      amount: order.total, status: .approved, requestedOn: fixedNow - 86_400, expectedBy: expectedBy)
  }
  let profile = CustomerProfile(
    id: "C1", firstName: "Ana", lastName: "Diaz", email: "ana@example.com", orders: [order])
  let context = said.enumerated().map { turn($0.offset + 1, $0.element.0, $0.element.1) }
  return SuggestionPipeline(scorer: PreferringScorer()).rank(
    RankingRequest(chat: ChatID("c"), generation: 1, context: context, profile: profile, limit: 5)
  ).suggestions
}

@Test func aReplyMissingTheRefundDateComesAfterOneReadyToSend() {
  // The representative's reported cancellation approves a refund that has no date yet.
  let said: [(Speaker, String)] = [
    (.customer, "Please cancel RD-451884."), (.agent, "Done: order RD-451884 is cancelled."),
    (.customer, "When do I get my money?"),
  ]
  let undated = suggestions(expectedBy: nil, said: said)
  #expect(undated.map(\.id) == ["refund.when.undated", "refund.when.dated", "apology"])
  #expect(undated[1].missingSlots == ["refund.expected_by"])
  let dated = suggestions(expectedBy: fixedNow + 3 * 86_400, said: [(.customer, "When do I get my money?")])
  #expect(dated.map(\.id) == ["refund.when.dated", "refund.when.undated", "apology"])
  #expect(dated[0].missingSlots.isEmpty)
}
