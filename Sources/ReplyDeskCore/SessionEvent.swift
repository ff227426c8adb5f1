import Foundation

/// A suggestion exactly as it was shown, for replay and metrics.
public struct ShownSuggestion: Codable, Sendable, Equatable {
  public var rank: Int
  public var id: String
  public var source: SuggestionSource
  public var text: String
  public var score: Double

  public init(rank: Int, suggestion: Suggestion) {
    self.rank = rank
    self.id = suggestion.id
    self.source = suggestion.source
    self.text = suggestion.text
    self.score = suggestion.score
  }
}

/// What the representative did with a customer turn.
public enum Decision: Codable, Sendable, Equatable {
  /// Sent suggestion `rank` (1-based) unchanged.
  case accepted(suggestionID: String, rank: Int, text: String)
  /// Loaded suggestion `rank` into the composer, changed it and sent the result.
  case edited(suggestionID: String, rank: Int, original: String, final: String)
  /// Wrote a reply without starting from a suggestion.
  case written(text: String)
  case escalated(reason: String, note: String)
  /// Autopilot sent suggestion `rank` unchanged because its calibrated `confidence` met the threshold.
  case autoSent(suggestionID: String, rank: Int, text: String, confidence: Double)

  /// The text that reached the customer, if any.
  public var sentText: String? {
    switch self {
    case .accepted(_, _, let text): return text
    case .edited(_, _, _, let final): return final
    case .written(let text): return text
    case .escalated: return nil
    case .autoSent(_, _, let text, _): return text
    }
  }
}

/// One entry of a session's append-only event log.
public enum SessionEventKind: Codable, Sendable, Equatable {
  case started(representative: String, customer: CustomerProfile, channel: String)
  case customerMessage(text: String)
  case typing(speaker: Speaker)
  case suggestionsShown(suggestions: [ShownSuggestion], ranker: String)
  /// `responseSeconds` runs from the customer turn being shown to the decision.
  case decision(decision: Decision, responseSeconds: Double)
  case systemNote(text: String)
  case qaNote(text: String, rating: Int?)
  case ended(outcome: SessionOutcome)
  /// A practice chat's scorecard, recorded once the trainee has finished.
  case practiceScore(score: PracticeScore)
  /// The customer's satisfaction rating (1-5) of a closed chat, with an optional comment; it may
  /// arrive after the chat ended.
  case rating(score: Int, comment: String?)
  /// The intent the suggestions resolved a customer turn to (such as "refund_status"), recorded with
  /// the turn's first list; `stats --by intent` groups a session by its first.
  case intentResolved(intent: String)

  /// The ratings a customer may give: 1 (poor) to 5 (excellent).
  public static let ratingScale = 1...5
}

/// A timestamped event of one chat.
public struct SessionEvent: Codable, Sendable, Equatable {
  public var chat: ChatID
  public var time: Date
  public var kind: SessionEventKind

  public init(chat: ChatID, time: Date, kind: SessionEventKind) {
    self.chat = chat
    self.time = time
    self.kind = kind
  }
}

/// Where the console writes every event. `record` returns only once the event is durable,
/// and throws (disk full, read-only file) so the console can keep an unsent reply.
public protocol SessionRecorder: AnyObject {
  func record(_ event: SessionEvent) throws
}

/// A recorder that keeps events in memory, for tests and for running without a store.
public final class InMemorySessionRecorder: SessionRecorder {
  public private(set) var events: [SessionEvent] = []

  public init() {}

  public func record(_ event: SessionEvent) throws {
    events.append(event)
  }
}
