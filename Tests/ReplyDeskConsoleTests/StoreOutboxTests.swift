import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// A recorder that takes every event (into its outbox while "offline") and reports the outbox
/// the test sets.
private final class OutboxRecorder: QueueingRecorder {
  var outboxStatus = OutboxStatus(queued: 0, path: "/home/ana/store.outbox-7.sqlite")
  var events: [SessionEvent] = []

  func record(_ event: SessionEvent) throws { events.append(event) }
}

@Suite struct StoreOutboxTests {
  private let reason =
    "the store at postgres://ana@db:5432/team cannot be reached: connection refused; check that the server runs"

  /// Applies what the executor reports about the outbox now.
  private func poll(_ executor: EffectExecutor, _ state: inout ConsoleState) {
    for event in executor.pollOutbox() { _ = update(&state, event) }
  }

  private func footer(_ state: ConsoleState) -> String {
    String(render(state, size: state.size).plainText.split(separator: "\n").last ?? "")
  }

  @Test func theStatusLineCountsQueuedEventsAndSaysWhenTheyAreSaved() {
    var state = Fixture.openChat()
    state.size = Size(width: 160, height: 30)
    let recorder = OutboxRecorder()
    var now = Fixture.start + 40
    let executor = EffectExecutor(channel: RecordingChannel(), recorder: recorder, clock: { now }) { _ in }
    #expect(executor.pollOutbox().isEmpty, "nothing to say while nothing is queued")

    recorder.outboxStatus.queued = 3
    recorder.outboxStatus.reason = reason
    poll(executor, &state)
    #expect(state.status?.isWarning == true)
    #expect(
      footer(state).hasPrefix(
        " Store offline, 3 events queued: keep working, they are kept on this machine and saved when it is back"
      ))
    #expect(executor.pollOutbox().isEmpty, "reported once per change")

    recorder.outboxStatus.queued = 5
    poll(executor, &state)
    #expect(state.status?.text.hasPrefix("Store offline, 5 events queued") == true)
    now += 10
    _ = update(&state, .tick(now: now))
    #expect(state.status?.text.hasPrefix("Store offline, 5 events queued") == true, "kept while queued")

    recorder.outboxStatus = OutboxStatus(queued: 0, saved: 5, path: recorder.outboxStatus.path)
    poll(executor, &state)
    #expect(state.outbox == nil)
    #expect(state.status?.isWarning == false)
    #expect(footer(state).hasPrefix(" Store back online: 5 queued events saved."))
    now += 20
    _ = update(&state, .tick(now: now))
    #expect(
      state.status?.text.hasPrefix("Store") != true, "the notice goes, and no offline notice comes back")
  }

  @Test func repliesAreSentWhileTheStoreIsOffline() {
    var state = Fixture.openChat()
    Fixture.press(&state, .tab)
    Fixture.type(&state, "Checking now")
    let commitment = Fixture.commitments(Fixture.press(&state, .enter))[0]
    let recorder = OutboxRecorder()
    recorder.outboxStatus.queued = 12
    recorder.outboxStatus.reason = reason
    let channel = RecordingChannel()
    let executor = EffectExecutor(channel: channel, recorder: recorder, clock: { Fixture.start + 40 }) { _ in
    }
    poll(executor, &state)
    for outcome in executor.execute(.commit(commitment)) { _ = update(&state, outcome) }
    #expect(channel.sent.map(\.0) == ["Checking now"])
    #expect(
      recorder.events.last?.kind
        == .decision(decision: commitment.decision, responseSeconds: commitment.responseSeconds))
  }

  @Test func refusedEventsAreNamedWhenTheQueueEmpties() {
    var state = Fixture.openChat()
    let recorder = OutboxRecorder()
    let executor = EffectExecutor(channel: RecordingChannel(), recorder: recorder, clock: { Fixture.start }) {
      _ in
    }
    recorder.outboxStatus.queued = 4
    poll(executor, &state)
    #expect(state.status?.text == "Saving 4 events queued while the store was away; keep working.")
    recorder.outboxStatus = OutboxStatus(queued: 0, saved: 3, refused: 1, path: recorder.outboxStatus.path)
    poll(executor, &state)
    #expect(
      state.status?.text
        == "Store back online: 3 queued events saved; the store refused 1, kept in "
        + "/home/ana/store.outbox-7.sqlite for the store's administrator.")
  }
}
