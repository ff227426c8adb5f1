import Foundation
import GRDB
import ReplyDeskCore

/// What the local outboxes beside a team store hold (`replydesk store outbox`): events waiting for
/// the store, and events the store refused when they were replayed, with its reasons. Refused
/// events can be put back in the queue once their cause is fixed; a console started against the
/// store then takes them over and replays them.
public enum OutboxInspection {
  /// One outbox file and what it holds.
  public struct File: Equatable, Sendable {
    public var path: String
    /// Whether the console that owns it is still running (`.unknown` on another machine).
    public var owner: ProcessIdentity.Liveness
    public var pending: Int
    public var refused: Int
  }

  /// One event the store refused, and why.
  public struct RefusedEvent: Equatable, Sendable {
    public var chat: ChatID
    public var time: Date
    /// The kind of event, as the store names it (`decision`, `customerMessage`, …).
    public var kind: String
    public var reason: String
  }

  /// The outbox files beside `base` (`<base>.outbox-<pid>.sqlite`), oldest name first.
  public static func files(base: String) throws -> [File] {
    try paths(base: base).map { path in
      let file = try OutboxFile(path: path, owner: nil)
      let (pending, refused) = try file.counts()
      return File(path: path, owner: try file.owner()?.liveness ?? .gone, pending: pending, refused: refused)
    }
  }

  /// The events the store refused from the outbox at `path`, in recording order.
  public static func refused(path: String) throws -> [RefusedEvent] {
    let file = try OutboxFile(path: path, owner: nil)
    let rows = try file.read { db in
      try Row.fetchAll(db, sql: "SELECT chat, time, payload, reason FROM refused ORDER BY seq")
    }
    return try rows.map { row in
      let kind: SessionEventKind
      do {
        kind = try EventCoding.decode(row[2])
      } catch {
        throw StoreError.corrupt(path: path, detail: "a refused event cannot be decoded: \(error)")
      }
      return RefusedEvent(
        chat: ChatID(row[0]), time: Date(timeIntervalSinceReferenceDate: row[1]),
        kind: try EventColumns(kind).kind, reason: row[3])
    }
  }

  /// Puts every refused event of the outbox at `path` back at the end of its queue (each event its
  /// own group, in recording order) and returns how many. The file must not belong to a running
  /// console: that console's queue is its own.
  public static func requeueRefused(path: String) throws -> Int {
    let file = try OutboxFile(path: path, owner: nil)
    if try file.owner()?.liveness == .running {
      throw StoreError.inUse(path: path)
    }
    return try file.write { db in
      let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM refused") ?? 0
      try db.execute(
        sql: """
          INSERT INTO pending (chat, time, payload, endsGroup)
            SELECT chat, time, payload, 1 FROM refused ORDER BY seq
          """)
      try db.execute(sql: "DELETE FROM refused")
      return count
    }
  }

  static func paths(base: String) -> [String] {
    let url = URL(fileURLWithPath: base)
    let prefix = url.lastPathComponent + ".outbox-"
    let directory = url.deletingLastPathComponent()
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.sorted().filter { $0.hasPrefix(prefix) && $0.hasSuffix(".sqlite") }.map {
      directory.appendingPathComponent($0).path
    }
  }
}
