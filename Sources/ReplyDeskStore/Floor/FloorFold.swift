import Foundation
import ReplyDeskCore

/// Folds the floor's rows into a `FloorSnapshot`, the same way for every store. Acceptance is
/// `stats`' top-1 and top-4 acceptance (`SessionTally`, `StatsCalculator`) over today's events.
package enum FloorFold {
  package static func snapshot(_ records: FloorRecords, midnight: Date, channel: StatsChannel)
    -> FloorSnapshot
  {
    let sessions = records.sessions.filter { channel.includes($0.channel) }
    let wanted = Set(sessions.map(\.id))
    var waiting: [String: Date] = [:]
    var escalated: [String: Date] = [:]
    var tallies: [String: SessionTally] = [:]
    let decoder = JSONDecoder()
    for event in records.events where wanted.contains(event.sessionID) {
      let id = event.sessionID
      switch event.kind {
      case "customerMessage":
        if waiting[id] == nil { waiting[id] = event.time }
        if event.time >= midnight { tallies[id, default: SessionTally()].addCustomerMessage(at: event.time) }
      case "decision":
        waiting[id] = nil
        if event.decision == "escalated", escalated[id] == nil { escalated[id] = event.time }
        if event.time >= midnight {
          tallies[id, default: SessionTally()].addDecision(
            event.decision ?? "", rank: event.rank, at: event.time)
        }
      case "ended":
        waiting[id] = nil
      case "practiceScore":
        guard let payload = event.payload,
          case .practiceScore(let score)? = try? EventCoding.decode(payload, using: decoder),
          score.suggestionsHidden
        else { continue }
        tallies[id, default: SessionTally()].suggestionsHidden = true
      default:
        continue
      }
    }
    for session in sessions where session.outcome == .escalated && escalated[session.id] == nil {
      if let end = session.endedAt { escalated[session.id] = end }
    }
    return FloorSnapshot(
      chats: openChats(sessions, waiting: waiting), escalations: escalated.values.sorted(),
      acceptance: acceptance(sessions, tallies: tallies))
  }

  /// The open sessions as floor chats, by representative then start.
  private static func openChats(_ sessions: [FloorSessionRow], waiting: [String: Date]) -> [FloorSnapshot
    .Chat]
  {
    sessions.filter { $0.endedAt == nil }
      .sorted { ($0.representative, $0.startedAt, $0.id) < ($1.representative, $1.startedAt, $1.id) }
      .map { session in
        FloorSnapshot.Chat(
          id: ChatID(session.id), representative: session.representative, customerName: session.customerName,
          channel: session.channel, startedAt: session.startedAt, waitingSince: waiting[session.id])
      }
  }

  /// `stats`' acceptance over the sessions' tallies of today's events.
  private static func acceptance(_ sessions: [FloorSessionRow], tallies: [String: SessionTally])
    -> FloorSnapshot.Acceptance
  {
    let facts = sessions.compactMap { session -> SessionFacts? in
      guard let tally = tallies[session.id] else { return nil }
      return SessionFacts(
        id: session.id, representative: session.representative, channel: session.channel, customerID: "",
        startedAt: session.startedAt, endedAt: session.endedAt, outcome: session.outcome, tally: tally)
    }
    guard let row = StatsCalculator.rows(for: facts, by: .all).first else { return .init() }
    return .init(customerTurns: row.customerTurns, top1: row.top1AcceptanceRate, top4: row.top4AcceptanceRate)
  }

  /// The start of the day that holds `now` in `zone`.
  package static func midnight(before now: Date, in zone: TimeZone) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    return calendar.startOfDay(for: now)
  }
}
