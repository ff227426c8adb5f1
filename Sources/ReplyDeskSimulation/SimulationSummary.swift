import Foundation

/// The figures of a ranker simulation: how often the top suggestion moved the chat forward, how many
/// replies a resolution took, and the resolution and automation rates.
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
  }

  private static func ratio(_ part: Int, _ whole: Int) -> Double? {
    whole > 0 ? Double(part) / Double(whole) : nil
  }

  /// A plain-text report, one figure per line.
  public var text: String {
    func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "-" }
    func number(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "-" }
    return [
      "ranker                      \(ranker)",
      "chats                       \(chats) (\(recontacts) re-contacts within 24 h)",
      "replies sent (top-1)        \(agentTurns)",
      "top-1 moved chat forward    \(percent(forwardRate))",
      "top-1 matched ideal agent   \(percent(idealAgreementRate))",
      "resolution rate             \(percent(resolutionRate))",
      "escalation rate             \(percent(escalationRate))",
      "abandonment rate            \(percent(abandonmentRate))",
      "automation rate             \(percent(automationRate))",
      "turns to resolution         median \(number(medianTurnsToResolution)), mean \(number(meanTurnsToResolution))",
    ].joined(separator: "\n")
  }
}
