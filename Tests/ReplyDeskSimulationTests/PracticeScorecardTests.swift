import Foundation
import ReplyDeskCore
import ReplyDeskSimulation
import Testing

private let chat = ChatID("practice-1")
private let customer = CustomerProfile(
  id: "cust-1", firstName: "Ada", lastName: "Byrne", email: "ada@example.com",
  orders: [
    Order(
      id: "RD-100200", items: [OrderItem(name: "Lamp", price: Money(minorUnits: 4500))], status: .processing,
      placedOn: fixedNow)
  ])

/// Builds one chat's events, each a few seconds after the previous one.
private struct SessionScript {
  var events: [SessionEvent] = []
  var clock = fixedNow

  mutating func add(_ kind: SessionEventKind, after seconds: Double = 1) {
    clock += seconds
    events.append(SessionEvent(chat: chat, time: clock, kind: kind))
  }

  mutating func customer(_ text: String) { add(.customerMessage(text: text), after: 5) }

  mutating func shown(_ top: String) {
    let suggestion = Suggestion(source: .template(id: "top"), segments: [.literal(top)], score: 0.8)
    add(.suggestionsShown(suggestions: [ShownSuggestion(rank: 1, suggestion: suggestion)], ranker: "lexical"))
  }

  mutating func decide(_ decision: Decision, after seconds: Double) {
    add(.decision(decision: decision, responseSeconds: seconds), after: seconds)
  }
}

private let cancelling = ScenarioSpec(
  name: "strict_cancel", scenario: .orderCancellation, goal: "Cancel.",
  policy: [.verifyIdentityBefore(.cancel), .askAnythingElseBeforeClosing])

private let offer = "Order RD-100200 hasn't shipped yet, so I can still cancel it. Shall I go ahead?"
private let done = "Done: order RD-100200 is cancelled. The full $45.00 goes back to your card."

@Test func aScorecardSumsUpAHandBuiltSession() throws {
  var script = SessionScript()
  script.add(.started(representative: "trainee", customer: customer, channel: "practice"), after: 0)
  script.customer("I need to cancel my lamp order.")
  script.shown(offer)
  script.decide(.accepted(suggestionID: "top", rank: 1, text: offer), after: 7)
  script.customer("Yes please.")
  script.shown(done)
  script.decide(.written(text: done + " Anything else?"), after: 12)
  script.customer("No, thanks.")
  script.shown("You're very welcome! Is there anything else I can help you with today?")
  script.decide(
    .edited(
      suggestionID: "top", rank: 2, original: "Glad I could help.", final: "Glad I could help. Goodbye!"),
    after: 4)
  script.add(.ended(outcome: .resolved), after: 3)

  let card = PracticeScorecard(chat: chat, events: script.events, scenario: cancelling)
  #expect(card.scenario == "strict_cancel")
  #expect(card.customerName == "Ada Byrne")
  #expect(card.outcome == .resolved)
  #expect(card.handleSeconds == 5 + 1 + 7 + 5 + 1 + 12 + 5 + 1 + 4 + 3)
  #expect(card.firstResponseSeconds == 8)
  #expect((card.accepted, card.edited, card.written, card.escalated) == (1, 1, 1, 0))
  #expect(
    card.turns.map(\.customerText) == ["I need to cancel my lamp order.", "Yes please.", "No, thanks."])
  #expect(card.turns.map(\.how) == ["accepted #1", "written", "edited #2"])
  #expect(card.turns[1].rankerChoice == done)
  #expect(card.turns[1].traineeReply == done + " Anything else?")
  #expect(card.agreedWithRanker == 1)
  #expect(card.slips.map(\.rule) == [.verifyIdentityBefore(.cancel)])
  #expect(card.slips.first?.reply == 2)
  #expect(card.text.contains("ranker: same"))
  #expect(card.text.contains("customer's goal  Cancel."))
  #expect(card.text.contains("did not verify identity"))
  #expect(card.summary.contains("1 accepted, 1 edited, 1 written, 0 escalated"))
}

