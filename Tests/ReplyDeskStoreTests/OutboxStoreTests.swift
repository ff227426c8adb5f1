import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskStore

/// The outbox in front of a team store: nothing is lost or doubled when the server goes away,
/// comes back, loses a commit's answer or does not answer at all.
@Suite("Outbox store")
struct OutboxStoreTests {
  private let directory: TemporaryDirectory
  private var base: String { directory.path("store-fake") }

  init() throws { directory = try TemporaryDirectory() }

  /// The events of chat `id`: a start, `messages` customer messages and an end.
  private func chat(_ id: String, messages: Int = 3) -> [SessionEvent] {
    var script = ChatScript(id, base: Fixture.base)
    script.start(rep: "ana", customer: "c1", channel: "refund")
    for index in 0..<messages { script.say(Double(index + 1), "message \(index)") }
    script.add(Double(messages + 1), .ended(outcome: .resolved))
    return script.events
  }

  private func open(_ primary: FakePrimaryStore, owner: ProcessIdentity = .current, patience: Double = 1)
    throws -> OutboxSessionStore
  {
    try OutboxSessionStore(
      primary: primary, outboxBase: base, owner: owner, patience: patience, retrySeconds: 0.05)
  }

  /// A process on this machine that is not running.
  private static let deadConsole = ProcessIdentity(
    host: ProcessIdentity.current.host, pid: Int32.max - 7, startToken: "gone")

  @Test func queuesWhileTheServerIsDownAndReplaysInOrderOnceItIsBack() throws {
    defer { directory.remove() }
    let primary = FakePrimaryStore(mode: .down)
    let store = try open(primary)
    let first = chat("a")
    let second = chat("b")
    for event in first { try store.record(event) }
    try store.record(contentsOf: second)
    #expect(store.outboxStatus.queued == first.count + second.count)
    #expect(store.outboxStatus.reason?.contains("cannot be reached: connection refused") == true)
    #expect(primary.log.events.isEmpty)

    primary.mode = .up
    let third = chat("c")
    try store.record(contentsOf: third)
    #expect(store.waitUntilDrained(timeout: 10))
    #expect(primary.log.events == first + second + third, "every event once, in recording order")
    let status = store.outboxStatus
    let queuedBeforeRecovery = first.count + second.count
    #expect(status.queued == 0 && status.reason == nil)
    #expect([queuedBeforeRecovery, queuedBeforeRecovery + third.count].contains(status.saved))
    let writes = primary.writes
    try store.record(SessionEvent(chat: ChatID("c"), time: Fixture.base + 99, kind: .systemNote(text: "x")))
    #expect(primary.writes == writes + 1 && store.outboxStatus.queued == 0, "written straight to the server")
  }

  @Test func aDeadConsolesOutboxIsDrainedByTheNextConsole() throws {
    defer { directory.remove() }
    let log = FakeServerLog()
    let events = chat("a") + chat("b")
    do {
      let dead = try open(FakePrimaryStore(log: log, mode: .down), owner: Self.deadConsole)
      try dead.record(contentsOf: Array(events.prefix(5)))
      try dead.record(contentsOf: Array(events.dropFirst(5)))
      #expect(dead.outboxStatus.queued == events.count)
    }
    let leftover = "\(base).outbox-\(Self.deadConsole.pid).sqlite"
    #expect(FileManager.default.fileExists(atPath: leftover))
    let next = try open(FakePrimaryStore(log: log, mode: .up))
    #expect(next.waitUntilDrained(timeout: 10))
    #expect(log.events == events)
    #expect(!FileManager.default.fileExists(atPath: leftover), "the emptied outbox is deleted")
  }

  @Test func aCommitWhoseAnswerWasLostIsStoredOnce() throws {
    defer { directory.remove() }
    let primary = FakePrimaryStore(mode: .loseAnswer)
    let store = try open(primary)
    let events = chat("a")
    try store.record(contentsOf: events)
    #expect(store.waitUntilDrained(timeout: 10))
    #expect(primary.log.events == events)
  }

  @Test func aCrashBetweenTheServersCommitAndTheOutboxDeleteLeavesNoDuplicate() throws {
    defer { directory.remove() }
    let log = FakeServerLog()
    let events = chat("a")
    do {
      let dead = try open(FakePrimaryStore(log: log, mode: .down), owner: Self.deadConsole)
      try dead.record(contentsOf: events)
    }
    log.store(events)  // the replay's COMMIT reached the server; the console died before the delete
    let next = try open(FakePrimaryStore(log: log, mode: .up))
    #expect(next.waitUntilDrained(timeout: 10))
    #expect(log.events == events)
  }

  @Test func aServerThatDoesNotAnswerIsNotWaitedFor() throws {
    defer { directory.remove() }
    let primary = FakePrimaryStore(mode: .up)
    let store = try open(primary, patience: 0.2)
    let events = chat("a")
    primary.hold()
    try store.record(contentsOf: events)
    #expect(store.outboxStatus.queued == events.count, "committed locally while the write hangs")
    #expect(store.outboxStatus.reason?.contains("did not answer within 0.2 s") == true)
    primary.release()
    #expect(store.waitUntilDrained(timeout: 10))
    #expect(primary.log.events == events, "the late write and the replay add up to one copy")
  }

  @Test func invalidEventsStillThrowAndRefusedGroupsAreSetAside() throws {
    defer { directory.remove() }
    let primary = FakePrimaryStore(mode: .down)
    let store = try open(primary)
    let badRating = SessionEvent(chat: ChatID("a"), time: Fixture.base, kind: .qaNote(text: "x", rating: 9))
    #expect(throws: StoreError.invalidEvent("a QA rating must be from 1 to 5, not 9")) {
      try store.record(badRating)
    }
    let refused = chat("refused", messages: 1)
    try store.record(contentsOf: refused)
    try store.record(contentsOf: chat("a"))
    primary.mode = .up
    #expect(store.waitUntilDrained(timeout: 10))
    #expect(primary.log.events == chat("a"))
    #expect(store.outboxStatus.refused == refused.count && store.outboxStatus.saved == chat("a").count)
    #expect(throws: StoreError.self) { try store.record(contentsOf: refused) }
  }
}
