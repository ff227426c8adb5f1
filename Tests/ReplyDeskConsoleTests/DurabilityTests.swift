import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

@Suite struct DurabilityTests {
  private func composedCommitment() -> (ConsoleState, Commitment) {
    var state = Fixture.openChat()
    Fixture.press(&state, .tab)
    Fixture.type(&state, "Checking now")
    let commitment = Fixture.commitments(Fixture.press(&state, .enter))[0]
    return (state, commitment)
  }

  @Test func failedRecordSendsNothingAndKeepsTheComposer() {
    var (state, commitment) = composedCommitment()
    let channel = RecordingChannel()
    let executor = EffectExecutor(
      channel: channel, recorder: FailingRecorder(), clock: { Fixture.start + 32 }
    ) { _ in }
    let events = executor.execute(.commit(commitment))
    #expect(channel.sent.isEmpty)
    for event in events { _ = update(&state, event) }
    #expect(state.composer.text == "Checking now")
    #expect(state.status?.text == "Reply not sent: could not save it (disk full)")
    #expect(state.active?.conversation.turns.last?.speaker == .customer)
  }

  @Test func successfulRecordSendsThenShowsTheAgentTurn() {
    var (state, commitment) = composedCommitment()
    let channel = RecordingChannel()
    let recorder = InMemorySessionRecorder()
    let executor = EffectExecutor(channel: channel, recorder: recorder, clock: { Fixture.start + 32 }) { _ in
    }
    let events = executor.execute(.commit(commitment))
    #expect(
      recorder.events.map(\.kind) == [
        .decision(decision: .written(text: "Checking now"), responseSeconds: 20)
      ])
    #expect(channel.sent.map(\.0) == ["Checking now"])
    for event in events { _ = update(&state, event) }
    #expect(state.composer.isEmpty)
    #expect(state.active?.conversation.turns.last?.text == "Checking now")
    #expect(state.active?.conversation.turns.last?.speaker == .agent)
    #expect(state.active?.agentReplied == true)
  }

  @Test func escalationRecordsDecisionThenSummaryAndHandsOverWithoutClosing() {
    var state = Fixture.openChat()
    Fixture.press(&state, .control("x"), .character("1"))
    let commitment = Fixture.commitments(Fixture.press(&state, .enter))[0]
    let channel = RecordingChannel()
    let recorder = InMemorySessionRecorder()
    let executor = EffectExecutor(channel: channel, recorder: recorder) { _ in }
    for event in executor.execute(.commit(commitment)) {
      for effect in update(&state, event) { _ = executor.execute(effect) }
    }
    guard case .decision(.escalated, _)? = recorder.events.first?.kind,
      case .systemNote(let summary)? = recorder.events.last?.kind
    else {
      Issue.record("expected the decision, then the summary: \(recorder.events.map(\.kind))")
      return
    }
    #expect(summary.hasPrefix(HandOverSummary.title))
    #expect(channel.handedOver == [Fixture.chat])
    #expect(channel.closed.isEmpty)
    #expect(state.escalations.first?.conversation.status == .open)
    #expect(state.escalations.first?.conversation.turns.last?.speaker == .system)
  }

  @Test func failedEscalationLeavesTheChatOpen() {
    var state = Fixture.openChat()
    Fixture.press(&state, .control("x"), .character("1"))
    let commitment = Fixture.commitments(Fixture.press(&state, .enter))[0]
    let channel = RecordingChannel()
    let executor = EffectExecutor(channel: channel, recorder: FailingRecorder()) { _ in }
    for event in executor.execute(.commit(commitment)) { _ = update(&state, event) }
    #expect(channel.closed.isEmpty)
    #expect(state.active?.isOpen == true)
    #expect(state.status?.isWarning == true)
  }

  @Test func failedPlainRecordIsReportedOnTheStatusLine() {
    var state = Fixture.openChat()
    let executor = EffectExecutor(channel: RecordingChannel(), recorder: FailingRecorder()) { _ in }
    let event = SessionEvent(chat: Fixture.chat, time: Fixture.start, kind: .customerMessage(text: "x"))
    for outcome in executor.execute(.record(event)) { _ = update(&state, outcome) }
    #expect(state.status?.text.hasPrefix("1 event is not saved yet (disk full)") == true)
  }

  @Test func rankEffectsGoToTheWorker() {
    var submitted: [Int] = []
    let executor = EffectExecutor(channel: RecordingChannel(), recorder: InMemorySessionRecorder()) {
      submitted.append($0.generation)
    }
    let request = RankingRequest(
      chat: Fixture.chat, generation: 7, context: [], profile: SampleState.profile())
    #expect(executor.execute(.rank(request)).isEmpty)
    #expect(submitted == [7])
  }
}
