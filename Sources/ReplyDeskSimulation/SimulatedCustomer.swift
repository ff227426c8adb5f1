import Foundation
import ReplyDeskCore

/// One thing a simulated customer says, with the intent it expresses.
public struct CustomerUtterance: Sendable, Equatable {
  public var text: String
  /// The customer's intent, in the vocabulary of the templates' `intents` (for example "refund_when").
  public var intent: String
  /// The customer leaves after this message.
  public var endsChat: Bool

  public init(text: String, intent: String, endsChat: Bool = false) {
    self.text = text
    self.intent = intent
    self.endsChat = endsChat
  }
}

/// A simulated customer the demo channel and the transcript generator can talk to. The scripted
/// customer implements it with keyword matching; a richer simulator can replace it.
public protocol SimulatedCustomer: Sendable {
  var profile: CustomerProfile { get }
  var scenario: Scenario { get }
  /// True once the customer has left.
  var hasLeft: Bool { get }
  /// How the chat ends if it ends now.
  var outcome: SessionOutcome { get }
  /// The first message of the chat.
  mutating func opening() -> CustomerUtterance
  /// The reply to a representative's message, or nil when the customer just waits for more.
  mutating func respond(to agentText: String) -> CustomerUtterance?
  /// What the customer says after waiting too long for an answer (leaving after a few nudges).
  mutating func nudge() -> CustomerUtterance
  /// The satisfaction rating (1-5) the customer gives once the chat is closed as resolved, knowing
  /// whether it was handed over and how long it took (in seconds at speed 1).
  func rating(handedOver: Bool, handleSeconds: TimeInterval) -> Int
}

/// Milestones of a simulated customer's matter; a reply that reaches a new one moves the chat forward.
public struct CustomerProgress: Sendable, Equatable {
  public var issueStated: Bool
  public var identified: Bool
  public var settled: Bool
  /// Follow-up questions asked so far, each after the previous answer satisfied the customer.
  public var followUpsAnswered: Int
  public var leftSettled: Bool

  /// Whether this progress is past `earlier` on any milestone.
  public func isAhead(of earlier: CustomerProgress) -> Bool {
    (issueStated && !earlier.issueStated) || (identified && !earlier.identified)
      || (settled && !earlier.settled) || followUpsAnswered > earlier.followUpsAnswered
      || (leftSettled && !earlier.leftSettled)
  }
}
