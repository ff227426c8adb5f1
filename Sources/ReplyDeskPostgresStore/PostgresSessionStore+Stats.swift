import Foundation
import PostgresNIO
import ReplyDeskCore
import ReplyDeskStore

extension PostgresSessionStore {
  public func stats(by grouping: StatsGrouping, channel: StatsChannel) throws -> [StatsRow] {
    StatsCalculator.rows(for: try sessionFacts().filter { channel.includes($0.channel) }, by: grouping)
  }

  public func practiceStats() throws -> [PracticeStatsRow] {
    let rows = try link.withSession { session in
      try session.query(
        """
        SELECT s.id, s.representative, e.payload FROM session s
        LEFT JOIN event e ON e.session_id = s.id AND e.kind = 'practiceScore'
        WHERE s.channel = \(StatsChannel.practice.rawValue) ORDER BY e.id
        """)
    }
    var trainees: [String: String] = [:]
    var scores: [String: PracticeScore] = [:]
    let decoder = JSONDecoder()
    for row in rows {
      let (id, trainee, payload) = try row.decode((String, String, String?).self)
      trainees[id] = trainee
      guard let payload, case .practiceScore(let score)? = try? EventCoding.decode(payload, using: decoder)
      else { continue }
      scores[id] = score
    }
    return PracticeStatsCalculator.rows(trainees: trainees, scores: scores)
  }

  /// Every session with its tally, folded in recording order from the decoded events that
  /// statistics count, by the same `SessionTally` steps the SQLite store uses.
  func sessionFacts() throws -> [SessionFacts] {
    let (sessionRows, eventRows) = try link.withSession { session in
      (
        try session.query(
          "SELECT id, representative, channel, customer_id, started_at, ended_at, outcome FROM session"),
        try session.query(
          """
          SELECT session_id, time, payload FROM event WHERE kind IN
            ('customerMessage', 'decision', 'suggestionsShown', 'practiceScore', 'rating', 'intentResolved')
            ORDER BY id
          """)
      )
    }
    var tallies: [String: SessionTally] = [:]
    let decoder = JSONDecoder()
    for row in eventRows {
      let (id, time, payload) = try row.decode((String, Double, String).self)
      // A payload that cannot be decoded is damaged; it cannot stop the statistics.
      guard let kind = try? EventCoding.decode(payload, using: decoder) else { continue }
      tallies[id, default: SessionTally()].add(kind, at: Date(timeIntervalSinceReferenceDate: time))
    }
    return try sessionRows.map { row in
      let (id, representative, channel, customerID, startedAt, endedAt, outcome) =
        try row.decode((String, String, String, String, Double, Double?, String?).self)
      return SessionFacts(
        id: id, representative: representative, channel: channel, customerID: customerID,
        startedAt: Date(timeIntervalSinceReferenceDate: startedAt),
        endedAt: endedAt.map(Date.init(timeIntervalSinceReferenceDate:)),
        outcome: outcome.flatMap(SessionOutcome.init(rawValue:)), tally: tallies[id] ?? SessionTally())
    }
  }

  @discardableResult
  public func closeInterruptedSessions(at time: Date) throws -> [ChatID] {
    let open = try link.withSession { session in
      try session.query(
        """
        SELECT s.id, o.host, o.pid, o.start_token FROM session s
        JOIN session_owner o ON o.session_id = s.id WHERE s.ended_at IS NULL ORDER BY s.started_at
        """
      ).map { row in
        let (id, host, pid, token) = try row.decode((String, String, Int, String).self)
        return (
          ChatID(id), ProcessIdentity(host: host, pid: Int32(truncatingIfNeeded: pid), startToken: token)
        )
      }
    }
    let orphans = open.filter { $0.1 != owner && $0.1.liveness == .gone }
    guard !orphans.isEmpty else { return [] }
    return try link.transaction { session in
      var closed: [ChatID] = []
      for (chat, process) in orphans {
        let still = try session.query(
          "SELECT 1 FROM session WHERE id = \(chat.rawValue) AND ended_at IS NULL FOR UPDATE")
        guard !still.isEmpty else { continue }
        for event in SessionEventRules.interruption(of: chat, by: process, at: time) {
          _ = try Self.append(event, owner: owner, in: session)
        }
        closed.append(chat)
      }
      return closed
    }
  }

  @discardableResult
  public func recoverUnsavedEvents(from files: [UnsavedEventsFile]) throws -> Int {
    var added = 0
    for file in files {
      added += try store(file.read())
      file.remove()
    }
    return added
  }
}
