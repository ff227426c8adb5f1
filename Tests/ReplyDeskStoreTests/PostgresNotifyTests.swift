import Foundation
import PostgresNIO
import ReplyDeskCore
import Synchronization
import Testing

@testable import ReplyDeskPostgresStore
@testable import ReplyDeskStore

/// Schema version 3's notifications: only a session's start and end and an escalation notify
/// `replydesk_event` (a commit that notifies takes the server's notification lock), and a store
/// at version 2 is brought to version 3 by the first writer that opens it.
@Suite(
  "PostgreSQL notifications", .serialized,
  .enabled(if: PostgresTestServer.address != nil, Comment(rawValue: PostgresTestServer.skipReason)))
struct PostgresNotifyTests {
  @Test func onlyStartsEndsAndEscalationsNotify() throws {
    let address = try PostgresTestServer.createDatabase()
    defer { PostgresTestServer.dropDatabase(address) }
    let store = try PostgresSessionStore(address: address, password: nil, mode: .readWrite)
    let listener = PostgresLink(sameServerAs: store.link)
    let payloads = Mutex<[String]>([])
    let context = try listener.withSession { session in
      let context = session.connection.addListener(channel: PostgresSchema.eventChannel) { _, note in
        payloads.withLock { $0.append(note.payload) }
      }
      try session.query("SELECT 1")
      return context
    }
    defer { context.stop() }
    var chat = ChatScript("n1", base: Fixture.base)
    chat.start(rep: "ana", customer: "c", channel: "live")
    chat.say(5, "Where is my refund?")
    chat.show(6, templates: ["refund.status"])
    chat.accept(8, rank: 1)
    chat.escalate(20, reason: "refund dispute")
    chat.end(30, .escalated)
    for event in chat.events { try store.record(event) }
    // Notifications arrive in commit order, so this one comes after any the events sent.
    _ = try store.link.withSession {
      try $0.query("SELECT pg_notify(\(PostgresSchema.eventChannel), 'done')")
    }
    let deadline = Date().addingTimeInterval(5)
    while payloads.withLock({ $0.last }) != "done", Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    #expect(payloads.withLock { $0 } == ["n1", "n1", "n1", "done"], "started, escalated, ended")
  }

  @Test func aVersion2StoreIsUpgradedByItsFirstWriter() throws {
    let address = try PostgresTestServer.createDatabase()
    defer { PostgresTestServer.dropDatabase(address) }
    try PostgresLink(address: address, password: nil).withSession { session in
      try session.execute("CREATE TABLE schema_version (version integer PRIMARY KEY)")
      for (index, step) in PostgresSchema.steps.prefix(2).enumerated() {
        try session.execute(step)
        try session.query("INSERT INTO schema_version (version) VALUES (\(index + 1))")
      }
    }
    #expect(throws: StoreError.self) {
      try PostgresSessionStore(address: address, password: nil, mode: .readOnly)
    }
    let store = try PostgresSessionStore(address: address, password: nil, mode: .readWrite)
    let version = try store.link.withSession { try PostgresSchema.version(in: $0) }
    #expect(version == PostgresSchema.currentVersion)
    let triggers = try store.link.withSession { session in
      try session.query(
        "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = 'event'::regclass AND tgname = 'event_notify'"
      ).map { try $0.decode(String.self) }
    }
    #expect(triggers.count == 1)
    #expect(triggers.first?.contains("WHEN") == true, "\(triggers)")
  }
}
