import Foundation
import GRDB
import ReplyDeskCore

/// One row of the sessions listing.
public struct SessionSummary: Encodable, Sendable, Equatable {
  public var id: ChatID
  public var representative: String
  public var customerID: String
  public var customerName: String
  /// The channel or scenario the chat came from (for example "refund_status").
  public var channel: String
  public var startedAt: Date
  public var endedAt: Date?
  /// Nil while the chat is still open.
  public var outcome: SessionOutcome?
  /// How many events the log holds for the session.
  public var eventCount: Int

  package init(
    id: ChatID, representative: String, customerID: String, customerName: String, channel: String,
    startedAt: Date, endedAt: Date?, outcome: SessionOutcome?, eventCount: Int
  ) {
    self.id = id
    self.representative = representative
    self.customerID = customerID
    self.customerName = customerName
    self.channel = channel
    self.startedAt = startedAt
    self.endedAt = endedAt
    self.outcome = outcome
    self.eventCount = eventCount
  }

  private enum CodingKeys: String, CodingKey {
    case id, representative, customerID, customerName, channel, startedAt, endedAt, outcome, eventCount
  }

  /// Encodes the id as a plain string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id.rawValue, forKey: .id)
    try container.encode(representative, forKey: .representative)
    try container.encode(customerID, forKey: .customerID)
    try container.encode(customerName, forKey: .customerName)
    try container.encode(channel, forKey: .channel)
    try container.encode(startedAt, forKey: .startedAt)
    try container.encodeIfPresent(endedAt, forKey: .endedAt)
    try container.encodeIfPresent(outcome, forKey: .outcome)
    try container.encode(eventCount, forKey: .eventCount)
  }
}

/// Which sessions to list; every field left nil matches everything.
public struct SessionFilter: Sendable, Equatable {
  /// Sessions started at or after this time.
  public var from: Date?
  /// Sessions started before this time.
  public var to: Date?
  public var outcome: SessionOutcome?
  /// The representative's exact name.
  public var representative: String?
  /// Words that must all appear (as words or word prefixes) in one turn of the session.
  public var search: String?
  /// At most this many sessions, newest first.
  public var limit: Int?

  public init(
    from: Date? = nil, to: Date? = nil, outcome: SessionOutcome? = nil, representative: String? = nil,
    search: String? = nil, limit: Int? = nil
  ) {
    self.from = from
    self.to = to
    self.outcome = outcome
    self.representative = representative
    self.search = search
    self.limit = limit
  }
}

extension SessionStore {
  /// Sessions matching `filter`, newest first. A search without any word matches nothing.
  public func sessions(matching filter: SessionFilter = SessionFilter()) throws -> [SessionSummary] {
    var conditions: [String] = []
    var arguments: StatementArguments = []
    if let from = filter.from {
      conditions.append("s.startedAt >= ?")
      _ = arguments.append(contentsOf: [from.timeIntervalSinceReferenceDate])
    }
    if let to = filter.to {
      conditions.append("s.startedAt < ?")
      _ = arguments.append(contentsOf: [to.timeIntervalSinceReferenceDate])
    }
    if let outcome = filter.outcome {
      conditions.append("s.outcome = ?")
      _ = arguments.append(contentsOf: [outcome.rawValue])
    }
    if let representative = filter.representative {
      conditions.append("s.representative = ?")
      _ = arguments.append(contentsOf: [representative])
    }
    if let search = filter.search {
      guard let pattern = FTS5Pattern(matchingAllPrefixesIn: search) else { return [] }
      conditions.append(
        """
        s.id IN (SELECT e.sessionID FROM eventText JOIN event e ON e.id = eventText.rowid
                 WHERE eventText MATCH ?)
        """)
      _ = arguments.append(contentsOf: [pattern])
    }
    let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    let limitClause = filter.limit.map { " LIMIT \(max(0, $0))" } ?? ""
    let sql = """
      SELECT s.*, (SELECT COUNT(*) FROM event WHERE sessionID = s.id) AS eventCount
      FROM session s \(whereClause) ORDER BY s.startedAt DESC, s.id\(limitClause)
      """
    return try read { db in
      try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.summary)
    }
  }

  /// The listing row of one session.
  public func session(_ chat: ChatID) throws -> SessionSummary {
    let row = try read { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT s.*, (SELECT COUNT(*) FROM event WHERE sessionID = s.id) AS eventCount
          FROM session s WHERE s.id = ?
          """, arguments: [chat.rawValue])
    }
    guard let row else { throw StoreError.unknownSession(chat.rawValue) }
    return Self.summary(row)
  }

  private static func summary(_ row: Row) -> SessionSummary {
    let endedAt: Double? = row["endedAt"]
    let outcome: String? = row["outcome"]
    return SessionSummary(
      id: ChatID(row["id"]), representative: row["representative"], customerID: row["customerID"],
      customerName: row["customerName"], channel: row["channel"],
      startedAt: Date(timeIntervalSinceReferenceDate: row["startedAt"]),
      endedAt: endedAt.map(Date.init(timeIntervalSinceReferenceDate:)),
      outcome: outcome.flatMap(SessionOutcome.init(rawValue:)), eventCount: row["eventCount"])
  }
}
