import Foundation

/// Something a customer side did, addressed to one chat.
public enum ChannelEventKind: Sendable, Equatable {
  /// A new customer is waiting; the chat opens when the representative takes it.
  case arrived(profile: CustomerProfile, scenario: String)
  case typing
  case message(String)
  /// The customer left or the connection dropped. `settled` says whether their matter was settled,
  /// when the customer side knows (a simulator does; a socket peer saying goodbye does not).
  case left(settled: Bool? = nil)
  /// The customer rated the closed chat (1-5, see `SessionEventKind.ratingScale`), with an optional comment.
  case rated(score: Int, comment: String?)
}

/// A customer-side event for one chat.
public struct ChannelEvent: Sendable, Equatable {
  public var chat: ChatID
  public var kind: ChannelEventKind

  public init(chat: ChatID, kind: ChannelEventKind) {
    self.chat = chat
    self.kind = kind
  }
}

/// Where customers come from: the demo's simulated customers or a live socket. Used only from
/// the console's loop thread, which waits on `descriptors` and until `nextDeadline()`.
public protocol CustomerChannel: AnyObject {
  /// File descriptors the loop polls for readability (sockets); empty for a timer-only channel.
  var descriptors: [Int32] { get }
  /// The earliest time `poll` will have something to deliver without any input, if any.
  func nextDeadline() -> Date?
  /// Events that are due by `now`.
  func poll(now: Date) -> [ChannelEvent]
  /// The representative sent a reply in `chat`.
  func send(_ text: String, to chat: ChatID, now: Date)
  /// The representative is typing in `chat`.
  func agentTyping(in chat: ChatID, now: Date)
  /// The representative handed `chat` over to a specialist: the customer is told and stays connected.
  func handOver(_ chat: ChatID, now: Date)
  /// The representative closed `chat`; a resolved chat asks the customer for a rating.
  func close(_ chat: ChatID, outcome: SessionOutcome, now: Date)
  /// True once no customer will come any more and every chat is closed (a practice round's last
  /// chat); a live or demo channel never finishes.
  var isFinished: Bool { get }
}

extension CustomerChannel {
  public var isFinished: Bool { false }
}

/// What the customer is told when a representative hands the chat over.
public enum HandOverNotice {
  public static let text =
    "A specialist is taking over this chat. Please stay here: they will see everything you wrote "
    + "and reply shortly."
}
