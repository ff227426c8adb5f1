import Foundation
import GRDB
import ReplyDeskCore

extension SessionStore: FloorReading {
  /// How often the SQLite store's change feed looks for new events (another process's commit
  /// cannot wake this one, so it polls the newest row id, a cheap read).
  static let changePollSeconds: TimeInterval = 0.25

  public func floorRecords(since: Date) throws -> FloorRecords {
    let start = since.timeIntervalSinceReferenceDate
    let kinds = FloorEventRow.kinds.map { "'\($0)'" }.joined(separator: ", ")
    return try read { db in
      let sessions = try Row.fetchAll(
        db,
        sql: """
          SELECT id, representative, customerName, channel, startedAt, endedAt, outcome FROM session
          WHERE endedAt IS NULL OR endedAt >= ?
          """, arguments: [start]
      ).map { row in
        let endedAt: Double? = row[5]
        let outcome: String? = row[6]
        return FloorSessionRow(
          id: row[0], representative: row[1], customerName: row[2], channel: row[3],
          startedAt: Date(timeIntervalSinceReferenceDate: row[4]),
          endedAt: endedAt.map(Date.init(timeIntervalSinceReferenceDate:)),
          outcome: outcome.flatMap(SessionOutcome.init(rawValue:)))
      }
      let events = try Row.fetchAll(
        db,
        sql: """
          SELECT e.sessionID, e.time, e.kind, e.decision, e.rank,
            CASE WHEN e.kind = 'practiceScore' THEN e.payload END
          FROM session s JOIN event e ON e.sessionID = s.id
          WHERE (s.endedAt IS NULL OR (s.endedAt >= ?1 AND e.time >= ?1)) AND e.kind IN (\(kinds))
          ORDER BY e.id
          """, arguments: [start]
      ).map { row in
        FloorEventRow(
          sessionID: row[0], time: Date(timeIntervalSinceReferenceDate: row[1]), kind: row[2],
          decision: row[3],
          rank: row[4], payload: row[5])
      }
      return FloorRecords(sessions: sessions, events: events)
    }
  }

  public func changeFeed() throws -> any StoreChangeFeed {
    let pool = pool
    let path = path
    return PollingChangeFeed(interval: Self.changePollSeconds) {
      do {
        return try pool.read { try Int64.fetchOne($0, sql: "SELECT coalesce(max(id), 0) FROM event") ?? 0 }
      } catch {
        throw StoreError.reading(error, path: path)
      }
    }
  }
}
