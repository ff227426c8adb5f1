import Foundation
import ReplyDeskCore

extension SessionTally {
  /// Folds one decoded event at `time`, feeding the same steps the SQLite store feeds from its
  /// columns: a store that keeps only payloads (PostgreSQL) gets identical statistics.
  package mutating func add(_ kind: SessionEventKind, at time: Date) {
    switch kind {
    case .customerMessage:
      addCustomerMessage(at: time)
    case .decision(let decision, _):
      addDecision(
        decision.columnName, rank: decision.rank,
        generatedID: decision.suggestionID == generatedSuggestionID, at: time)
    case .suggestionsShown(let suggestions, _):
      let entries = suggestions.map { shown in
        ShownEntry(rank: shown.rank, origin: SuggestionOrigin(shown.source), suggestionID: shown.id)
      }
      if entries.contains(where: { $0.origin == .generated }) {
        addShown(entries)
      } else {
        addShownTemplates(count: entries.count)
      }
    case .practiceScore(let score):
      if score.suggestionsHidden { suggestionsHidden = true }
    case .rating(let score, _):
      rating = score
    case .intentResolved(let resolved):
      if intent == nil { intent = resolved }
    case .started, .typing, .systemNote, .qaNote, .ended:
      return
    }
  }
}

extension Decision {
  /// The id of the suggestion the reply started from, if any.
  fileprivate var suggestionID: String? {
    switch self {
    case .accepted(let id, _, _), .edited(let id, _, _, _), .autoSent(let id, _, _, _): return id
    case .written, .escalated: return nil
    }
  }
}
