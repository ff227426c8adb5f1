import Foundation

/// How a recorder's local outbox stands: events committed on this machine while the store was
/// away and not yet saved in the store, why the store is away, and how many queued events have
/// been saved since the outbox was last empty.
public struct OutboxStatus: Equatable, Sendable {
  /// Events in the outbox, waiting for the store.
  public var queued: Int
  /// Why the store took none of them yet (a sentence without a final full stop); nil while it does.
  public var reason: String?
  /// Queued events the store has taken since the outbox was last empty.
  public var saved: Int
  /// Queued events the store refused outright (kept in the outbox file's `refused` table).
  public var refused: Int
  /// The outbox file, for messages that point at it.
  public var path: String

  public init(queued: Int, reason: String? = nil, saved: Int = 0, refused: Int = 0, path: String) {
    self.queued = queued
    self.reason = reason
    self.saved = saved
    self.refused = refused
    self.path = path
  }
}

/// A recorder that, while its store is unreachable, commits events to a local outbox instead and
/// saves them in the store, in order, once it is back. `record` still returns only once the
/// events are durable (in the store, or in the outbox).
public protocol QueueingRecorder: SessionRecorder {
  /// The outbox as it stands now; cheap (no I/O), so the console asks on every loop.
  var outboxStatus: OutboxStatus { get }
}
