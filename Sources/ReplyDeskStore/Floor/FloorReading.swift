import Foundation
import ReplyDeskCore

/// What a store offers the supervisor's floor: one small read of what is going on now, and a
/// feed that says when any process has committed new events.
public protocol FloorReading: SessionStoring {
  /// Every open session with all its events, and every session that ended at or after `since`
  /// with its events from `since` on; of each event only what the floor folds.
  func floorRecords(since: Date) throws -> FloorRecords
  /// A new feed of this store's changes, not started yet.
  func changeFeed() throws -> any StoreChangeFeed
}

/// The rows `FloorReading.floorRecords(since:)` returns.
public struct FloorRecords: Equatable, Sendable {
  public var sessions: [FloorSessionRow]
  /// Started, customer message, decision, ended and practice score events, in recording order.
  public var events: [FloorEventRow]

  public init(sessions: [FloorSessionRow], events: [FloorEventRow]) {
    self.sessions = sessions
    self.events = events
  }
}

/// A session as the floor reads it: the listing columns.
public struct FloorSessionRow: Equatable, Sendable {
  public var id: String
  public var representative: String
  public var customerName: String
  public var channel: String
  public var startedAt: Date
  public var endedAt: Date?
  public var outcome: SessionOutcome?

  public init(
    id: String, representative: String, customerName: String, channel: String, startedAt: Date,
    endedAt: Date?, outcome: SessionOutcome?
  ) {
    self.id = id
    self.representative = representative
    self.customerName = customerName
    self.channel = channel
    self.startedAt = startedAt
    self.endedAt = endedAt
    self.outcome = outcome
  }
}

/// An event as the floor reads it: the query columns both stores keep, and the payload of a
/// practice score only (whether the trainee saw suggestions).
public struct FloorEventRow: Equatable, Sendable {
  public var sessionID: String
  public var time: Date
  public var kind: String
  public var decision: String?
  public var rank: Int?
  public var payload: String?

  public init(sessionID: String, time: Date, kind: String, decision: String?, rank: Int?, payload: String?) {
    self.sessionID = sessionID
    self.time = time
    self.kind = kind
    self.decision = decision
    self.rank = rank
    self.payload = payload
  }

  /// The kinds the floor reads.
  package static let kinds = ["started", "customerMessage", "decision", "ended", "practiceScore"]
}

extension FloorReading {
  /// The floor at `now`: open chats of `channel`, escalations of the last hour and acceptance
  /// since the local midnight of `timeZone`.
  public func floorSnapshot(now: Date, timeZone: TimeZone, channel: StatsChannel) throws -> FloorSnapshot {
    let midnight = FloorFold.midnight(before: now, in: timeZone)
    let since = min(midnight, now.addingTimeInterval(-FloorSnapshot.hour))
    return FloorFold.snapshot(try floorRecords(since: since), midnight: midnight, channel: channel)
  }
}
