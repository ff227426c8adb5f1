import Foundation
import ReplyDeskCore

/// A feed that asks the store for a cheap change marker (the SQLite store's newest event row id,
/// the PostgreSQL server's transaction snapshot) every `interval` seconds, on its own queue, and
/// reports each new value. `lock` guards `source`, hence the unchecked sendability.
package final class PollingChangeFeed<Marker: Equatable & Sendable>: StoreChangeFeed, @unchecked Sendable {
  private let interval: TimeInterval
  private let marker: @Sendable () throws -> Marker
  private let queue = DispatchQueue(label: "replydesk.store-change-feed")
  private let lock = NSLock()
  private var source: (any DispatchSourceTimer)?

  package init(interval: TimeInterval, marker: @escaping @Sendable () throws -> Marker) {
    self.interval = interval
    self.marker = marker
  }

  deinit { stop() }

  package func start(changed: @escaping @Sendable () -> Void, failed: @escaping @Sendable (String) -> Void)
    throws
  {
    let last = LastMarker(value: try marker())
    let source = DispatchSource.makeTimerSource(queue: queue)
    source.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(20))
    source.setEventHandler { [marker] in
      do {
        let now = try marker()
        guard now != last.value else { return }
        last.value = now
        changed()
      } catch {
        failed(ErrorText.sentence(for: error))
      }
    }
    lock.lock()
    let old = self.source
    self.source = source
    lock.unlock()
    if let old { queue.sync { old.cancel() } }
    source.resume()
  }

  package func stop() {
    lock.lock()
    let source = self.source
    self.source = nil
    lock.unlock()
    // Cancelling on the feed's queue waits for a running handler, so none runs after `stop`.
    guard let source else { return }
    queue.sync { source.cancel() }
  }
}

/// The marker the feed saw last; only the feed's serial queue reads and writes it.
private final class LastMarker<Marker>: @unchecked Sendable {
  var value: Marker

  init(value: Marker) { self.value = value }
}
