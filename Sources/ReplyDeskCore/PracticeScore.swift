import Foundation

/// A practice chat's scorecard in figures, stored with the session so statistics can report
/// per trainee without the scenario files: times, how replies were made, policy slips and
/// agreement with the ranker's top choice.
public struct PracticeScore: Codable, Sendable, Equatable {
  /// The scenario's name.
  public var scenario: String
  /// The trainee practised without seeing suggestions (the ranker ranked silently).
  public var suggestionsHidden: Bool
  /// Seconds from the chat opening to its end (or its last event when it never ended).
  public var handleSeconds: Double
  /// Seconds from the first customer message to the trainee's first decision.
  public var firstResponseSeconds: Double?
  public var accepted: Int
  public var edited: Int
  public var written: Int
  public var escalated: Int
  /// Decisions for which the ranker had a top choice (shown, or ranked silently).
  public var rankedDecisions: Int
  /// Of those, replies that were the ranker's top suggestion, unchanged.
  public var agreedWithRanker: Int
  /// One entry per slip: the rule broken, spelt as in scenario files
  /// (`verify_identity_before: cancel`, `ask_anything_else_before_closing`).
  public var policySlips: [String]

  public init(
    scenario: String, suggestionsHidden: Bool, handleSeconds: Double, firstResponseSeconds: Double?,
    accepted: Int, edited: Int, written: Int, escalated: Int, rankedDecisions: Int, agreedWithRanker: Int,
    policySlips: [String]
  ) {
    self.scenario = scenario
    self.suggestionsHidden = suggestionsHidden
    self.handleSeconds = handleSeconds
    self.firstResponseSeconds = firstResponseSeconds
    self.accepted = accepted
    self.edited = edited
    self.written = written
    self.escalated = escalated
    self.rankedDecisions = rankedDecisions
    self.agreedWithRanker = agreedWithRanker
    self.policySlips = policySlips
  }
}
