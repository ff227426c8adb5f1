import Foundation
import ReplyDeskCore

/// The columns one `SessionEvent` is stored as: the whole kind as JSON, plus copies of the
/// fields that listings, search and statistics query without decoding JSON.
package struct EventColumns: Equatable {
  package var kind: String
  package var decision: String?
  package var rank: Int?
  /// The turn text indexed for search: a customer message or a reply that reached the customer,
  /// with NUL characters as spaces (FTS5 would stop reading the text at the first one).
  package var text: String?
  package var payload: String

  package init(_ kind: SessionEventKind) throws {
    payload = try EventCoding.encode(kind)
    switch kind {
    case .started: self.kind = "started"
    case .customerMessage(let text):
      self.kind = "customerMessage"
      self.text = Self.searchable(text)
    case .typing: self.kind = "typing"
    case .suggestionsShown: self.kind = "suggestionsShown"
    case .decision(let decision, _):
      self.kind = "decision"
      self.decision = decision.columnName
      self.rank = decision.rank
      self.text = decision.sentText.map(Self.searchable)
    case .systemNote: self.kind = "systemNote"
    case .qaNote: self.kind = "qaNote"
    case .ended: self.kind = "ended"
    case .practiceScore: self.kind = "practiceScore"
    case .rating: self.kind = "rating"
    case .intentResolved: self.kind = "intentResolved"
    }
  }

  /// Every `kind` column value this version writes; a row of another kind was written by a newer
  /// version and is skipped by readers instead of failing them.
  package static let knownKinds: Set<String> = [
    "started", "customerMessage", "typing", "suggestionsShown", "decision", "systemNote", "qaNote", "ended",
    "practiceScore", "rating", "intentResolved",
  ]

  private static func searchable(_ text: String) -> String {
    text.replacingOccurrences(of: "\u{0}", with: " ")
  }
}

/// JSON coding of event payloads with a stable key order and exact dates.
package enum EventCoding {
  package static func encode(_ kind: SessionEventKind) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(kind), as: UTF8.self)
  }

  package static func decode(_ payload: String, using decoder: JSONDecoder = JSONDecoder()) throws
    -> SessionEventKind
  {
    try decoder.decode(SessionEventKind.self, from: Data(payload.utf8))
  }
}

extension Decision {
  /// The value of the `decision` column.
  var columnName: String {
    switch self {
    case .accepted: return "accepted"
    case .edited: return "edited"
    case .written: return "written"
    case .escalated: return "escalated"
    case .autoSent: return "autoSent"
    }
  }

  /// The 1-based rank of the suggestion the reply started from, if any.
  var rank: Int? {
    switch self {
    case .accepted(_, let rank, _), .edited(_, let rank, _, _), .autoSent(_, let rank, _, _): return rank
    case .written, .escalated: return nil
    }
  }
}
