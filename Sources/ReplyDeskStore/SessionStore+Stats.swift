import Foundation
import GRDB
import ReplyDeskCore

extension SessionStore {
  /// Statistics over the sessions of `channel` (live by default: practice and demo chats are left
  /// out), one row per group (see `StatsRow` for the metrics).
  public func stats(by grouping: StatsGrouping = .all, channel: StatsChannel = .live) throws -> [StatsRow] {
    StatsCalculator.rows(for: try sessionFacts().filter { channel.includes($0.channel) }, by: grouping)
  }

  /// Every session with its tally, folded from the decision and message columns; suggestion
  /// lists and sent suggestions' origins are read from the payloads in SQL, not decoded in Swift.
  func sessionFacts() throws -> [SessionFacts] {
    try read { db in
      // Rowid order is recording order, so a plain table scan visits each session's events in
      // order; it is much faster than walking the sessionID index and looking up every row.
      var tallies: [String: SessionTally] = [:]
      tallies.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM session") ?? 0)
      let events = try Row.fetchCursor(db, sql: Self.tallyQuery)
      while let row = try events.next() {
        let time = Date(timeIntervalSinceReferenceDate: row[3])
        let detail: DatabaseValue = row[5]
        switch (row[4] as String, detail.storage) {
        case ("decision", _):
          tallies[row[0], default: SessionTally()].addDecision(
            (row[1] as String?) ?? "", rank: row[2], generatedID: (row[5] as Int?) == 1, at: time)
        case ("suggestionsShown", .int64(let count)):
          tallies[row[0], default: SessionTally()].addShownTemplates(count: Int(count))
        case ("suggestionsShown", .string(let compact)):
          tallies[row[0], default: SessionTally()].addShown(ShownEntry.parse(compact))
        case ("suggestionsShown", _):
          continue
        case ("practiceScore", .int64(let hidden)):
          if hidden == 1 { tallies[row[0], default: SessionTally()].suggestionsHidden = true }
        case ("practiceScore", _):
          continue
        case ("rating", .int64(let score)):
          tallies[row[0], default: SessionTally()].rating = Int(score)
        case ("rating", _):
          continue
        case ("intentResolved", .string(let intent)):
          if tallies[row[0]]?.intent == nil { tallies[row[0], default: SessionTally()].intent = intent }
        case ("intentResolved", _):
          continue
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

  /// The events statistics fold, in recording order. Column 5 holds, for a decision, 1 when its
  /// suggestion id is the generated suggestions' id; for a list of templates only, their count (read
  /// cheaply: no generated source key in the payload); for a list with a generated suggestion, its
  /// entries in the compact form `ShownEntry.parse` reads (`t` template, `g` generated); NULL for a
  /// payload that is not valid JSON, so a damaged row cannot stop the statistics; for a practice
  /// score, 1 when the trainee practised with suggestions hidden; for a customer rating, its score; for a
  /// resolved intent, the intent. The patterns
  /// match the payload's JSON coding, where quotes inside strings are always escaped.
  private static let tallyQuery = """
    SELECT sessionID, decision, rank, time, kind,
      CASE
        WHEN kind = 'customerMessage' THEN NULL
        WHEN kind = 'decision' THEN instr(payload, '"suggestionID":"\(generatedSuggestionID)"') > 0
        WHEN NOT json_valid(payload) THEN NULL
        WHEN kind = 'practiceScore' THEN payload ->> '$.practiceScore.score.suggestionsHidden'
        WHEN kind = 'rating' THEN payload ->> '$.rating.score'
        WHEN kind = 'intentResolved' THEN payload ->> '$.intentResolved.intent'
        WHEN instr(payload, '"generated":{') = 0
          THEN json_array_length(payload, '$.suggestionsShown.suggestions')
        ELSE (
          SELECT group_concat(
            (shown.value ->> '$.rank') || char(31)
              || iif(shown.value -> '$.source.generated' IS NULL, 't', 'g') || char(31)
              || (shown.value ->> '$.id'),
            char(30))
          FROM json_each(payload, '$.suggestionsShown.suggestions') AS shown)
      END
    FROM event
    WHERE kind IN ('customerMessage', 'decision', 'suggestionsShown', 'practiceScore', 'rating', 'intentResolved')
    ORDER BY id
    """
}
