import Foundation
import PostgresNIO
import ReplyDeskCore
import ReplyDeskStore

extension PostgresSessionStore {
  public func sessions(matching filter: SessionFilter) throws -> [SessionSummary] {
    var conditions: [String] = []
    var binds = PostgresBindings()
    func bind(_ value: some PostgresNonThrowingEncodable) -> String {
      binds.append(value)
      return "$\(binds.count)"
    }
    if let from = filter.from {
      conditions.append("s.started_at >= \(bind(from.timeIntervalSinceReferenceDate))")
    }
    if let to = filter.to { conditions.append("s.started_at < \(bind(to.timeIntervalSinceReferenceDate))") }
    if let outcome = filter.outcome { conditions.append("s.outcome = \(bind(outcome.rawValue))") }
    if let representative = filter.representative {
      conditions.append("s.representative = \(bind(representative))")
    }
    if let search = filter.search {
      guard let query = Self.prefixQuery(search) else { return [] }
      conditions.append(
        "s.id IN (SELECT session_id FROM event WHERE search @@ to_tsquery('simple', \(bind(query))))")
    }
    let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    let limitClause = filter.limit.map { " LIMIT \(max(0, $0))" } ?? ""
    let sql = "\(Self.summarySelect) \(whereClause) ORDER BY s.started_at DESC, s.id\(limitClause)"
    let rows = try link.withSession { try $0.query(PostgresQuery(unsafeSQL: sql, binds: binds)) }
    return try rows.map(summary)
  }

  public func session(_ chat: ChatID) throws -> SessionSummary {
    var binds = PostgresBindings()
    binds.append(chat.rawValue)
    let query = PostgresQuery(unsafeSQL: Self.summarySelect + " WHERE s.id = $1", binds: binds)
    guard let row = try link.withSession({ try $0.query(query) }).first else {
      throw StoreError.unknownSession(chat.rawValue)
    }
    return try summary(row)
  }

  /// A `tsquery` that matches turns holding every word of `text` as a word or a word prefix, as
  /// the SQLite store's FTS5 search does; nil when `text` has no word.
  static func prefixQuery(_ text: String) -> String? {
    let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
    guard !words.isEmpty else { return nil }
    return words.map { "'\($0)':*" }.joined(separator: " & ")
  }

  private static let summarySelect = """
    SELECT s.id, s.representative, s.customer_id, s.customer_name, s.channel, s.started_at,
      s.ended_at, s.outcome, (SELECT count(*) FROM event e WHERE e.session_id = s.id)
    FROM session s
    """

  private func summary(_ row: PostgresRow) throws -> SessionSummary {
    do {
      let (id, representative, customerID, customerName, channel, startedAt, endedAt, outcome, count) =
        try row.decode((String, String, String, String, String, Double, Double?, String?, Int).self)
      return SessionSummary(
        id: ChatID(id), representative: representative, customerID: customerID, customerName: customerName,
        channel: channel, startedAt: Date(timeIntervalSinceReferenceDate: startedAt),
        endedAt: endedAt.map(Date.init(timeIntervalSinceReferenceDate:)),
        outcome: outcome.flatMap(SessionOutcome.init(rawValue:)), eventCount: count)
    } catch {
      throw StoreError.corrupt(path: location, detail: "a session row cannot be read: \(error)")
    }
  }
}
