import Foundation
import PostgresNIO
import ReplyDeskCore
import ReplyDeskStore
import Synchronization

/// The team store's change feed, over a connection of its own. It LISTENs on `replydesk_event`,
/// which the server notifies at once of a session's start and end and of an escalation, and
/// every `pollSeconds` it reads the server's transaction snapshot, which changes whenever a
/// transaction that wrote anything commits, for the other events (messages, decisions). Only
/// those few kinds notify because a commit that notifies holds the server's notification lock,
/// so notifying every event made commits across all consoles take turns.
final class PostgresChangeFeed: StoreChangeFeed {
  /// How often the snapshot is read: another console's message reaches the floor within this.
  static let pollSeconds: TimeInterval = 0.25
  private let link: PostgresLink
  private let listening = Mutex<PostgresListenContext?>(nil)
  private let polling: PollingChangeFeed<String>
  private let stopped = StopFlag()

  init(link: PostgresLink) {
    self.link = link
    polling = PollingChangeFeed(interval: Self.pollSeconds) {
      // `xmin:xmax:running xids`: a commit removes its xid from the running ones or, for a
      // transaction that began after the last read, moves xmax, even when it commits late.
      try link.withSession { session in
        try session.query("SELECT pg_current_snapshot()::text").first?.decode(String.self) ?? ""
      }
    }
  }

  deinit { stop() }

  func start(changed: @escaping @Sendable () -> Void, failed: @escaping @Sendable (String) -> Void) throws {
    stopped.set(false)
    let stopped = stopped
    let context = try link.withSession { session in
      let context = session.connection.addListener(channel: PostgresSchema.eventChannel) { _, _ in
        if !stopped.isSet { changed() }
      }
      // The connection sends LISTEN before this query, so once it answers the server listens.
      try session.query("SELECT 1")
      session.connection.closeFuture.whenComplete { _ in
        if !stopped.isSet { failed("the connection that listens for new events closed") }
      }
      return context
    }
    listening.withLock { old in
      old?.stop()
      old = context
    }
    try polling.start(changed: changed, failed: failed)
  }

  func stop() {
    stopped.set(true)
    polling.stop()
    listening.withLock { context in
      context?.stop()
      context = nil
    }
  }
}

/// Whether the feed was stopped, read from the connection's event loop.
private final class StopFlag: Sendable {
  private let flag = Atomic<Bool>(false)

  var isSet: Bool { flag.load(ordering: .relaxed) }

  func set(_ value: Bool) { flag.store(value, ordering: .relaxed) }
}

extension PostgresLink {
  /// A second link to the same server as the same login, with a connection of its own.
  convenience init(sameServerAs other: PostgresLink) {
    self.init(address: other.address, configuration: other.configuration)
  }
}
