import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskPostgresStore
@testable import ReplyDeskStore

/// What only the PostgreSQL store does: the database's own guards (append-only trigger,
/// idempotent inserts, row-level security per role) and `store migrate`.
@Suite(
  "PostgreSQL store", .serialized,
  .enabled(if: PostgresTestServer.address != nil, Comment(rawValue: PostgresTestServer.skipReason)))
struct PostgresStoreTests {
  /// A fresh database with the schema; dropped by the returned cleanup.
  private func database() throws -> (PostgresSessionStore, PostgresAddress) {
    let address = try PostgresTestServer.createDatabase()
    return (try PostgresSessionStore(address: address, password: nil, mode: .readWrite), address)
  }

  @Test func theDatabaseRefusesToChangeOrDeleteEvents() throws {
    let (store, address) = try database()
    defer { PostgresTestServer.dropDatabase(address) }
    try store.record(contentsOf: StatsFixture.sessions[0])
    for sql in ["UPDATE event SET text = 'forged'", "DELETE FROM event", "TRUNCATE event CASCADE"] {
      let error = #expect(throws: StoreError.self) { try PostgresTestServer.execute(sql, in: address) }
      #expect(error?.description.contains("session events are append-only") == true, "\(sql)")
    }
    #expect(try store.events(of: ChatID("A")) == StatsFixture.sessions[0])
  }

  @Test func storingTheSameEventsAgainAddsNothing() throws {
    let (store, address) = try database()
    defer { PostgresTestServer.dropDatabase(address) }
    let events = StatsFixture.sessions[0]
    #expect(try store.store(events) == events.count)
    #expect(try store.store(events) == 0)
    #expect(try store.store(Array(events.suffix(2))) == 0)
    #expect(try store.events(of: ChatID("A")) == events)
  }

  @Test func migratingTwiceCopiesEverythingOnce() throws {
    let (store, address) = try database()
    defer { PostgresTestServer.dropDatabase(address) }
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let source = try SessionStore(path: directory.path("old.sqlite"))
    for session in StatsFixture.sessions { try source.record(contentsOf: session) }
    let total = StatsFixture.sessions.reduce(0) { $0 + $1.count }
    let first = try store.copy(from: source)
    #expect(first.sessionsCopied == 5 && first.eventsCopied == total && first.eventsPresent == 0)
    let second = try store.copy(from: source)
    #expect(second.sessionsCopied == 0 && second.sessionsPresent == 5)
    #expect(second.eventsCopied == 0 && second.eventsPresent == total)
    #expect(try store.sessions(matching: SessionFilter()) == source.sessions(matching: SessionFilter()))
    #expect(try store.stats(by: .rep, channel: .all) == source.stats(by: .rep, channel: .all))
  }

  @Test func representativesSeeOnlyTheirOwnSessionsAndSupervisorsOnlyAddNotes() throws {
    let (owner, address) = try database()
    defer { PostgresTestServer.dropDatabase(address) }
    try PostgresRoles.initialize(owner)
    try PostgresRoles.initialize(owner)
    let suffix = String(address.database.suffix(8))
    let (repA, repB, supervisor) = ("rep_a_\(suffix)", "rep_b_\(suffix)", "sup_\(suffix)")
    try PostgresTestServer.execute(
      "CREATE ROLE \(repA) LOGIN IN ROLE replydesk_rep", "CREATE ROLE \(repB) LOGIN IN ROLE replydesk_rep",
      "CREATE ROLE \(supervisor) LOGIN IN ROLE replydesk_supervisor", in: address)
    defer {
      try? PostgresTestServer.execute(
        "DROP ROLE \(repA)", "DROP ROLE \(repB)", "DROP ROLE \(supervisor)", in: address)
    }
    func login(_ user: String) throws -> PostgresSessionStore {
      try PostgresSessionStore(address: address.with(user: user), password: nil, mode: .readWrite)
    }
    let a = try login(repA)
    var chat = ChatScript("a-1", base: Fixture.base)
    chat.start(rep: repA, customer: "c1", channel: "live")
    chat.say(1, "Where is my refund?")
    try a.record(contentsOf: chat.events)

    let b = try login(repB)
    #expect(try b.sessions(matching: SessionFilter()).isEmpty)
    #expect(throws: StoreError.unknownSession("a-1")) { try b.events(of: ChatID("a-1")) }
    #expect(throws: StoreError.self) {
      try b.record(
        SessionEvent(chat: ChatID("a-1"), time: Fixture.base + 5, kind: .customerMessage(text: "x")))
    }
    var forged = ChatScript("b-as-a", base: Fixture.base)
    forged.start(rep: repA, customer: "c2", channel: "live")
    let refused = #expect(throws: StoreError.self) { try b.record(contentsOf: forged.events) }
    #expect(refused?.description.contains("refused this login") == true, "\(String(describing: refused))")

    let lead = try login(supervisor)
    #expect(try lead.sessions(matching: SessionFilter()).map(\.id) == [ChatID("a-1")])
    try lead.appendQANote(to: ChatID("a-1"), text: "Good.", rating: 4, at: Fixture.base + 10)
    #expect(try a.events(of: ChatID("a-1")).count == 3)
    #expect(throws: StoreError.self) {
      try lead.record(
        SessionEvent(chat: ChatID("a-1"), time: Fixture.base + 11, kind: .customerMessage(text: "x")))
    }
    for sql in [
      "UPDATE session SET outcome = 'resolved'", "UPDATE event SET text = 'x'", "DELETE FROM event",
    ] {
      #expect(throws: StoreError.self, "\(sql)") {
        try PostgresTestServer.execute(sql, in: address.with(user: supervisor))
      }
    }
    #expect(try owner.events(of: ChatID("a-1")).count == 3)
  }
}
