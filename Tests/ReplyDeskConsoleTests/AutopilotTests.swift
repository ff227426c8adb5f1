import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// Autopilot: sends the top suggestion at or above the threshold, hands over otherwise.
@Suite struct AutopilotTests {
  /// chat-7 taken with one customer message and no ranking yet, autopilot at `threshold`.
  private func waitingForRanking(threshold: Double? = 0.8) -> ConsoleState {
    var state = Fixture.emptyState()
    state.autopilotThreshold = threshold
    Fixture.arrive(&state, Fixture.chat, at: 0)
    Fixture.press(&state, .control("o"), at: 5)
    Fixture.say(&state, Fixture.chat, "Where is my refund for A1234?", at: 10)
    return state
  }

  private func autoSent(_ effects: [ConsoleEffect]) -> Commitment? {
    Fixture.commitments(effects).first { if case .autoSent = $0.decision { true } else { false } }
  }

  @Test func confidentTopSuggestionIsSentAndRecordedAsAutoSent() throws {
    var state = waitingForRanking()
    let effects = update(
      &state, .ranked(Fixture.result(state, Fixture.chat, confidence: 0.91), now: state.now))
    let commitment = try #require(autoSent(effects))
    let top = SampleState.suggestions()[0]
    #expect(
      commitment.decision == .autoSent(suggestionID: top.id, rank: 1, text: top.text, confidence: 0.91))
    guard case .suggestionsShown = Fixture.recorded(effects).first else {
      Issue.record("suggestions must be recorded as shown before the auto-sent decision")
      return
    }
    let recorder = InMemorySessionRecorder()
    let channel = RecordingChannel()
    let executor = EffectExecutor(channel: channel, recorder: recorder) { _ in }
    for event in executor.execute(.commit(commitment)) { _ = update(&state, event) }
    #expect(recorder.events.map(\.kind) == [.decision(decision: commitment.decision, responseSeconds: 0)])
    #expect(channel.sent.map(\.0) == [top.text])
    #expect(state.active?.conversation.turns.last?.text == top.text)
    #expect(state.active?.awaitingReplySince == nil)
    #expect(render(state, size: state.size).plainText.contains("Autopilot Your refund"))
  }

  @Test func offByDefaultEvenWhenConfident() {
    var state = waitingForRanking(threshold: nil)
    let effects = update(
      &state, .ranked(Fixture.result(state, Fixture.chat, confidence: 0.99), now: state.now))
    #expect(Fixture.commitments(effects).isEmpty)
    #expect(Fixture.bells(effects) == 0)
    #expect(!render(state, size: state.size).plainText.contains("autopilot"))
  }

  @Test func lowConfidenceHandsOverWithABell() {
    var state = waitingForRanking()
    let effects = update(
      &state, .ranked(Fixture.result(state, Fixture.chat, confidence: 0.42), now: state.now))
    #expect(Fixture.commitments(effects).isEmpty)
    #expect(Fixture.bells(effects) == 1)
    #expect(state.active?.autopilot.needsTakeover == true)
    #expect(state.status?.isWarning == true)
    #expect(state.status?.text.contains("confidence 0.42 is below 0.80") == true)
  }

  @Test func aGapInTheTopSuggestionHandsOver() {
    var state = waitingForRanking()
    var suggestions = SampleState.suggestions()
    suggestions.swapAt(0, 2)
    let effects = update(
      &state,
      .ranked(Fixture.result(state, Fixture.chat, suggestions: suggestions, confidence: 0.95), now: state.now)
    )
    #expect(Fixture.commitments(effects).isEmpty)
    #expect(state.status?.text.contains("gap [order.tracking_link]") == true)
  }

  @Test func aTopSuggestionThatContradictsTheProfileIsNeverAutoSent() {
    var state = waitingForRanking()
    var suggestions = SampleState.suggestions()
    suggestions[0].grounding = .contradicts(reason: "order A1234 is delivered")
    let effects = update(
      &state,
      .ranked(Fixture.result(state, Fixture.chat, suggestions: suggestions, confidence: 0.99), now: state.now)
    )
    #expect(Fixture.commitments(effects).isEmpty)
    #expect(state.status?.text.contains("contradicts the profile (order A1234 is delivered)") == true)
  }

  @Test func noConfidenceFromTheRankerHandsOver() {
    var state = waitingForRanking()
    let effects = update(&state, .ranked(Fixture.result(state, Fixture.chat), now: state.now))
    #expect(Fixture.commitments(effects).isEmpty)
    #expect(state.status?.text.contains("no confidence") == true)
  }

  @Test func aDraftInTheComposerKeepsTheChatWithTheRepresentative() {
    var state = waitingForRanking()
    Fixture.press(&state, .tab)
    Fixture.type(&state, "Let me")
    let effects = update(
      &state, .ranked(Fixture.result(state, Fixture.chat, confidence: 0.95), now: state.now))
    #expect(Fixture.commitments(effects).isEmpty)
    #expect(Fixture.bells(effects) == 0)
  }

  @Test func actsOncePerCustomerTurn() {
    var state = waitingForRanking()
    _ = update(&state, .ranked(Fixture.result(state, Fixture.chat, confidence: 0.42), now: state.now))
    let again = update(&state, .ranked(Fixture.result(state, Fixture.chat, confidence: 0.95), now: state.now))
    #expect(Fixture.commitments(again).isEmpty)
    #expect(Fixture.bells(again) == 0)
  }

  @Test func answersAChatWithoutFocus() throws {
    var state = Fixture.twoChats()
    state.autopilotThreshold = 0.8
    Fixture.say(&state, Fixture.chat, "Any news?", at: 20)
    let effects = update(
      &state, .ranked(Fixture.result(state, Fixture.chat, confidence: 0.9), now: state.now))
    let commitment = try #require(autoSent(effects))
    #expect(commitment.chat == Fixture.chat)
    _ = update(&state, .committed(commitment, now: Fixture.start + 21))
    #expect(state.active?.id == Fixture.second)
    #expect(state.chats[0].autopilot.sentTurns.count == 1)
  }

  @Test func statusLineShowsTheThreshold() {
    var state = Fixture.openChat(size: Size(width: 120, height: 40))
    state.autopilotThreshold = 0.8
    state.statusLine.clear()
    #expect(Fixture.row(state, 39).contains("autopilot ≥0.80"))
  }
}

/// An auto-sent reply that could not be saved leaves the chat to the representative.
@Suite struct AutopilotFailureTests {
  @Test func aFailedAutoSendAsksTheRepresentativeToTakeOver() throws {
    var state = Fixture.openChat()
    state.autopilotThreshold = 0.8
    Fixture.say(&state, Fixture.chat, "Hello?", at: 20)
    let effects = update(
      &state, .ranked(Fixture.result(state, Fixture.chat, confidence: 0.9), now: state.now))
    let commitment = try #require(Fixture.commitments(effects).first)
    let executor = EffectExecutor(channel: RecordingChannel(), recorder: FailingRecorder()) { _ in }
    for event in executor.execute(.commit(commitment)) { _ = update(&state, event) }
    #expect(state.active?.autopilot.needsTakeover == true)
    #expect(state.active?.conversation.turns.last?.speaker == .customer)
    #expect(state.status?.text.contains("Reply not sent") == true)
  }
}
