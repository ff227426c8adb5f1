import Foundation
import GRDB
import ReplyDeskCore

/// The session store: an SQLite file in WAL mode holding every chat's append-only event log.
///
/// `record(_:)` returns only after the event is committed with `synchronous = FULL`, and throws a
/// `StoreError` otherwise. Several processes may read and write the same file at once: writers wait
/// for each other (busy timeout) and readers never block writers. A corrupt or foreign file at
/// the path is refused before anything is written to it.
public final class SessionStore: SessionStoring {
  /// How the store is opened: supervisors' commands read only and never change the file.
  public enum AccessMode: Sendable {
    case readWrite
    case readOnly
  }

  /// How long a writer waits for another process's write to finish before giving up.
  static let busyTimeout: TimeInterval = 10

  /// The file the store lives in.
  public let path: String
  /// The store's file path.
  public var location: String { path }
  let pool: DatabasePool
  /// Recorded as the owner of every session this store starts.
  let owner: ProcessIdentity

  /// Opens (and, for `.readWrite`, creates or upgrades) the store at `path`.
  /// Why a read-only command finds nothing at a path where no console has recorded yet.
  public static let nothingRecordedYet =
    "no session store there yet; sessions are recorded once a console has run there (replydesk demo or "
    + "replydesk console), or name another store with --store"

  public convenience init(path: String, mode: AccessMode = .readWrite) throws {
    try self.init(path: path, mode: mode, prepareConnection: nil)
  }

  /// Opens the store; `prepareConnection` runs on every new connection (tests use it to limit size);
  /// `owner` is the process recorded as starting sessions (tests pretend to be another one).
  init(
    path: String, mode: AccessMode, owner: ProcessIdentity = .current,
    prepareConnection: (@Sendable (Database) throws -> Void)?
  ) throws {
    self.path = path
    self.owner = owner
    let state = try StoreFileInspector.inspect(path: path)
    if mode == .readOnly && state != .replyDesk(schemaVersion: StoreSchema.currentVersion) {
      throw state == .fresh
        ? StoreError.readFailed(path: path, detail: Self.nothingRecordedYet)
        : StoreError.readFailed(path: path, detail: "the store needs an upgrade; open it for writing once")
    }
    var configuration = Configuration()
    configuration.readonly = mode == .readOnly
    configuration.busyMode = .timeout(Self.busyTimeout)
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA foreign_keys = ON")
      try prepareConnection?(db)
    }
    do {
      pool = try PoolOpening.open(path: path, configuration: configuration, timeout: Self.busyTimeout)
      if mode == .readWrite {
        // GRDB sets NORMAL when it enables WAL; FULL makes every commit survive a power cut.
        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        try StoreSchema.migrate(pool)
      }
    } catch {
      throw mode == .readWrite ? StoreError.writing(error, path: path) : StoreError.reading(error, path: path)
    }
  }

  /// Appends events in one transaction: all of them are committed, or none.
  public func record(contentsOf events: [SessionEvent]) throws {
    do {
      try pool.writeWithoutTransaction { db in
        try db.inTransaction(.immediate) {
          for event in events { try Self.append(event, owner: owner, in: db) }
          return .commit
        }
      }
    } catch {
      throw StoreError.writing(error, path: path)
    }
  }

  /// Every event of one chat, in the order it was recorded.
  public func events(of chat: ChatID) throws -> [SessionEvent] {
    let rows = try read { db -> [Row]? in
      guard try Self.sessionExists(chat, in: db) else { return nil }
      return try Row.fetchAll(
        db, sql: "SELECT time, payload, kind FROM event WHERE sessionID = ? ORDER BY id",
        arguments: [chat.rawValue])
    }
    guard let rows else { throw StoreError.unknownSession(chat.rawValue) }
    let decoder = JSONDecoder()
    do {
      // Kinds a newer version added are left out, so an older reader still shows the rest.
      return try rows.filter { EventColumns.knownKinds.contains($0[2] as String) }.map { row in
        let time = Date(timeIntervalSinceReferenceDate: row[0])
        return SessionEvent(chat: chat, time: time, kind: try EventCoding.decode(row[1], using: decoder))
      }
    } catch {
      throw StoreError.corrupt(path: path, detail: "an event of session \(chat) cannot be decoded: \(error)")
    }
  }

  /// Runs a read in a snapshot and maps failures onto `StoreError`.
  func read<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try pool.read(body)
    } catch {
      throw StoreError.reading(error, path: path)
    }
  }

  static func append(_ event: SessionEvent, owner: ProcessIdentity, in db: Database) throws {
    let id = event.chat.rawValue
    try SessionEventRules.validate(event)
    switch event.kind {
    case .started(let representative, let customer, let channel):
      guard try !sessionExists(event.chat, in: db) else {
        throw StoreError.invalidEvent("session \(id) has already started")
      }
      try db.cachedStatement(
        sql: """
          INSERT INTO session (id, representative, customerID, customerName, channel, startedAt)
          VALUES (?, ?, ?, ?, ?, ?)
          """
      ).execute(
        arguments: [
          id, representative, customer.id, customer.fullName, channel,
          event.time.timeIntervalSinceReferenceDate,
        ])
      try db.cachedStatement(
        sql: "INSERT INTO sessionOwner (sessionID, host, pid, startToken) VALUES (?, ?, ?, ?)"
      ).execute(arguments: [id, owner.host, owner.pid, owner.startToken])
    case .ended(let outcome):
      try requireSession(event.chat, in: db)
      try db.cachedStatement(sql: "UPDATE session SET endedAt = ?, outcome = ? WHERE id = ?").execute(
        arguments: [event.time.timeIntervalSinceReferenceDate, outcome.rawValue, id])
    default:
      try requireSession(event.chat, in: db)
    }
    let columns = try EventColumns(event.kind)
    try db.cachedStatement(
      sql: """
        INSERT INTO event (sessionID, time, kind, decision, rank, text, payload)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(
      arguments: [
        id, event.time.timeIntervalSinceReferenceDate, columns.kind, columns.decision, columns.rank,
        columns.text, columns.payload,
      ])
  }

  private static func sessionExists(_ chat: ChatID, in db: Database) throws -> Bool {
    let statement = try db.cachedStatement(sql: "SELECT 1 FROM session WHERE id = ?")
    return try Bool.fetchOne(statement, arguments: [chat.rawValue]) ?? false
  }

  private static func requireSession(_ chat: ChatID, in db: Database) throws {
    guard try sessionExists(chat, in: db) else {
      throw StoreError.invalidEvent("session \(chat) has no started event")
    }
  }
}
