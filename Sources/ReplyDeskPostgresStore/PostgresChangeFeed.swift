import Foundation
import PostgresNIO
import ReplyDeskCore
import ReplyDeskStore
import Synchronization

/// The team store's change feed: LISTEN on `replydesk_event` over a connection of its own, so
/// the server tells the floor of every committed event at once instead of being polled.
final class PostgresChangeFeed: StoreChangeFeed {
  private let link: PostgresLink
  private let listening = Mutex<PostgresListenContext?>(nil)
  private let stopped = StopFlag()

  init(link: PostgresLink) {
    self.link = link
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
  }

  func stop() {
    stopped.set(true)
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
