import Foundation

/// What the representative saw and did at one agent turn, for the replay pane.
public struct AgentTurnReplay: Sendable, Equatable {
  /// The suggestions exactly as they were last shown before the decision (empty if none were).
  public var shown: [ShownSuggestion]
  /// The ranker that produced `shown`.
  public var ranker: String?
  public var decision: Decision
  /// The rank of the suggestion the reply started from (accepted or edited), if any.
  public var chosenRank: Int?
  /// How the suggestion was changed, for an edited reply.
  public var edit: WordDiff?
  /// Seconds from the customer turn being shown to the decision.
  public var responseSeconds: Double

  public init(shown: [ShownSuggestion], ranker: String?, decision: Decision, responseSeconds: Double) {
    self.shown = shown
    self.ranker = ranker
    self.decision = decision
    self.responseSeconds = responseSeconds
    switch decision {
    case .accepted(_, let rank, _):
      chosenRank = rank
    case .edited(_, let rank, let original, let final):
      chosenRank = rank
      edit = WordDiff(from: original, to: final)
    case .written, .escalated:
      chosenRank = nil
    }
  }

  /// The suggestion that was chosen, as it was shown.
  public var chosen: ShownSuggestion? { shown.first { $0.rank == chosenRank } }

  public var isEscalation: Bool {
    if case .escalated = decision { return true }
    return false
  }

  public var isEdit: Bool {
    if case .edited = decision { return true }
    return false
  }
}

/// One stop of a replay: an event, the real time since the previous stop, and at agent turns
/// what was shown and chosen.
public struct ReplayStep: Sendable, Equatable {
  public var event: SessionEvent
  /// Seconds between the previous step's event and this one (zero for the first step).
  public var gapBefore: TimeInterval
  /// Set when the step is a decision.
  public var agentTurn: AgentTurnReplay?

  public init(event: SessionEvent, gapBefore: TimeInterval, agentTurn: AgentTurnReplay? = nil) {
    self.event = event
    self.gapBefore = gapBefore
    self.agentTurn = agentTurn
  }
}

/// How finely a replay steps through a session.
public enum ReplayGranularity: Sendable, Equatable {
  /// A step per recorded event, typing and suggestion lists included.
  case event
  /// A step per turn: messages, decisions, notes, start and end (typing and suggestion lists
  /// are folded into the decision that follows them).
  case turn
}
