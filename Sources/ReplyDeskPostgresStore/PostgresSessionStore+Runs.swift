import Foundation
import PostgresNIO
import ReplyDeskCore
import ReplyDeskStore

extension PostgresSessionStore {
  /// Stores events that are each one INSERT (no start, no end) with a single statement, in
  /// order, skipping those the store holds; returns how many were new. A replayed outbox of
  /// hundreds of events takes one round trip instead of one per event.
  static func appendRun(_ events: [SessionEvent], in session: PostgresSession) throws -> Int {
    var columns = RunColumns()
    for event in events {
      try SessionEventRules.validate(event)
      try columns.add(event)
    }
    let rows = try session.query(
      """
      INSERT INTO event (event_id, session_id, time, kind, decision, rank, text, payload)
      SELECT md5(t.identity)::uuid, t.session_id, t.time, t.kind,
        CASE WHEN t.has_decision THEN t.decision END, CASE WHEN t.has_rank THEN t.rank::integer END,
        CASE WHEN t.has_text THEN t.text END, t.payload
      FROM unnest(\(columns.identities)::text[], \(columns.sessions)::text[], \(columns.times)::float8[],
        \(columns.kinds)::text[], \(columns.decisions)::text[], \(columns.hasDecision)::bool[],
        \(columns.ranks)::int8[], \(columns.hasRank)::bool[], \(columns.texts)::text[],
        \(columns.hasText)::bool[], \(columns.payloads)::text[])
        WITH ORDINALITY AS t(identity, session_id, time, kind, decision, has_decision, rank, has_rank,
          text, has_text, payload, n)
      ORDER BY t.n
      ON CONFLICT (event_id) DO NOTHING RETURNING 1
      """)
    return rows.count
  }
}

/// The `event` columns of a run of events, one array per column (a flag beside each column that
/// may be NULL, since the arrays hold plain values).
private struct RunColumns {
  var identities: [String] = []
  var sessions: [String] = []
  var times: [Double] = []
  var kinds: [String] = []
  var decisions: [String] = []
  var hasDecision: [Bool] = []
  var ranks: [Int] = []
  var hasRank: [Bool] = []
  var texts: [String] = []
  var hasText: [Bool] = []
  var payloads: [String] = []

  mutating func add(_ event: SessionEvent) throws {
    let columns = try EventColumns(event.kind)
    identities.append(PostgresSessionStore.identity(of: event, payload: columns.payload))
    sessions.append(event.chat.rawValue)
    times.append(event.time.timeIntervalSinceReferenceDate)
    kinds.append(columns.kind)
    decisions.append(columns.decision ?? "")
    hasDecision.append(columns.decision != nil)
    ranks.append(columns.rank ?? 0)
    hasRank.append(columns.rank != nil)
    texts.append(columns.text ?? "")
    hasText.append(columns.text != nil)
    payloads.append(columns.payload)
  }
}
