import ReplyDeskCore

extension PracticeScorecard {
  /// The scorecard's figures, as stored with the session for `replydesk stats --practice`.
  public func score(suggestionsHidden: Bool) -> PracticeScore {
    PracticeScore(
      scenario: scenario, suggestionsHidden: suggestionsHidden, handleSeconds: handleSeconds,
      firstResponseSeconds: firstResponseSeconds, accepted: accepted, edited: edited, written: written,
      escalated: escalated, rankedDecisions: turns.filter { $0.rankerChoice != nil }.count,
      agreedWithRanker: agreedWithRanker, policySlips: slips.map(\.rule.fileSpelling))
  }
}

extension PolicyRule {
  /// The rule as a scenario file spells it: `verify_identity_before: cancel`,
  /// `ask_anything_else_before_closing`.
  public var fileSpelling: String {
    switch self {
    case .verifyIdentityBefore(let action): return "verify_identity_before: \(action.rawValue)"
    case .askAnythingElseBeforeClosing: return "ask_anything_else_before_closing"
    }
  }
}
