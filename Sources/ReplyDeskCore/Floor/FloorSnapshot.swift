import Foundation

/// What the supervisor's floor shows at one moment: every open chat (and whether its customer
/// waits for a reply), when chats were escalated lately, and today's acceptance. Plain data, folded
/// from a store's events; wait times and the last hour are worked out from the time it is drawn.
public struct FloorSnapshot: Equatable, Sendable {
  /// One open chat on the floor.
  public struct Chat: Equatable, Sendable {
    public var id: ChatID
    public var representative: String
    public var customerName: String
    /// The channel the chat was recorded on (such as "live" or "demo").
    public var channel: String
    public var startedAt: Date
    /// The time of the first customer message no decision has answered yet; nil when the
    /// representative spoke last (or the customer has not written).
    public var waitingSince: Date?

    public init(
      id: ChatID, representative: String, customerName: String, channel: String, startedAt: Date,
      waitingSince: Date?
    ) {
      self.id = id
      self.representative = representative
      self.customerName = customerName
      self.channel = channel
      self.startedAt = startedAt
      self.waitingSince = waitingSince
    }

    /// Seconds the customer has waited for a reply at `now`, nil when not waiting.
    public func wait(at now: Date) -> TimeInterval? {
      waitingSince.map { max(now.timeIntervalSince($0), 0) }
    }
  }

  /// Open chats, by representative then by start.
  public var chats: [Chat]
  /// When each session escalated since the read's window began (one time per session).
  public var escalations: [Date]
  /// Today's acceptance, as `stats` defines it, over the customer turns answered since midnight.
  public var acceptance: Acceptance

  /// Top-1 and top-4 acceptance over the customer turns of one day.
  public struct Acceptance: Equatable, Sendable {
    public var customerTurns: Int
    public var top1: Double?
    public var top4: Double?

    public init(customerTurns: Int = 0, top1: Double? = nil, top4: Double? = nil) {
      self.customerTurns = customerTurns
      self.top1 = top1
      self.top4 = top4
    }
  }

  public init(chats: [Chat] = [], escalations: [Date] = [], acceptance: Acceptance = Acceptance()) {
    self.chats = chats
    self.escalations = escalations
    self.acceptance = acceptance
  }

  /// The chats whose customer waits for a reply, the longest wait first. The store learns of a
  /// chat only when a representative takes it, so this is the floor's waiting queue.
  public func waiting(at now: Date) -> [Chat] {
    chats.filter { $0.waitingSince != nil }.sorted {
      ($0.waitingSince ?? now, $0.id.rawValue) < ($1.waitingSince ?? now, $1.id.rawValue)
    }
  }

  /// The longest wait at `now`, nil when no customer waits.
  public func longestWait(at now: Date) -> TimeInterval? {
    waiting(at: now).first?.wait(at: now)
  }

  /// Sessions escalated in the hour before `now`.
  public func escalationsInLastHour(at now: Date) -> Int {
    escalations.count { $0 > now.addingTimeInterval(-Self.hour) && $0 <= now }
  }

  /// The representatives with open chats, by name.
  public var representatives: [String] {
    Array(Set(chats.map(\.representative))).sorted()
  }

  /// One hour, the window of `escalationsInLastHour`.
  public static let hour: TimeInterval = 60 * 60
}
