import Foundation
import ReplyDeskCore

/// Rebuilds the conversation as it stood at the current replay step, so the live console's
/// conversation pane can draw it.
enum ReplayConversation {
  /// The chat up to and including the current step, as the live console would have held it.
  static func chat(_ session: ReplaySession) -> ActiveChat {
    let steps = session.stepsSoFar
    let started = startedEvent(session)
    let profile = started?.customer ?? CustomerProfile(id: "", firstName: "", lastName: "")
    let start = started?.time ?? steps.first?.event.time ?? Date(timeIntervalSince1970: 0)
    var chat = ActiveChat(
      conversation: Conversation(id: session.chat, profile: profile, scenario: "", startedAt: start))
    for step in steps {
      guard let (speaker, text) = turn(for: step.event.kind) else { continue }
      appendTurn(&chat, speaker, text, at: step.event.time)
      if case .ended(let outcome) = step.event.kind { chat.conversation.status = .closed(outcome) }
    }
    return chat
  }

  /// Who took the chat, the customer, and when, from the session's `started` event.
  static func startedEvent(_ session: ReplaySession) -> (
    representative: String, customer: CustomerProfile, time: Date
  )? {
    for event in session.events {
      if case .started(let representative, let customer, _) = event.kind {
        return (representative, customer, event.time)
      }
    }
    return nil
  }

  /// The conversation turn an event shows as, if any.
  static func turn(for kind: SessionEventKind) -> (Speaker, String)? {
    switch kind {
    case .started(let representative, _, let channel):
      return (.system, "Chat taken by \(representative) (\(channel))")
    case .customerMessage(let text): return (.customer, text)
    case .decision(let decision, _):
      if case .escalated(let reason, let note) = decision {
        return (.system, note.isEmpty ? "Escalated: \(reason)" : "Escalated: \(reason) — \(note)")
      }
      return decision.sentText.map { (.agent, $0) }
    case .systemNote(let text): return (.system, text)
    case .qaNote(let text, let rating): return (.system, "QA note\(stars(rating)): \(text)")
    case .ended(let outcome): return (.system, "Chat ended (\(outcome.rawValue))")
    case .rating(let score, let comment):
      return (
        .system, "Customer rated the chat \(score)/5\(stars(score))" + (comment.map { ": \($0)" } ?? "")
      )
    case .typing, .suggestionsShown, .practiceScore, .intentResolved: return nil
    }
  }

  /// " ★★★☆☆" for a rating of 3, nothing without a rating.
  static func stars(_ rating: Int?) -> String {
    guard let rating else { return "" }
    let filled = min(max(rating, 0), 5)
    return " " + String(repeating: "★", count: filled) + String(repeating: "☆", count: 5 - filled)
  }
}
