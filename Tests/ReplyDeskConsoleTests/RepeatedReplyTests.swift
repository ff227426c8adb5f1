import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// A reply already sent in a chat is never suggested again, and sending the same text twice asks first.
@Suite struct RepeatedReplyTests {
  /// `Fixture.openChat()` with suggestion 1 sent at +30 s.
  private func afterSendingTheFirst() throws -> ConsoleState {
    var state = Fixture.openChat()
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .character("1"), at: 30)).first)
    _ = update(&state, .committed(commitment, now: Fixture.start + 30))
    return state
  }

  /// `Fixture.openChat()` with "On it!" written and sent at +30 s, then typed again in the composer.
  private func typingTheSameReplyAgain() throws -> ConsoleState {
    var state = Fixture.openChat()
    Fixture.type(&state, "On it!")
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .enter, at: 30)).first)
    _ = update(&state, .committed(commitment, now: Fixture.start + 30))
    Fixture.say(&state, Fixture.chat, "Thanks", at: 35)
    Fixture.type(&state, "On it! ")
    return state
  }

  @Test func theReplyJustSentLeavesTheListAtOnce() throws {
    let state = try afterSendingTheFirst()
    let shown = try #require(state.active?.suggestions.rows)
    #expect(shown == Array(SampleState.suggestions().dropFirst()))
  }

  @Test func aReRankedListNeverOffersAReplyAlreadySent() throws {
    var state = try afterSendingTheFirst()
    Fixture.say(&state, Fixture.chat, "And A1311?", at: 40)
    Fixture.deliverRanking(&state, suggestions: SampleState.suggestions(), at: 40)
    #expect(state.active?.suggestions.rows.first == SampleState.suggestions()[1])
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .enter, at: 45)).first)
    #expect(commitment.decision.sentText == SampleState.suggestions()[1].text)
  }

  @Test func sendingTheSameTextAgainAsksFirst() throws {
    var state = try typingTheSameReplyAgain()
    #expect(Fixture.commitments(Fixture.press(&state, .enter, at: 40)).isEmpty)
    guard case .confirmSend(let repeated) = state.overlay else {
      Issue.record("no question before the repeat: \(String(describing: state.overlay))")
      return
    }
    #expect(repeated.decision == .written(text: "On it!"))
    let screen = render(state, size: state.size).plainText
    #expect(screen.contains("Send the same reply again?"))
    #expect(screen.contains("y/Enter send anyway · n/Esc don't send"))
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .character("y"), at: 41)).first)
    #expect(commitment.decision == .written(text: "On it!"))
    #expect(state.overlay == nil)
  }

  @Test func aSecondEnterRightAfterTheQuestionOpensSendsNothing() throws {
    var state = try typingTheSameReplyAgain()
    Fixture.press(&state, .enter, at: 40)
    #expect(Fixture.commitments(Fixture.press(&state, .enter, at: 40.2)).isEmpty)
    #expect(state.context == .confirmSend)
    #expect(Fixture.commitments(Fixture.press(&state, .enter, at: 40.5)).count == 1)
  }

  @Test func escapeDoesNotSendAndKeepsTheDraft() throws {
    var state = try typingTheSameReplyAgain()
    Fixture.press(&state, .enter, at: 40)
    #expect(Fixture.commitments(Fixture.press(&state, .escape, at: 41)).isEmpty)
    #expect(state.overlay == nil)
    #expect(state.composer.text == "On it! ")
    #expect(state.status?.text == "Not sent")
  }

  @Test func aDifferentTextIsSentWithoutAsking() throws {
    var state = try typingTheSameReplyAgain()
    Fixture.type(&state, "Done.")
    #expect(Fixture.commitments(Fixture.press(&state, .enter, at: 40)).count == 1)
    #expect(state.overlay == nil)
  }

  private static let extra = Suggestion(
    source: .template(id: "extra.row"), segments: [.literal("One more row")], score: 0.1)
}

/// Autopilot never repeats a reply: when the ranker's confident top suggestion was already sent, the
/// confidence belonged to it, so the chat is handed to the representative.
@Suite struct AutopilotRepeatTests {
  @Test func aConfidentTopSuggestionAlreadySentIsHandedOver() throws {
    var state = Fixture.openChat()
    state.autopilotThreshold = 0.8
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .character("1"), at: 30)).first)
    _ = update(&state, .committed(commitment, now: Fixture.start + 30))
    Fixture.say(&state, Fixture.chat, "Sorry, what?", at: 40)
    let result = Fixture.result(state, Fixture.chat, confidence: 0.95)
    let effects = update(&state, .ranked(result, now: Fixture.start + 40))
    #expect(Fixture.commitments(effects).isEmpty)
    #expect(Fixture.bells(effects) == 1)
    #expect(state.active?.autopilot.needsTakeover == true)
    #expect(state.active?.suggestions.confidence == nil)
  }
}
