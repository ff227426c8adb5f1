import Foundation
import ReplyDeskCore

/// How `stats` splits sessions into rows.
public enum StatsGrouping: String, Sendable, CaseIterable, Codable {
  /// One row for every session.
  case all
  /// One row per representative.
  case rep
  /// One row per UTC calendar day the session started on.
  case day
  /// One row per intent: the intent the suggestions resolved for the session's first customer turn
  /// that had one (`intentResolved` events), "unknown" for a session with none.
  case intent
}

/// How much the suggestions helped, over one group of sessions. A rate is nil when its
/// denominator is zero; a mean is nil when nothing was measured.
public struct StatsRow: Codable, Sendable, Equatable {
  /// The group's key: "all", a representative, a `yyyy-MM-dd` day or an intent.
  public var group: String
  public var sessions: Int
  /// Customer turns: maximal runs of customer messages with no decision between them.
  public var customerTurns: Int
  /// Agent turns: decisions that sent text to the customer (accepted, edited, written or auto-sent).
  public var agentTurns: Int
  /// Customer turns answered by sending suggestion #1 unedited (by the representative or by
  /// autopilot), divided by customer turns.
  public var top1AcceptanceRate: Double?
  /// Customer turns answered by sending one of suggestions #1-4 unedited, divided by customer turns.
  public var top4AcceptanceRate: Double?
  /// Agent turns that sent an edited suggestion, divided by agent turns.
  public var editRate: Double?
  /// Agent turns built from a suggestion (accepted, auto-sent or edited), divided by agent turns.
  public var coverage: Double?
  /// Sessions with an escalation decision or an escalated outcome, divided by sessions.
  public var escalationRate: Double?
  /// Mean seconds from a session's first customer message to the first decision after it.
  public var meanFirstResponseSeconds: Double?
  /// Mean seconds from start to end, over ended sessions.
  public var meanHandleSeconds: Double?
  /// Automation rate as Amazon defines it, applied to whole sessions: the share of ended sessions
  /// that were resolved without a human taking over (every agent turn an unedited suggestion sent
  /// by the representative or by autopilot, at least one, no escalation) and with no new session
  /// from the same customer starting within 24 hours after the session ended.
  public var automationRate: Double?
  /// Customer turns autopilot answered, divided by customer turns.
  public var autoSentRate: Double?
  /// Suggestion use by origin: how often templates and generated replies were shown, accepted
  /// (auto-sent included) and edited.
  public var sources: SourceSplit
  /// Practice sessions whose trainee did not see the suggestions. They count in `sessions`, the
  /// turn counts, escalation and times, but never in the suggestion figures (top-1, top-4, edit,
  /// coverage, automation, auto-sent, use by source): their lists were ranked, not shown.
  public var suggestionsHiddenSessions: Int
  /// Sessions the customer rated (CSAT, 1-5, asked when a live chat closes as resolved).
  public var ratedSessions: Int
  /// The mean customer rating over rated sessions (CSAT).
  public var meanRating: Double?
  /// Rated sessions with a rating of 4 or 5, divided by rated sessions (the CSAT score as a share).
  public var satisfiedRate: Double?
}

/// Aggregates session facts into rows; pure arithmetic, separate from SQL.
package enum StatsCalculator {
  static let recontactWindow: TimeInterval = 24 * 60 * 60

  package static func rows(for sessions: [SessionFacts], by grouping: StatsGrouping) -> [StatsRow] {
    let automated = automatedSessionIDs(sessions)
    let groups = Dictionary(grouping: sessions) { groupKey(of: $0, by: grouping) }
    return groups.keys.sorted().map { key in
      row(group: key, sessions: groups[key] ?? [], automated: automated)
    }
  }

  private static func row(group: String, sessions: [SessionFacts], automated: Set<String>) -> StatsRow {
    let tallies = sessions.map(\.tally)
    let ended = sessions.filter { $0.endedAt != nil }
    let handleTimes = ended.compactMap { session in session.endedAt?.timeIntervalSince(session.startedAt) }
    // Suggestion figures count only sessions whose suggestions were shown.
    let shown = tallies.filter { !$0.suggestionsHidden }
    let shownCustomerTurns = shown.reduce(0) { $0 + $1.customerTurns }
    let shownAgentTurns = shown.reduce(0) { $0 + $1.agentTurns }
    let shownEnded = ended.filter { !$0.tally.suggestionsHidden }
    let ratings = tallies.compactMap(\.rating)
    return StatsRow(
      group: group, sessions: sessions.count, customerTurns: tallies.reduce(0) { $0 + $1.customerTurns },
      agentTurns: tallies.reduce(0) { $0 + $1.agentTurns },
      top1AcceptanceRate: ratio(shown.reduce(0) { $0 + $1.answeredByTop1 }, shownCustomerTurns),
      top4AcceptanceRate: ratio(shown.reduce(0) { $0 + $1.answeredByTop4 }, shownCustomerTurns),
      editRate: ratio(shown.reduce(0) { $0 + $1.edited }, shownAgentTurns),
      coverage: ratio(shown.reduce(0) { $0 + $1.accepted + $1.edited }, shownAgentTurns),
      escalationRate: ratio(sessions.filter(\.wasEscalated).count, sessions.count),
      meanFirstResponseSeconds: mean(tallies.compactMap(\.firstResponseSeconds)),
      meanHandleSeconds: mean(handleTimes),
      automationRate: ratio(shownEnded.filter { automated.contains($0.id) }.count, shownEnded.count),
      autoSentRate: ratio(shown.reduce(0) { $0 + $1.answeredByAutopilot }, shownCustomerTurns),
      sources: SourceSplit(summing: shown.map(\.sources)),
      suggestionsHiddenSessions: tallies.count - shown.count, ratedSessions: ratings.count,
      meanRating: mean(ratings.map(Double.init)),
      satisfiedRate: ratio(ratings.count { $0 >= 4 }, ratings.count))
  }

  /// Ended sessions settled by suggestions alone whose customer did not come back within 24 hours.
  static func automatedSessionIDs(_ sessions: [SessionFacts]) -> Set<String> {
    var automated = Set<String>()
    let byCustomer = Dictionary(grouping: sessions, by: \.customerID)
    for customerSessions in byCustomer.values {
      let starts = customerSessions.map(\.startedAt).sorted()
      for session in customerSessions where session.settledBySuggestionsAlone {
        guard let end = session.endedAt else { continue }
        let recontacted = starts.contains { start in
          start > session.startedAt && start.timeIntervalSince(end) <= recontactWindow
        }
        if !recontacted { automated.insert(session.id) }
      }
    }
    return automated
  }

  private static func groupKey(of session: SessionFacts, by grouping: StatsGrouping) -> String {
    switch grouping {
    case .all: return "all"
    case .rep: return session.representative
    case .intent: return session.tally.intent ?? "unknown"
    case .day: return utcDay(session.startedAt)
    }
  }

  static func utcDay(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
  }

  private static func ratio(_ part: Int, _ whole: Int) -> Double? {
    whole == 0 ? nil : Double(part) / Double(whole)
  }

  private static func mean(_ values: [Double]) -> Double? {
    values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
  }
}
