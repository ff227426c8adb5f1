import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskPostgresStore
@testable import ReplyDeskStore

/// The fault server of scripts/with-postgres: its URL (`REPLYDESK_TEST_POSTGRES_FAULT`) and the
/// script that stops and starts it (`REPLYDESK_TEST_POSTGRES_CTL`). Only these tests stop it.
enum PostgresFaultServer {
  static let address: PostgresAddress? = {
    let environment = ProcessInfo.processInfo.environment
    guard let text = environment["REPLYDESK_TEST_POSTGRES_FAULT"], control != nil,
      case .postgres(let address)? = try? StoreLocation(parsing: text)
    else { return nil }
    return address
  }()

  static let control = ProcessInfo.processInfo.environment["REPLYDESK_TEST_POSTGRES_CTL"]

  /// Runs the control script with `command` (start, stop or kill) and waits for it. Spawned and
  /// reaped directly: Foundation's `Process` can miss the exit of a script that leaves a daemon.
  static func run(_ command: String) throws {
    let script = try #require(control)
    var pid: pid_t = 0
    let arguments: [UnsafeMutablePointer<CChar>?] = [strdup(script), strdup(command), nil]
    defer { arguments.forEach { free($0) } }
    try #require(posix_spawn(&pid, script, nil, nil, arguments, environ) == 0)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    try #require(status == 0, "the fault server's \(command) failed")
  }
}

@Suite("PostgreSQL outbox", .serialized, .enabled(if: PostgresFaultServer.address != nil))
struct PostgresOutboxTests {
  @Test func eventsRecordedWhileTheServerIsDownAreStoredExactlyOnceAfterItRestarts() throws {
    let admin = try #require(PostgresFaultServer.address)
    let name = "replydesk_outbox_" + String(UInt32.random(in: 0...UInt32.max))
    try PostgresLink(address: admin, password: nil).withSession { try $0.execute("CREATE DATABASE \(name)") }
    let database = admin.with(database: name)
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let primary = try PostgresSessionStore(address: database, password: nil, mode: .readWrite)
    let store = try OutboxSessionStore(
      primary: primary, outboxBase: directory.path("store"), owner: .current, retrySeconds: 0.2)
    let before = chat("before", at: 0)
    let during = chat("during", at: 100)
    try store.record(contentsOf: Array(before.prefix(3)))

    try PostgresFaultServer.run("stop")
    for event in before.dropFirst(3) + during { try store.record(event) }
    let queued = store.outboxStatus
    #expect(queued.queued == before.count - 3 + during.count)
    #expect(queued.reason?.contains("cannot be reached") == true)
    try PostgresFaultServer.run("start")

    #expect(store.waitUntilDrained(timeout: 30))
    #expect(try store.events(of: ChatID("before")) == before)
    #expect(try store.events(of: ChatID("during")) == during)
    let counts = try PostgresLink(address: database, password: nil).withSession { session in
      try session.query("SELECT count(*), count(DISTINCT event_id) FROM event").first?.decode((Int, Int).self)
    }
    #expect(counts?.0 == before.count + during.count && counts?.1 == counts?.0, "each event exactly once")
    #expect(store.outboxStatus.saved == queued.queued)
    let never = chat("never", at: 200)
    #expect(try primary.missing(before + never + during) == never, "looked up by stable id")
    #expect(try primary.eventCount(inSessionsStartingWith: "dur") == during.count)
  }

  @Test func aConsoleStartingWhileTheServerIsDownQueuesAndCreatesTheSchemaOnceItIsBack() throws {
    let admin = try #require(PostgresFaultServer.address)
    let name = "replydesk_later_" + String(UInt32.random(in: 0...UInt32.max))
    try PostgresLink(address: admin, password: nil).withSession { try $0.execute("CREATE DATABASE \(name)") }
    let database = admin.with(database: name)
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try PostgresFaultServer.run("stop")
    #expect(throws: StoreError.self) {
      try PostgresSessionStore(address: database, password: nil, mode: .readWrite)
    }
    let primary = try PostgresSessionStore(
      address: database, password: nil, mode: .readWrite, connectingLater: true)
    let store = try OutboxSessionStore(
      primary: primary, outboxBase: directory.path("store"), owner: .current, retrySeconds: 0.2)
    let offline = chat("offline", at: 0)
    try store.record(contentsOf: offline)
    #expect(store.outboxStatus.queued == offline.count)
    try PostgresFaultServer.run("start")

    #expect(store.waitUntilDrained(timeout: 30))
    #expect(try store.events(of: ChatID("offline")) == offline)
    let version = try PostgresLink(address: database, password: nil).withSession {
      try PostgresSchema.version(in: $0)
    }
    #expect(version == PostgresSchema.currentVersion, "the first connection created the schema")
  }

  private func chat(_ id: String, at offset: Double) -> [SessionEvent] {
    var script = ChatScript(id, base: Fixture.base.addingTimeInterval(offset))
    script.start(rep: "ana", customer: "c1", channel: "refund")
    script.say(1, "Where is my refund?")
    script.accept(2, rank: 1)
    script.say(3, "Thanks")
    script.write(4, "You're welcome.")
    script.add(5, .ended(outcome: .resolved))
    return script.events
  }
}
