import Foundation
import GRDB
import ReplyDeskCore

/// One event waiting in an outbox, with its place in the queue and whether it ends the group of
/// events recorded together (a group is stored in the primary all at once, or not at all).
struct QueuedEvent: Equatable {
  var seq: Int64
  var event: SessionEvent
  var endsGroup: Bool
}

/// The local SQLite file that holds events while the team store is away: table `pending` in
/// recording order (`seq`), `refused` for groups the store turned down when they were replayed,
/// and `owner`, the process the file belongs to, so the next console can tell a dead console's
/// outbox from a live one's. WAL with `synchronous = FULL`: an append survives a power cut.
/// Events are stored with the store's own event coding (`EventCoding`), as the stores do.
final class OutboxFile: Sendable {
  let path: String
  private let queue: DatabaseQueue

  /// Opens (or creates) the outbox at `path` and, given an `owner`, claims it for that process;
  /// rows a dead owner left stay queued. Without one the file is only read and emptied.
  init(path: String, owner: ProcessIdentity?) throws {
    self.path = path
    var configuration = Configuration()
    configuration.journalMode = .wal
    configuration.busyMode = .timeout(SessionStore.busyTimeout)
    do {
      queue = try DatabaseQueue(path: path, configuration: configuration)
      try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
      try queue.write { db in
        try db.execute(sql: Self.schema)
        guard let owner else { return }
        try db.execute(sql: "DELETE FROM owner")
        try db.execute(
          sql: "INSERT INTO owner (host, pid, startToken) VALUES (?, ?, ?)",
          arguments: [owner.host, owner.pid, owner.startToken])
      }
    } catch {
      throw StoreError.writing(error, path: path)
    }
  }

  private static let schema = """
    CREATE TABLE IF NOT EXISTS pending (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, chat TEXT NOT NULL, time REAL NOT NULL,
      payload TEXT NOT NULL, endsGroup INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS refused (
      seq INTEGER PRIMARY KEY, chat TEXT NOT NULL, time REAL NOT NULL, payload TEXT NOT NULL,
      reason TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS owner (host TEXT NOT NULL, pid INTEGER NOT NULL, startToken TEXT NOT NULL);
    """

  /// Commits `events` as one group at the end of the queue.
  func append(_ events: [SessionEvent]) throws {
    try write { db in try Self.insert(events, in: db) }
  }

  /// The number of events waiting, and of events the store refused.
  func counts() throws -> (pending: Int, refused: Int) {
    try read { db in
      (
        try Int.fetchOne(db, sql: "SELECT count(*) FROM pending") ?? 0,
        try Int.fetchOne(db, sql: "SELECT count(*) FROM refused") ?? 0
      )
    }
  }

  /// The oldest whole groups, about `limit` events (more when the first group is longer).
  func oldest(limit: Int) throws -> [QueuedEvent] {
    var wanted = max(1, limit)
    while true {
      let rows = try read { db in
        try Row.fetchAll(
          db, sql: "SELECT seq, chat, time, payload, endsGroup FROM pending ORDER BY seq LIMIT ?",
          arguments: [wanted])
      }
      let events = try rows.map(queued)
      if events.count < wanted { return events }
      if let end = events.lastIndex(where: \.endsGroup) { return Array(events[...end]) }
      wanted *= 2
    }
  }

  /// Deletes every pending event up to `seq`: the store holds them now.
  func remove(through seq: Int64) throws {
    try write { db in try db.execute(sql: "DELETE FROM pending WHERE seq <= ?", arguments: [seq]) }
  }

  /// Moves a group the store refused from the queue to `refused`, with the store's reason.
  func refuse(_ group: [QueuedEvent], reason: String) throws {
    try write { db in
      for item in group {
        let columns = try EventColumns(item.event.kind)
        try db.execute(
          sql: "INSERT OR REPLACE INTO refused (seq, chat, time, payload, reason) VALUES (?, ?, ?, ?, ?)",
          arguments: [
            item.seq, item.event.chat.rawValue, item.event.time.timeIntervalSinceReferenceDate,
            columns.payload, reason,
          ])
        try db.execute(sql: "DELETE FROM pending WHERE seq = ?", arguments: [item.seq])
      }
    }
  }

  /// The process this file belongs to, as written when it was opened.
  func owner() throws -> ProcessIdentity? {
    try read { db in
      try Row.fetchOne(db, sql: "SELECT host, pid, startToken FROM owner").map {
        ProcessIdentity(host: $0[0], pid: $0[1], startToken: $0[2])
      }
    }
  }

  /// Moves every pending event of `other` (a dead console's outbox) to the end of this queue, in
  /// order and keeping its groups. `other` stays locked meanwhile, so two consoles starting at
  /// once do not both take it; a crash between the two commits leaves a copy in each file, which
  /// is harmless: the store skips events it holds.
  func absorb(_ other: OutboxFile) throws -> Int {
    try other.write { source in
      let rows = try Row.fetchAll(
        source, sql: "SELECT seq, chat, time, payload, endsGroup FROM pending ORDER BY seq")
      let events = try rows.map(other.queued)
      var group: [SessionEvent] = []
      try write { db in
        for item in events {
          group.append(item.event)
          guard item.endsGroup else { continue }
          try Self.insert(group, in: db)
          group = []
        }
        if !group.isEmpty { try Self.insert(group, in: db) }
      }
      try source.execute(sql: "DELETE FROM pending")
      return events.count
    }
  }

  private static func insert(_ events: [SessionEvent], in db: Database) throws {
    for (index, event) in events.enumerated() {
      let columns = try EventColumns(event.kind)
      try db.cachedStatement(
        sql: "INSERT INTO pending (chat, time, payload, endsGroup) VALUES (?, ?, ?, ?)"
      ).execute(
        arguments: [
          event.chat.rawValue, event.time.timeIntervalSinceReferenceDate, columns.payload,
          index == events.count - 1,
        ])
    }
  }

  private func queued(_ row: Row) throws -> QueuedEvent {
    do {
      let event = SessionEvent(
        chat: ChatID(row[1]), time: Date(timeIntervalSinceReferenceDate: row[2]),
        kind: try EventCoding.decode(row[3]))
      return QueuedEvent(seq: row[0], event: event, endsGroup: row[4])
    } catch {
      throw StoreError.corrupt(path: path, detail: "a queued event cannot be decoded: \(error)")
    }
  }

  func write<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try queue.write(body)
    } catch {
      throw StoreError.writing(error, path: path)
    }
  }

  func read<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try queue.read(body)
    } catch {
      throw StoreError.reading(error, path: path)
    }
  }
}
