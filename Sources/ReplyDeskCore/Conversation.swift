import Foundation

/// Who said a turn.
public enum Speaker: String, Codable, Sendable, CaseIterable {
  case customer
  case agent
  case system
}

/// One message in a conversation.
public struct Turn: Codable, Sendable, Equatable, Identifiable {
  public var id: Int
  public var speaker: Speaker
  public var text: String
  public var time: Date

  public init(id: Int, speaker: Speaker, text: String, time: Date) {
    self.id = id
    self.speaker = speaker
    self.text = text
    self.time = time
  }
}

/// How a chat ended.
public enum SessionOutcome: String, Codable, Sendable, CaseIterable {
  case resolved
  case escalated
  case abandoned
  /// The customer said hello and left while still waiting in the queue.
  case leftQueue = "left-queue"
  /// The console holding the chat died without closing it; closed by the next console to start.
  case interrupted
}

/// The lifecycle of one chat as the representative sees it.
public enum ConversationStatus: Equatable, Sendable, Codable {
  case open
  case closed(SessionOutcome)
}

/// Identifies one chat; each chat is one session in the store.
public struct ChatID: Hashable, Codable, Sendable, CustomStringConvertible {
  public var rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }
}

/// A chat with one customer: the turns so far, the customer's profile and its status.
public struct Conversation: Equatable, Sendable {
  public var id: ChatID
  public var profile: CustomerProfile
  /// What the simulator or channel says the chat is about (for example "refund_status").
  public var scenario: String
  public var turns: [Turn]
  public var status: ConversationStatus
  public var startedAt: Date

  public init(
    id: ChatID, profile: CustomerProfile, scenario: String, turns: [Turn] = [],
    status: ConversationStatus = .open, startedAt: Date
  ) {
    self.id = id
    self.profile = profile
    self.scenario = scenario
    self.turns = turns
    self.status = status
    self.startedAt = startedAt
  }

  /// Appends a turn with the next id and returns it.
  @discardableResult
  public mutating func append(_ speaker: Speaker, _ text: String, at time: Date) -> Turn {
    let turn = Turn(id: (turns.last?.id ?? 0) + 1, speaker: speaker, text: text, time: time)
    turns.append(turn)
    return turn
  }

  /// The most recent customer turn, which suggestions answer.
  public var lastCustomerTurn: Turn? { turns.last { $0.speaker == .customer } }
}
