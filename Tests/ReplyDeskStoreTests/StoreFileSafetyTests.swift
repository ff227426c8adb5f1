import Foundation
import GRDB
import ReplyDeskCore
import Testing

@testable import ReplyDeskStore

@Suite("Session store: refusing bad files and reporting failed writes")
struct StoreFileSafetyTests {
  private func expectRefused(
    _ contents: Data, _ expected: (String) -> StoreError,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("sessions.sqlite")
    try contents.write(to: URL(fileURLWithPath: path))
    #expect(throws: expected(path), sourceLocation: sourceLocation) { try SessionStore(path: path) }
    #expect(throws: expected(path), sourceLocation: sourceLocation) {
      try SessionStore(path: path, mode: .readOnly)
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == contents, sourceLocation: sourceLocation)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
    #expect(leftovers == ["sessions.sqlite"], sourceLocation: sourceLocation)
  }

  @Test func textFileIsRefusedAndUnchanged() throws {
    let text = Data(String(repeating: "customer notes, not a database\n", count: 10).utf8)
    try expectRefused(text) { .notADatabase(path: $0) }
  }

  @Test func randomBytesAreRefusedAndUnchanged() throws {
    var generator = SystemRandomNumberGenerator()
    let bytes = Data((0..<8_192).map { _ in UInt8.random(in: 0...255, using: &generator) })
    try expectRefused(bytes) { .notADatabase(path: $0) }
  }

  @Test func sqliteFileWithDamagedPagesIsRefusedAndUnchanged() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let source = directory.path("source.sqlite")
    let queue = try DatabaseQueue(path: source)
    try queue.write { try $0.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
    try queue.close()
    var damaged = try Data(contentsOf: URL(fileURLWithPath: source))
    for offset in 100..<damaged.count { damaged[offset] = 0xA5 }
    try expectRefused(damaged) { .corrupt(path: $0, detail: "database disk image is malformed") }
  }

  @Test func foreignDatabaseIsRefusedAndUnchanged() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let source = directory.path("foreign.sqlite")
    let queue = try DatabaseQueue(path: source)
    try queue.write { db in
      try db.execute(
        sql: "CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)"
      )
    }
    try queue.close()
    try expectRefused(try Data(contentsOf: URL(fileURLWithPath: source))) {
      .foreignDatabase(path: $0, detail: "1 tables and no ReplyDesk application id")
    }
  }

  @Test func otherApplicationIDIsRefused() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let source = directory.path("other.sqlite")
    let queue = try DatabaseQueue(path: source)
    try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA application_id = 1234") }
    try queue.close()
    try expectRefused(try Data(contentsOf: URL(fileURLWithPath: source))) {
      .foreignDatabase(path: $0, detail: "application id 0x000004D2")
    }
  }

  @Test func newerSchemaIsRefused() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("sessions.sqlite")
    _ = try SessionStore(path: path)
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 9") }
    try queue.close()
    #expect(throws: StoreError.newerSchema(path: path, found: 9, supported: StoreSchema.currentVersion)) {
      try SessionStore(path: path)
    }
  }

  @Test func readOnlyStoreThrowsOnRecord() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("sessions.sqlite")
    let events = Fixture.everyKind()
    try SessionStore(path: path).record(events[0])
    let reader = try SessionStore(path: path, mode: .readOnly)
    #expect(throws: StoreError.readOnly(path: path)) { try reader.record(events[1]) }
    #expect(try reader.events(of: events[0].chat) == [events[0]])
  }

  @Test func missingStoreIsNotCreatedByReaders() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("sessions.sqlite")
    #expect(throws: StoreError.readFailed(path: path, detail: SessionStore.nothingRecordedYet)) {
      try SessionStore(path: path, mode: .readOnly)
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func fullDiskThrowsAndKeepsEarlierEvents() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("sessions.sqlite")
    let store = try SessionStore(path: path, mode: .readWrite) { db in
      try db.execute(sql: "PRAGMA max_page_count = 40")
    }
    let events = Fixture.everyKind()
    try store.record(events[0])
    let huge = SessionEvent(
      chat: events[0].chat, time: Fixture.base,
      kind: .customerMessage(text: String(repeating: "x", count: 400_000)))
    #expect(throws: StoreError.diskFull(path: path)) { try store.record(huge) }
    try store.record(events[1])
    #expect(try store.events(of: events[0].chat) == [events[0], events[1]])
  }

  @Test func errorsReadClearly() {
    #expect(
      StoreError.notADatabase(path: "/x/s.sqlite").description
        == "/x/s.sqlite is not a ReplyDesk session store (not an SQLite file); it was left unchanged")
    #expect(StoreError.diskFull(path: "/x").description == "cannot write to /x: the disk is full")
  }
}
