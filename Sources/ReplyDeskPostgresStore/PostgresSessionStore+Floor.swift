import Foundation
import PostgresNIO
import ReplyDeskCore
import ReplyDeskStore

extension PostgresSessionStore: FloorReading {
  public func floorRecords(since: Date) throws -> FloorRecords {
    let start = since.timeIntervalSinceReferenceDate
    let kinds = FloorEventRow.kinds
    let (sessionRows, eventRows) = try link.withSession { session in
      (
        try session.query(
          """
          SELECT id, representative, customer_name, channel, started_at, ended_at, outcome FROM session
          WHERE ended_at IS NULL OR ended_at >= \(start)
          """),
        try session.query(
          """
          SELECT e.session_id, e.time, e.kind, e.decision, e.rank,
            CASE WHEN e.kind = 'practiceScore' THEN e.payload END
          FROM session s JOIN event e ON e.session_id = s.id
          WHERE (s.ended_at IS NULL OR (s.ended_at >= \(start) AND e.time >= \(start)))
            AND e.kind = ANY(\(kinds))
          ORDER BY e.id
          """)
      )
    }
    do {
      let sessions = try sessionRows.map { row in
        let (id, representative, customerName, channel, startedAt, endedAt, outcome) =
          try row.decode((String, String, String, String, Double, Double?, String?).self)
        return FloorSessionRow(
          id: id, representative: representative, customerName: customerName, channel: channel,
          startedAt: Date(timeIntervalSinceReferenceDate: startedAt),
          endedAt: endedAt.map(Date.init(timeIntervalSinceReferenceDate:)),
          outcome: outcome.flatMap(SessionOutcome.init(rawValue:)))
      }
      let events = try eventRows.map { row in
        let (id, time, kind, decision, rank, payload) =
          try row.decode((String, Double, String, String?, Int?, String?).self)
        return FloorEventRow(
          sessionID: id, time: Date(timeIntervalSinceReferenceDate: time), kind: kind, decision: decision,
          rank: rank, payload: payload)
      }
      return FloorRecords(sessions: sessions, events: events)
    } catch {
      throw StoreError.corrupt(
        path: location, detail: "a row of the floor's read cannot be decoded: \(error)")
    }
  }

  public func changeFeed() throws -> any StoreChangeFeed {
    PostgresChangeFeed(link: PostgresLink(sameServerAs: link))
  }
}
