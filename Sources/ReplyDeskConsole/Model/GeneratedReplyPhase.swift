import ReplyDeskCore

/// Where a chat's generated reply stands: the generator is asked once per customer turn, after that
/// turn's ranked list, and its reply is shown under the list while that turn is the latest.
enum GeneratedReplyPhase: Equatable, Sendable {
  /// Not asked in this chat yet.
  case none
  /// Asked for this customer turn; no reply is shown (none came yet, or it was forgotten).
  case requested(forTurn: Int)
  /// This reply, written for this customer turn, is shown after the ranked suggestions.
  case shown(Suggestion, forTurn: Int)

  /// The turn the generator was last asked for, so each turn asks once.
  var turn: Int? {
    switch self {
    case .none: nil
    case .requested(let turn), .shown(_, let turn): turn
    }
  }

  /// The reply on show, if any.
  var suggestion: Suggestion? {
    if case .shown(let suggestion, _) = self { suggestion } else { nil }
  }

  /// The reply on show is taken away; the turn it was asked for stays asked.
  mutating func forgetShown() {
    if case .shown(_, let turn) = self { self = .requested(forTurn: turn) }
  }
}
