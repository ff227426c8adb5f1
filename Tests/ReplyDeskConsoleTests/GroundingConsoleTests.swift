import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// The order in question in the console: contradicting suggestions show why and ask before sending,
/// and F4 picks another order, which re-ranks at once.
@Suite struct GroundingConsoleTests {
  /// `Fixture.openChat()` at 160x48 whose suggestion 2 contradicts the profile.
  private func withAContradiction() -> ConsoleState {
    var suggestions = SampleState.suggestions()
    suggestions[1].grounding = .contradicts(reason: "order A1234 is delivered")
    return Fixture.openChat(size: Size(width: 160, height: 48), suggestions: suggestions)
  }

  @Test func aContradictingSuggestionShowsItsReasonInTheList() {
    let screen = render(withAContradiction(), size: Size(width: 160, height: 48)).plainText
    let row = screen.split(separator: "\n").first { $0.contains(" 2 ") && $0.contains("✗") }
    #expect(row?.contains("✗ order A1234 is delivered: ") == true, "\(screen)")
  }

  @Test func sendingItAsksFirstAndYSends() throws {
    var state = withAContradiction()
    #expect(Fixture.commitments(Fixture.press(&state, .character("2"), at: 30)).isEmpty)
    guard case .confirmSend(let held) = state.overlay else {
      Issue.record("no question before sending a contradiction: \(String(describing: state.overlay))")
      return
    }
    #expect(held.reason == .contradicts("order A1234 is delivered"))
    let screen = render(state, size: state.size).plainText
    #expect(screen.contains("Send a reply that contradicts the profile?"))
    #expect(screen.contains("The profile says order A1234 is delivered:"))
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .character("y"), at: 31)).first)
    #expect(commitment.decision.sentText == SampleState.suggestions()[1].text)
  }

  @Test func escapeKeepsItUnsent() {
    var state = withAContradiction()
    _ = Fixture.press(&state, .character("2"), at: 30)
    #expect(Fixture.commitments(Fixture.press(&state, .escape, at: 31)).isEmpty)
    #expect(state.overlay == nil)
  }

  @Test func aSuggestionThatHoldsIsSentAtOnce() {
    var state = withAContradiction()
    #expect(Fixture.commitments(Fixture.press(&state, .character("1"), at: 30)).count == 1)
  }

  @Test func f4PicksTheNextOrderAndReRanksWithThePin() throws {
    var state = Fixture.openChat(size: Size(width: 160, height: 48))
    #expect(state.active?.orderInQuestion.order?.id == "A1234")
    let requests = Fixture.rankRequests(Fixture.press(&state, .function(4), at: 30))
    let request = try #require(requests.first)
    #expect(request.pin?.orderID == "A0988")
    #expect(state.active?.orderInQuestion.order?.id == "A0988")
    #expect(state.active?.orderInQuestion.basis == .pinned)
    #expect(state.status?.text.contains("Order in question: #A0988 · delivered") == true)
    let screen = render(state, size: state.size).plainText
    #expect(screen.contains("▶ #A0988"))
    _ = Fixture.press(&state, .function(4), at: 31)
    #expect(state.active?.orderInQuestion.order?.id == "A1311")
  }

  @Test func theCustomerNamingAnotherOrderLaterWinsOverThePin() {
    var state = Fixture.openChat(size: Size(width: 160, height: 48))
    _ = Fixture.press(&state, .function(4), at: 30)
    _ = Fixture.say(&state, Fixture.chat, "and what about the kettle?", at: 40)
    #expect(state.active?.orderInQuestion.order?.id == "A1311")
  }

  @Test func theOrderInQuestionIsResolvedOnceWhenTheChatChangesNotPerFrame() throws {
    var state = Fixture.openChat(size: Size(width: 160, height: 48))
    let before = try #require(state.active?.resolvedOrder)
    #expect(before.value.order?.id == "A1234")
    _ = Fixture.say(&state, Fixture.chat, "and what about the kettle?", at: 40)
    let after = try #require(state.active?.resolvedOrder)
    #expect(after.value.order?.id == "A1311", "a new turn resolves it again")
    #expect(after.source.turnCount == before.source.turnCount + 1)
    _ = Fixture.press(&state, .function(4), at: 41)
    #expect(state.active?.resolvedOrder?.value.basis == .pinned, "a pin resolves it again")
  }
}
