import Foundation
import GRDB
import ReplyDeskCore

extension SessionStore {
  /// Ends as `interrupted` every session still open whose starting process is gone (killed, crashed,
  /// or its machine rebooted), keeping all it recorded and adding a system note that says so.
  /// Sessions of running processes, and of other machines, which cannot be checked from here, stay
  /// open. Safe with several consoles starting at once: a session is ended only once. Returns the
  /// sessions it ended.
  @discardableResult
  public func closeInterruptedSessions(at time: Date = Date()) throws -> [ChatID] {
    let open = try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT s.id, o.host, o.pid, o.startToken FROM session s
          JOIN sessionOwner o ON o.sessionID = s.id WHERE s.endedAt IS NULL ORDER BY s.startedAt
          """
      ).map { row in
        (ChatID(row[0]), ProcessIdentity(host: row[1], pid: row[2], startToken: row[3]))
      }
    }
    let orphans = open.filter { $0.1 != owner && $0.1.liveness == .gone }
    guard !orphans.isEmpty else { return [] }
    do {
      return try pool.writeWithoutTransaction { db in
        var closed: [ChatID] = []
        try db.inTransaction(.immediate) {
          for (chat, process) in orphans where try Self.isOpen(chat, in: db) {
            for event in SessionEventRules.interruption(of: chat, by: process, at: time) {
              try Self.append(event, owner: owner, in: db)
            }
            closed.append(chat)
          }
          return .commit
        }
        return closed
      }
    } catch {
      throw StoreError.writing(error, path: path)
    }
  }

  private static func isOpen(_ chat: ChatID, in db: Database) throws -> Bool {
    try Bool.fetchOne(
      db, sql: "SELECT endedAt IS NULL FROM session WHERE id = ?", arguments: [chat.rawValue]) ?? false
  }
}
