import Foundation
import GRDB
import ReplyDeskCore

extension SessionStore {
  /// Statistics over every session in the store, one row per group (see `StatsRow` for the metrics).
  public func stats(by grouping: StatsGrouping = .all) throws -> [StatsRow] {
    StatsCalculator.rows(for: try sessionFacts(), by: grouping)
  }

  /// Every session with its tally, folded from the decision and message columns; suggestion
  /// lists and decided suggestion ids are read with SQLite's JSON functions, not decoded in Swift.
  func sessionFacts() throws -> [SessionFacts] {
    try read { db in
      // Rowid order is recording order, so a plain table scan visits each session's events in
      // order; it is much faster than walking the sessionID index and looking up every row.
      var tallies: [String: SessionTally] = [:]
      let events = try Row.fetchCursor(db, sql: Self.tallyQuery)
      while let row = try events.next() {
        let time = Date(timeIntervalSinceReferenceDate: row[3])
        let detail: String? = row[5]
        switch row[4] as String {
        case "decision":
          tallies[row[0], default: SessionTally()].addDecision(
            (row[1] as String?) ?? "", rank: row[2], suggestionID: detail, at: time)
        case "suggestionsShown":
          tallies[row[0], default: SessionTally()].addShown(ShownEntry.parse(detail ?? ""))
        default:
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

  /// The events statistics fold, in recording order. Column 5 holds a decision's suggestion id or a
  /// suggestion list in the compact form `ShownEntry.parse` reads (`t` template, `g` generated);
  /// it is NULL for a payload that is not valid JSON, so a damaged row cannot stop the statistics.
  private static let tallyQuery = """
    SELECT sessionID, decision, rank, time, kind,
      CASE
        WHEN kind = 'customerMessage' OR NOT json_valid(payload) THEN NULL
        WHEN kind = 'decision' THEN payload ->> ('$.decision.decision.' || decision || '.suggestionID')
        ELSE (
          SELECT group_concat(
            (shown.value ->> '$.rank') || char(31)
              || iif(shown.value -> '$.source.generated' IS NULL, 't', 'g') || char(31)
              || (shown.value ->> '$.id'),
            char(30))
          FROM json_each(payload, '$.suggestionsShown.suggestions') AS shown)
      END
    FROM event WHERE kind IN ('customerMessage', 'decision', 'suggestionsShown') ORDER BY id
    """
}
