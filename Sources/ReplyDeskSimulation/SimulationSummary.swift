import Foundation

/// The figures of a ranker simulation: how often the top suggestion moved the chat forward, how
/// often it told the customer something untrue about its order or asked again for a detail the
/// customer gave, how many replies a resolution took, and the resolution and automation rates.
public struct SimulationSummary: Sendable, Equatable, Codable {
  public var ranker: String
  public var chats: Int
  public var recontacts: Int
  public var agentTurns: Int
  /// Replies that advanced the customer's matter or matched the ideal agent, divided by replies.
  public var forwardRate: Double?
  /// Replies the ideal agent would have chosen too, divided by replies.
  public var idealAgreementRate: Double?
  public var resolutionRate: Double?
  public var escalationRate: Double?
  public var abandonmentRate: Double?
  /// Chats resolved by suggestions alone (no escalation) whose customer did not write again within
  /// 24 hours of the chat ending, divided by chats.
  public var automationRate: Double?
  public var medianTurnsToResolution: Double?
  public var meanTurnsToResolution: Double?
  /// Replies stating a wrong order status or refund state, or answering about another of the
  /// customer's orders (see `Misinformation`).
  public var misinformationReplies: Int
  /// Misinformation replies divided by replies.
  public var misinformationRate: Double?
  /// Chats with at least one misinformation reply, divided by chats.
  public var misinformedChatRate: Double?
  /// Misinformation replies by kind: `order_status`, `refund_status`, `wrong_order`.
  public var misinformationByKind: [String: Int]
  /// Replies asking for a detail the customer had already given (order number, email, address).
  public var reAskReplies: Int
  /// Re-ask replies divided by replies.
  public var reAskRate: Double?
  /// Correct replies also sent in other words (`simulate --paraphrased`), and the share of them the
  /// customer answered as it answered the template.
  public var paraphrasedReplies: Int
  public var paraphraseUnderstoodRate: Double?

  public init(ranker: String, chats records: [SimulatedChat]) {
    self.ranker = ranker
    chats = records.count
    recontacts = records.filter(\.isRecontact).count
    agentTurns = records.reduce(0) { $0 + $1.agentTurns }
    forwardRate = Self.ratio(records.reduce(0) { $0 + $1.forwardTurns }, agentTurns)
    idealAgreementRate = Self.ratio(records.reduce(0) { $0 + $1.agreedTurns }, agentTurns)
    let resolved = records.filter { $0.outcome == .resolved }
    resolutionRate = Self.ratio(resolved.count, records.count)
    escalationRate = Self.ratio(records.filter { $0.outcome == .escalated }.count, records.count)
    abandonmentRate = Self.ratio(records.filter { $0.outcome == .abandoned }.count, records.count)
    let automated = resolved.filter { chat in
      !records.contains { other in
        other.customerID == chat.customerID && other.startedAt > chat.startedAt
          && other.startedAt.timeIntervalSince(chat.endedAt) <= RankerSimulation.recontactWindow
      }
    }
    automationRate = Self.ratio(automated.count, records.count)
    let turns = resolved.map { Double($0.agentTurns) }.sorted()
    meanTurnsToResolution = turns.isEmpty ? nil : turns.reduce(0, +) / Double(turns.count)
    medianTurnsToResolution =
      turns.isEmpty ? nil : (turns[(turns.count - 1) / 2] + turns[turns.count / 2]) / 2
    let misinformation = records.flatMap(\.misinformation)
    misinformationReplies = misinformation.count
    misinformationRate = Self.ratio(misinformation.count, agentTurns)
    misinformedChatRate = Self.ratio(records.filter { !$0.misinformation.isEmpty }.count, records.count)
    misinformationByKind = Dictionary(grouping: misinformation, by: \.kind.rawValue).mapValues(\.count)
    reAskReplies = records.reduce(0) { $0 + $1.reAsks.count }
    reAskRate = Self.ratio(reAskReplies, agentTurns)
    paraphrasedReplies = records.reduce(0) { $0 + $1.paraphrasedReplies }
    paraphraseUnderstoodRate = Self.ratio(
      records.reduce(0) { $0 + $1.paraphrasesUnderstood }, paraphrasedReplies)
  }

  private static func ratio(_ part: Int, _ whole: Int) -> Double? {
    whole > 0 ? Double(part) / Double(whole) : nil
  }

  /// A plain-text report, one figure per line.
  public var text: String {
    func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "-" }
    func number(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "-" }
    let kinds = Misinformation.Kind.allCases.map {
      "\($0.rawValue) \(misinformationByKind[$0.rawValue] ?? 0)"
    }
    .joined(separator: ", ")
    let paraphrased =
      paraphrasedReplies == 0
      ? []
      : [
        "paraphrase understood       \(percent(paraphraseUnderstoodRate)) of \(paraphrasedReplies) correct replies"
      ]
    return
      ([
        "ranker                      \(ranker)",
        "chats                       \(chats) (\(recontacts) re-contacts within 24 h)",
        "replies sent (top-1)        \(agentTurns)",
        "top-1 moved chat forward    \(percent(forwardRate))",
        "top-1 matched ideal agent   \(percent(idealAgreementRate))",
        "misinformation              \(percent(misinformationRate)) of replies (\(misinformationReplies)), "
          + "\(percent(misinformedChatRate)) of chats",
        "  by kind                   \(kinds)",
        "re-asked a given detail     \(percent(reAskRate)) of replies (\(reAskReplies))",
        "resolution rate             \(percent(resolutionRate))",
        "escalation rate             \(percent(escalationRate))",
        "abandonment rate            \(percent(abandonmentRate))",
        "automation rate             \(percent(automationRate))",
        "turns to resolution         median \(number(medianTurnsToResolution)), mean \(number(meanTurnsToResolution))",
      ] + paraphrased).joined(separator: "\n")
  }
}
