import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskStore

/// `replydesk store outbox`: what a dead console's outbox holds, why the store refused some of its
/// events, and putting them back so the next console saves them.
@Suite struct OutboxInspectionTests {
  private let directory: TemporaryDirectory
  private var base: String { directory.path("store-fake") }

  init() throws { directory = try TemporaryDirectory() }

  private static let deadConsole = ProcessIdentity(
    host: ProcessIdentity.current.host, pid: Int32.max - 9, startToken: "gone")

  private func chat(_ id: String) -> [SessionEvent] {
    var script = ChatScript(id, base: Fixture.base)
    script.start(rep: "ana", customer: "c1", channel: "refund")
    script.say(1, "where is my refund")
    return script.events
  }

  /// A dead console that queued chat "refused" (the fake store refuses it) and chat "a", then
  /// replayed them once the store was back.
  private func deadConsoleOutbox(primary: FakePrimaryStore) throws -> String {
    let store = try OutboxSessionStore(
      primary: primary, outboxBase: base, owner: Self.deadConsole, patience: 1, retrySeconds: 0.05)
    try store.record(contentsOf: chat("refused"))
    try store.record(contentsOf: chat("a"))
    primary.mode = .up
    #expect(store.waitUntilDrained(timeout: 10))
    return store.outboxPath
  }

  @Test func listsAnOutboxAndTheEventsTheStoreRefusedWithItsReason() throws {
    defer { directory.remove() }
    let path = try deadConsoleOutbox(primary: FakePrimaryStore(mode: .down))
    let files = try OutboxInspection.files(base: base)
    #expect(files == [OutboxInspection.File(path: path, owner: .gone, pending: 0, refused: 2)])
    let refused = try OutboxInspection.refused(path: path)
    #expect(refused.map(\.kind) == ["started", "customerMessage"])
    #expect(refused.allSatisfy { $0.chat == ChatID("refused") })
    #expect(refused.first?.reason.contains("session refused has no started event") == true)
    #expect(refused.first?.time == Fixture.base)
  }

  @Test func refusedEventsPutBackAreSavedByTheNextConsole() throws {
    defer { directory.remove() }
    let log = FakeServerLog()
    let primary = FakePrimaryStore(log: log, mode: .down)
    let path = try deadConsoleOutbox(primary: primary)
    #expect(log.events == chat("a"))
    #expect(try OutboxInspection.requeueRefused(path: path) == 2)
    #expect(try OutboxInspection.files(base: base).first?.pending == 2)
    #expect(try OutboxInspection.refused(path: path).isEmpty)

    let next = try OutboxSessionStore(
      primary: primary, outboxBase: base, owner: .current, patience: 1, retrySeconds: 0.05)
    #expect(next.waitUntilDrained(timeout: 10))
    #expect(next.outboxStatus.refused == 2, "the fake store still refuses them: set aside again, not lost")
    #expect(try OutboxInspection.refused(path: next.outboxPath).count == 2)
  }

  @Test func aRunningConsolesOutboxIsLeftAlone() throws {
    defer { directory.remove() }
    let store = try OutboxSessionStore(
      primary: FakePrimaryStore(mode: .down), outboxBase: base, owner: .current, patience: 1,
      retrySeconds: 0.05)
    try store.record(contentsOf: chat("b"))
    #expect(try OutboxInspection.files(base: base).map(\.owner) == [.running])
    #expect(throws: StoreError.inUse(path: store.outboxPath)) {
      try OutboxInspection.requeueRefused(path: store.outboxPath)
    }
  }
}
