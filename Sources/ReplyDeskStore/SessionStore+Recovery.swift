import Foundation
import GRDB
import ReplyDeskCore

extension SessionStore {
  /// Stores the events that consoles kept in spill files because this store refused them (disk
  /// full), skipping any the store already holds, and removes each file once its events are in.
  /// A file whose events still cannot be stored is kept for the next start. Returns how many events
  /// were added.
  @discardableResult
  public func recoverUnsavedEvents(from files: [UnsavedEventsFile]) throws -> Int {
    var added = 0
    for file in files {
      let events = file.read()
      do {
        added += try pool.writeWithoutTransaction { db in
          var count = 0
          try db.inTransaction(.immediate) {
            for event in events where try !Self.holds(event, in: db) {
              try Self.append(event, owner: owner, in: db)
              count += 1
            }
            return .commit
          }
          return count
        }
      } catch {
        throw StoreError.writing(error, path: path)
      }
      file.remove()
    }
    return added
  }

  /// Whether the store already has `event` (its session's start, or the same event at the same time).
  private static func holds(_ event: SessionEvent, in db: Database) throws -> Bool {
    if case .started = event.kind {
      return try Bool.fetchOne(
        db, sql: "SELECT 1 FROM session WHERE id = ?", arguments: [event.chat.rawValue]) ?? false
    }
    return try Bool.fetchOne(
      db, sql: "SELECT 1 FROM event WHERE sessionID = ? AND time = ? AND payload = ?",
      arguments: [
        event.chat.rawValue, event.time.timeIntervalSinceReferenceDate, try EventCoding.encode(event.kind),
      ]) ?? false
  }
}
