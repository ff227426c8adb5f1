import Foundation
import ReplyDeskCore

/// How the chats of a simulation ended, scenario by scenario (`simulate --by-scenario`): where a
/// ranker loses customers, not only how many it loses.
public struct ScenarioOutcomes: Sendable, Equatable {
  /// One scenario's chats.
  public struct Row: Sendable, Equatable {
    public var scenario: String
    public var chats: Int
    public var resolved: Int
    public var escalated: Int
    public var abandoned: Int
    /// Replies the ideal agent would have chosen too, and replies sent.
    public var agreedReplies: Int
    public var replies: Int
  }

  /// Scenarios by name.
  public var rows: [Row]

  public init(_ records: [SimulatedChat]) {
    rows = Dictionary(grouping: records, by: \.scenario).map { scenario, chats in
      Row(
        scenario: scenario, chats: chats.count, resolved: chats.filter { $0.outcome == .resolved }.count,
        escalated: chats.filter { $0.outcome == .escalated }.count,
        abandoned: chats.filter { $0.outcome == .abandoned }.count,
        agreedReplies: chats.reduce(0) { $0 + $1.agreedTurns },
        replies: chats.reduce(0) { $0 + $1.agentTurns })
    }
    .sorted { $0.scenario < $1.scenario }
  }

  /// A plain-text table: one line per scenario, shares of its chats.
  public var text: String {
    let width = max(8, rows.map(\.scenario.count).max() ?? 0)
    func share(_ part: Int, _ whole: Int) -> String {
      whole == 0 ? "     -" : String(format: "%5.1f%%", 100 * Double(part) / Double(whole))
    }
    let header =
      "scenario".padding(toLength: width, withPad: " ", startingAt: 0)
      + "  chats  resolved  escalated  abandoned  ideal agreement"
    let lines = rows.map { row in
      row.scenario.padding(toLength: width, withPad: " ", startingAt: 0)
        + String(format: "  %5d", row.chats) + "    " + share(row.resolved, row.chats) + "     "
        + share(row.escalated, row.chats) + "     " + share(row.abandoned, row.chats) + "           "
        + share(row.agreedReplies, row.replies)
    }
    return ([header] + lines).joined(separator: "\n")
  }
}

/// One simulated chat as a line of `simulate --transcripts FILE`: what was said and how it ended,
/// for reading the chats behind a figure.
public struct SimulatedChatLine: Codable, Sendable, Equatable {
  /// One message.
  public struct Line: Codable, Sendable, Equatable {
    public var speaker: Speaker
    public var text: String
  }

  public var chat: String
  public var scenario: String
  public var persona: Persona
  public var outcome: SessionOutcome
  public var orderID: String?
  public var turns: [Line]

  public init(_ record: SimulatedChat) {
    chat = record.id.rawValue
    scenario = record.scenario
    persona = record.persona
    outcome = record.outcome
    orderID = record.orderID
    turns = record.turns.map { Line(speaker: $0.speaker, text: $0.text) }
  }

  /// The records as JSON lines, one chat per line.
  public static func jsonLines(_ records: [SimulatedChat]) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var data = Data()
    for record in records {
      data.append(try encoder.encode(SimulatedChatLine(record)))
      data.append(UInt8(ascii: "\n"))
    }
    return data
  }
}
