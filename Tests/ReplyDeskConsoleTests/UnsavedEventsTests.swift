import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// A recorder whose disk is full until `diskFull` is cleared.
private final class RecoveringRecorder: SessionRecorder {
  var diskFull = true
  var events: [SessionEvent] = []

  func record(_ event: SessionEvent) throws {
    if diskFull { throw FailingRecorder.DiskFull() }
    events.append(event)
  }
}

@Suite struct UnsavedEventsTests {
  private let spill = UnsavedEventsFile(path: NSTemporaryDirectory() + "unsaved-\(UUID().uuidString).jsonl")

  private func message(_ text: String, at offset: Double) -> SessionEvent {
    SessionEvent(chat: Fixture.chat, time: Fixture.start + offset, kind: .customerMessage(text: text))
  }

  @Test func aMessageTheStoreRefusesIsKeptRetriedAndStoredInOrder() {
    var state = Fixture.openChat()
    let recorder = RecoveringRecorder()
    var now = Fixture.start + 40
    let executor = EffectExecutor(
      channel: RecordingChannel(), recorder: recorder, clock: { now }, spill: spill
    ) {
      _ in
    }
    defer { spill.remove() }
    for event in [message("first", at: 40), message("second", at: 41)] {
      for outcome in executor.execute(.record(event)) { _ = update(&state, outcome) }
    }
    #expect(executor.unsaved.count == 2)
    #expect(spill.read() == [message("first", at: 40), message("second", at: 41)])
    #expect(state.status?.text.hasPrefix("2 events are not saved yet (disk full)") == true)
    #expect(state.status?.text.hasSuffix("Free space on the store's disk and they will be saved.") == true)

    now += 0.5
    #expect(executor.retryUnsaved().isEmpty, "no retry within a second")
    now += 5
    for outcome in executor.retryUnsaved() { _ = update(&state, outcome) }
    _ = update(&state, .tick(now: now))
    #expect(state.status?.text.contains("not saved yet") == true, "still said after the first notice expired")

    recorder.diskFull = false
    now += 1
    for outcome in executor.retryUnsaved() { _ = update(&state, outcome) }
    #expect(recorder.events == [message("first", at: 40), message("second", at: 41)])
    #expect(executor.unsaved.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: spill.path))
    #expect(state.status?.text == "Every waiting event is saved now.")
    #expect(state.unsaved == nil)
  }

  @Test func noReplyIsSentWhileEarlierEventsWait() {
    var state = Fixture.openChat()
    Fixture.press(&state, .tab)
    Fixture.type(&state, "Checking now")
    let commitment = Fixture.commitments(Fixture.press(&state, .enter))[0]
    let recorder = RecoveringRecorder()
    let channel = RecordingChannel()
    let executor = EffectExecutor(channel: channel, recorder: recorder, clock: { Fixture.start + 40 }) { _ in
    }
    _ = executor.execute(.record(message("before the reply", at: 39)))
    for outcome in executor.execute(.commit(commitment)) { _ = update(&state, outcome) }
    #expect(channel.sent.isEmpty)
    #expect(state.composer.text == "Checking now")
    recorder.diskFull = false
    _ = executor.execute(.commit(commitment))
    #expect(channel.sent.map(\.0) == ["Checking now"])
    #expect(recorder.events.map(\.kind).first == .customerMessage(text: "before the reply"))
  }
}
