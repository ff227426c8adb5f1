import Foundation
import ReplyDeskCore

/// One trainee's practice with the suggestions shown, or with them hidden, from the scorecards
/// stored with their practice chats (the two are different exercises, so they are never summed).
/// Means and the agreement rate are nil when nothing was measured.
public struct PracticeStatsRow: Codable, Sendable, Equatable {
  /// The representative who practised.
  public var trainee: String
  /// "shown" or "hidden": whether the suggestions were on screen in these chats. Chats without a
  /// scorecard count as shown.
  public var suggestions: String
  /// Practice chats the trainee took.
  public var chats: Int
  /// Of those, chats with a stored scorecard: every figure below is over these.
  public var scoredChats: Int
  /// Scored chats practised with the suggestions hidden.
  public var suggestionsHiddenChats: Int
  public var meanHandleSeconds: Double?
  public var meanFirstResponseSeconds: Double?
  /// Replies sent as a suggestion, unchanged.
  public var accepted: Int
  /// Replies sent as an edited suggestion.
  public var edited: Int
  /// Replies the trainee wrote.
  public var written: Int
  public var escalated: Int
  /// Policy slips over every scored chat.
  public var policySlips: Int
  /// The most common slips, most frequent first, at most `PracticeStatsCalculator.commonSlipLimit`.
  public var commonSlips: [SlipCount]
  /// Decisions for which the ranker had a top choice (shown, or ranked silently).
  public var rankedDecisions: Int
  /// Replies that were the ranker's top choice, unchanged.
  public var agreedWithRanker: Int
  /// `agreedWithRanker` divided by `rankedDecisions`.
  public var rankerAgreement: Double?
}

/// How often one policy rule was broken.
public struct SlipCount: Codable, Sendable, Equatable {
  /// The rule, spelt as in scenario files (`verify_identity_before: cancel`).
  public var rule: String
  public var count: Int
}

/// Sums practice scores per trainee; pure arithmetic, separate from SQL.
package enum PracticeStatsCalculator {
  static let commonSlipLimit = 3

  /// One row per trainee and suggestion mode (shown first), sorted by name, from each practice
  /// session's trainee and its score (sessions without a stored score are counted as chats only).
  package static func rows(trainees: [String: String], scores: [String: PracticeScore]) -> [PracticeStatsRow]
  {
    let groups = Dictionary(grouping: trainees.keys) { session in
      Group(trainee: trainees[session] ?? "", hidden: scores[session]?.suggestionsHidden ?? false)
    }
    return groups.keys.sorted { ($0.trainee, $0.hidden ? 1 : 0) < ($1.trainee, $1.hidden ? 1 : 0) }.map {
      group in
      let sessions = groups[group] ?? []
      return row(group, chats: sessions.count, scores: sessions.compactMap { scores[$0] })
    }
  }

  private struct Group: Hashable {
    var trainee: String
    var hidden: Bool
  }

  private static func row(_ group: Group, chats: Int, scores: [PracticeScore]) -> PracticeStatsRow {
    func total(_ figure: (PracticeScore) -> Int) -> Int { scores.reduce(0) { $0 + figure($1) } }
    let slips = scores.flatMap(\.policySlips)
    let ranked = total(\.rankedDecisions)
    let agreed = total(\.agreedWithRanker)
    return PracticeStatsRow(
      trainee: group.trainee, suggestions: group.hidden ? "hidden" : "shown", chats: chats,
      scoredChats: scores.count,
      suggestionsHiddenChats: scores.filter(\.suggestionsHidden).count,
      meanHandleSeconds: mean(scores.map(\.handleSeconds)),
      meanFirstResponseSeconds: mean(scores.compactMap(\.firstResponseSeconds)),
      accepted: total(\.accepted), edited: total(\.edited), written: total(\.written),
      escalated: total(\.escalated), policySlips: slips.count, commonSlips: commonSlips(slips),
      rankedDecisions: ranked, agreedWithRanker: agreed,
      rankerAgreement: ranked == 0 ? nil : Double(agreed) / Double(ranked))
  }

  /// The most frequent rules first; ties in the rule's alphabetical order.
  private static func commonSlips(_ slips: [String]) -> [SlipCount] {
    let counts = Dictionary(slips.map { ($0, 1) }, uniquingKeysWith: +)
    let sorted = counts.map { SlipCount(rule: $0.key, count: $0.value) }.sorted {
      ($0.count, $1.rule) > ($1.count, $0.rule)
    }
    return Array(sorted.prefix(commonSlipLimit))
  }

  private static func mean(_ values: [Double]) -> Double? {
    values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
  }
}
