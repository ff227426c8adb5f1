import Foundation
import GRDB
import ReplyDeskCore

extension SessionStore {
  /// Practice figures per trainee, from the practice score stored with each practice chat (the
  /// latest, should a chat have several). A score that cannot be decoded counts as missing.
  public func practiceStats() throws -> [PracticeStatsRow] {
    let rows = try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT session.id, session.representative, event.payload FROM session
          LEFT JOIN event ON event.sessionID = session.id AND event.kind = 'practiceScore'
          WHERE session.channel = ? ORDER BY event.id
          """, arguments: [StatsChannel.practice.rawValue])
    }
    var trainees: [String: String] = [:]
    var scores: [String: PracticeScore] = [:]
    let decoder = JSONDecoder()
    for row in rows {
      let id: String = row[0]
      trainees[id] = row[1]
      guard let payload: String = row[2],
        case .practiceScore(let score)? = try? EventCoding.decode(payload, using: decoder)
      else { continue }
      scores[id] = score
    }
    return PracticeStatsCalculator.rows(trainees: trainees, scores: scores)
  }
}
