import Foundation
import ReplyDeskCore

/// What one session contributes to the statistics, folded from its customer messages and decisions.
///
/// A *customer turn* is a maximal run of customer messages with no decision between them; the
/// decision that ends the run *answers* it. An *agent turn* is a decision that sent text
/// (accepted, edited, written or sent by autopilot); an escalation answers a customer turn but is not
/// an agent turn. An autopilot send is a suggestion sent unedited, so it also counts as accepted.
package struct SessionTally: Equatable {
  var customerTurns = 0
  var agentTurns = 0
  /// Customer turns answered by sending suggestion #1 unedited.
  var answeredByTop1 = 0
  /// Customer turns answered by sending one of suggestions #1-4 unedited.
  var answeredByTop4 = 0
  /// Agent turns that sent a suggestion unedited (any rank), by the representative or autopilot.
  var accepted = 0
  var edited = 0
  var written = 0
  /// Customer turns answered by autopilot.
  var answeredByAutopilot = 0
  /// Suggestion use by origin (template or generated).
  var sources = SourceSplit()
  var escalated = false
  /// Seconds from the first customer message to the first decision after it.
  var firstResponseSeconds: Double?
  /// A practice session whose trainee did not see the suggestions (its practice score says so):
  /// its lists were ranked silently, so they count in no suggestion figure.
  var suggestionsHidden = false
  /// The customer's satisfaction rating (1-5), the last one if several came.
  var rating: Int?
  /// The intent of the first customer turn the suggestions resolved one for.
  var intent: String?

  package init() {}

  private var awaitingAnswer = false
  private var firstCustomerMessageAt: Date?
  /// The last suggestion list shown, to tell which origin a decision's suggestion had.
  private var lastShown = LastShownList.none

  /// Folds a customer message sent at `time`.
  mutating func addCustomerMessage(at time: Date) {
    if !awaitingAnswer { customerTurns += 1 }
    awaitingAnswer = true
    if firstCustomerMessageAt == nil { firstCustomerMessageAt = time }
  }

  /// Folds a suggestion list of `count` template suggestions.
  mutating func addShownTemplates(count: Int) {
    lastShown = .templatesOnly
    if count > 0 { sources.template.shownLists += 1 }
    sources.template.shownSuggestions += count
  }

  /// Folds a suggestion list with at least one generated suggestion, entry by entry.
  mutating func addShown(_ entries: [ShownEntry]) {
    lastShown = .mixed(entries)
    for origin in Set(entries.map(\.origin)) { sources[origin].shownLists += 1 }
    for entry in entries { sources[entry.origin].shownSuggestions += 1 }
  }

  /// Folds a decision (its `decision` column, suggestion rank, and whether the suggestion's id is
  /// the generated suggestions' id) made at `time`.
  mutating func addDecision(_ decision: String, rank: Int?, generatedID: Bool = false, at time: Date) {
    if firstResponseSeconds == nil, let asked = firstCustomerMessageAt {
      firstResponseSeconds = time.timeIntervalSince(asked)
    }
    let origin = lastShown.origin(generatedID: generatedID, rank: rank)
    switch decision {
    case "accepted", "autoSent":
      agentTurns += 1
      accepted += 1
      sources[origin].accepted += 1
      if awaitingAnswer, let rank {
        if rank == 1 { answeredByTop1 += 1 }
        if (1...4).contains(rank) { answeredByTop4 += 1 }
      }
      if decision == "autoSent" {
        sources[origin].autoSent += 1
        if awaitingAnswer { answeredByAutopilot += 1 }
      }
    case "edited":
      agentTurns += 1
      edited += 1
      sources[origin].edited += 1
    case "written":
      agentTurns += 1
      written += 1
    default:
      escalated = true
    }
    awaitingAnswer = false
  }
}

/// A session's listing facts with its tally: the unit the statistics aggregate.
package struct SessionFacts {
  package var id: String
  package var representative: String
  package var channel: String
  package var customerID: String
  package var startedAt: Date
  package var endedAt: Date?
  package var outcome: SessionOutcome?
  package var tally: SessionTally

  package init(
    id: String, representative: String, channel: String, customerID: String, startedAt: Date,
    endedAt: Date?, outcome: SessionOutcome?, tally: SessionTally
  ) {
    self.id = id
    self.representative = representative
    self.channel = channel
    self.customerID = customerID
    self.startedAt = startedAt
    self.endedAt = endedAt
    self.outcome = outcome
    self.tally = tally
  }

  var wasEscalated: Bool { tally.escalated || outcome == .escalated }

  /// Settled with no human taking over: resolved, never escalated, and every agent turn an
  /// unedited suggestion (at least one). Recontact is checked separately.
  var settledBySuggestionsAlone: Bool {
    outcome == .resolved && !wasEscalated && tally.agentTurns > 0 && tally.accepted == tally.agentTurns
  }
}
