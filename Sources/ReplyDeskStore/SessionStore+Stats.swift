import Foundation
import GRDB
import ReplyDeskCore

extension SessionStore {
  /// Statistics over every session in the store, one row per group (see `StatsRow` for the metrics).
  public func stats(by grouping: StatsGrouping = .all) throws -> [StatsRow] {
    StatsCalculator.rows(for: try sessionFacts(), by: grouping)
  }

  /// Every session with its tally, folded from the decision and message columns (no JSON decoding).
  func sessionFacts() throws -> [SessionFacts] {
    try read { db in
      // Rowid order is recording order, so a plain table scan visits each session's events in
      // order; it is much faster than walking the sessionID index and looking up every row.
      var tallies: [String: SessionTally] = [:]
      let events = try Row.fetchCursor(
        db,
        sql: """
          SELECT sessionID, decision, rank, time FROM event
          WHERE kind IN ('customerMessage', 'decision') ORDER BY id
          """)
      while let row = try events.next() {
        let time = Date(timeIntervalSinceReferenceDate: row[3])
        if let decision: String = row[1] {
          tallies[row[0], default: SessionTally()].addDecision(decision, rank: row[2], at: time)
        } else {
          tallies[row[0], default: SessionTally()].addCustomerMessage(at: time)
        }
      }
      return try Row.fetchAll(
        db, sql: "SELECT id, representative, channel, customerID, startedAt, endedAt, outcome FROM session"
      ).map { row in
        let id: String = row[0]
        let endedAt: Double? = row[5]
        let outcome: String? = row[6]
        return SessionFacts(
          id: id, representative: row[1], channel: row[2], customerID: row[3],
          startedAt: Date(timeIntervalSinceReferenceDate: row[4]),
          endedAt: endedAt.map(Date.init(timeIntervalSinceReferenceDate:)),
          outcome: outcome.flatMap(SessionOutcome.init(rawValue:)), tally: tallies[id] ?? SessionTally())
      }
    }
  }
}
