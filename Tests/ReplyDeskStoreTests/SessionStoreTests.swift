import Foundation
import GRDB
import ReplyDeskCore
import Testing

@testable import ReplyDeskStore

@Suite("Session store: schema and event log")
struct SessionStoreTests {
  @Test func migrationStampsApplicationIDAndSchemaVersion() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("sessions.sqlite")
    _ = try SessionStore(path: path)
    let queue = try DatabaseQueue(path: path)
    let (applicationID, userVersion, mode, tables) = try queue.read { db in
      (
        try Int32.fetchOne(db, sql: "PRAGMA application_id"),
        try Int.fetchOne(db, sql: "PRAGMA user_version"),
        try String.fetchOne(db, sql: "PRAGMA journal_mode"),
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      )
    }
    #expect(applicationID == StoreFileInspector.applicationID)
    #expect(userVersion == StoreSchema.currentVersion)
    #expect(mode == "wal")
    #expect(tables.contains("session") && tables.contains("event") && tables.contains("eventText"))
    #expect(
      try StoreFileInspector.inspect(path: path) == .replyDesk(schemaVersion: StoreSchema.currentVersion))
  }

  @Test func everyEventKindReadsBackExactly() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("sessions.sqlite")
    let events = Fixture.everyKind()
    let store = try SessionStore(path: path)
    for event in events { try store.record(event) }
    #expect(try store.events(of: events[0].chat) == events)
    let reopened = try SessionStore(path: path, mode: .readOnly)
    #expect(try reopened.events(of: events[0].chat) == events)
    let summary = try reopened.session(events[0].chat)
    #expect(summary.representative == "ana")
    #expect(summary.customerID == "c1")
    #expect(summary.outcome == .escalated)
    #expect(summary.endedAt == events.last?.time)
    #expect(summary.eventCount == events.count)
  }

  @Test func eventsAreAppendOnly() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("sessions.sqlite")
    try SessionStore(path: path).record(contentsOf: Fixture.everyKind())
    let queue = try DatabaseQueue(path: path)
    #expect(throws: DatabaseError.self) {
      try queue.write { try $0.execute(sql: "UPDATE event SET text = 'changed'") }
    }
    #expect(throws: DatabaseError.self) {
      try queue.write { try $0.execute(sql: "DELETE FROM event") }
    }
    #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM event") } == 13)
  }

  @Test func eventsBeforeStartOrTwiceStartedAreRefusedAndNothingIsWritten() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SessionStore(path: directory.path("sessions.sqlite"))
    let orphan = SessionEvent(chat: ChatID("nobody"), time: Fixture.base, kind: .customerMessage(text: "hi"))
    #expect(throws: StoreError.invalidEvent("session nobody has no started event")) {
      try store.record(orphan)
    }
    let events = Fixture.everyKind("twice")
    #expect(throws: StoreError.invalidEvent("session twice has already started")) {
      try store.record(contentsOf: [events[0], events[1], events[0]])
    }
    #expect(throws: StoreError.unknownSession("twice")) { try store.events(of: ChatID("twice")) }
  }

  @Test func qaNotesAreNewEventsAndRatingsMustBeOneToFive() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SessionStore(path: directory.path("sessions.sqlite"))
    let events = Fixture.everyKind("rated")
    try store.record(contentsOf: events)
    let chat = events[0].chat
    #expect(throws: StoreError.invalidEvent("a QA rating must be from 1 to 5, not 6")) {
      try store.appendQANote(to: chat, text: "too good", rating: 6)
    }
    try store.appendQANote(to: chat, text: "corrected: rating 5", rating: 5, at: Fixture.base)
    let stored = try store.events(of: chat)
    #expect(stored.count == events.count + 1)
    #expect(Array(stored.prefix(events.count)) == events)
    #expect(stored.last?.kind == .qaNote(text: "corrected: rating 5", rating: 5))
  }

  @Test func endedEventUpdatesTheListingWithTheLatestOutcome() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SessionStore(path: directory.path("sessions.sqlite"))
    var script = ChatScript("corrected", base: Fixture.base)
    script.start(rep: "ana", customer: "c1", channel: "delivery")
    script.end(50, .abandoned)
    script.end(60, .resolved)
    try store.record(contentsOf: script.events)
    let summary = try store.session(script.chat)
    #expect(summary.outcome == .resolved)
    #expect(summary.endedAt == Fixture.base.addingTimeInterval(60))
    #expect(try store.events(of: script.chat).count == 3)
  }

  @Test func homeResolvesFromEnvironment() {
    let explicit = ReplyDeskHome(environment: ["REPLYDESK_HOME": "/srv/rd", "HOME": "/home/x"])
    #expect(explicit.sessionStoreURL.path == "/srv/rd/sessions.sqlite")
    let tilde = ReplyDeskHome(environment: ["REPLYDESK_HOME": "~/rd", "HOME": "/home/x"])
    #expect(tilde.directory.path == "/home/x/rd")
    let xdg = ReplyDeskHome(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/x"])
    #expect(xdg.directory.path == "/data/replydesk")
    let fallback = ReplyDeskHome(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/x"])
    #expect(fallback.directory.path == "/home/x/.local/share/replydesk")
    #expect(fallback.sessionStoreURL.path == "/home/x/.local/share/replydesk/sessions.sqlite")
  }
}