private func cancellation(asking question: String?, answer: String) -> [SessionEvent] {
  var script = SessionScript()
  script.add(.started(representative: "trainee", customer: customer, channel: "practice"), after: 0)
  script.customer("Please cancel my order.")
  if let question {
    script.decide(.written(text: question), after: 3)
    script.customer(answer)
  }
  script.decide(.written(text: done), after: 3)
  script.customer("Thanks.")
  script.decide(.written(text: "Thanks for chatting with us, Ada. Have a great day!"), after: 3)
  return script.events
}

@Test func cancellingBeforeVerifyingIdentityIsASlip() {
  let unasked = PracticeScorecard(
    chat: chat, events: cancellation(asking: nil, answer: ""), scenario: cancelling)
  #expect(unasked.slips.map(\.rule) == [.verifyIdentityBefore(.cancel), .askAnythingElseBeforeClosing])
  let wrongAnswer = PracticeScorecard(
    chat: chat,
    events: cancellation(asking: "Could you give me your order number?", answer: "I don't have it."),
    scenario: cancelling)
  #expect(wrongAnswer.slips.map(\.rule).contains(.verifyIdentityBefore(.cancel)))
  let verified = PracticeScorecard(
    chat: chat,
    events: cancellation(asking: "Could you give me your order number?", answer: "It's rd-100200."),
    scenario: cancelling)
  #expect(!verified.slips.map(\.rule).contains(.verifyIdentityBefore(.cancel)))
  let byEmail = PracticeScorecard(
    chat: chat,
    events: cancellation(
      asking: "Could you confirm the email address on the order?", answer: "ada@example.com"),
    scenario: cancelling)
  #expect(!byEmail.slips.map(\.rule).contains(.verifyIdentityBefore(.cancel)))
}

@Test func askingForAnythingElseBeforeGoodbyeIsNoSlip() {
  var script = SessionScript()
  script.add(.started(representative: "trainee", customer: customer, channel: "practice"), after: 0)
  script.customer("Where is my order?")
  script.decide(.written(text: "Is there anything else I can help you with today?"), after: 2)
  script.customer("No.")
  script.decide(.written(text: "Glad I could help. Take care, and goodbye!"), after: 2)
  let card = PracticeScorecard(chat: chat, events: script.events, scenario: cancelling)
  #expect(card.slips.isEmpty)
  let noRules = PracticeScorecard(
    chat: chat, events: cancellation(asking: nil, answer: ""), scenario: .builtIn(.orderCancellation))
  #expect(noRules.slips.isEmpty)
}

@Test func otherChatsAndEmptySessionsAreHandled() {
  let stray = SessionEvent(chat: ChatID("other"), time: fixedNow, kind: .customerMessage(text: "Hello?"))
  let card = PracticeScorecard(chat: chat, events: [stray], scenario: nil)
  #expect(card.turns.isEmpty)
  #expect(card.handleSeconds == 0)
  #expect(card.firstResponseSeconds == nil)
  #expect(card.scenario == "unknown")
  #expect(PracticeScorecard.totals([card]).hasPrefix("1 chats: mean handle 0s"))
}

@Test func aScorecardsFiguresAreWhatIsStored() throws {
  var script = SessionScript()
  script.add(.started(representative: "trainee", customer: customer, channel: "practice"), after: 0)
  script.customer("I need to cancel my lamp order.")
  script.shown(done)
  script.decide(.written(text: done), after: 6)
  script.customer("Thanks.")
  script.decide(.written(text: "Have a great day!"), after: 4)
  script.add(.ended(outcome: .resolved), after: 2)

  let card = PracticeScorecard(chat: chat, events: script.events, scenario: cancelling)
  let score = card.score(suggestionsHidden: true)
  #expect(score.scenario == "strict_cancel" && score.suggestionsHidden)
  #expect(score.handleSeconds == card.handleSeconds && score.firstResponseSeconds == 7)
  #expect((score.accepted, score.edited, score.written, score.escalated) == (0, 0, 2, 0))
  #expect((score.rankedDecisions, score.agreedWithRanker) == (2, 1))
  #expect(
    score.policySlips == ["verify_identity_before: cancel", "ask_anything_else_before_closing"],
    "\(card.slips)")
}
