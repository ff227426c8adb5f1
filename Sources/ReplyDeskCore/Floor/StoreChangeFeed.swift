/// Says when a store has new events, whichever process committed them, so a reader (the
/// supervisor's floor) reads again instead of on a timer. `changed` may be called from any thread
/// and more than once per change; a reader re-reads once per batch of calls.
public protocol StoreChangeFeed: AnyObject, Sendable {
  /// Starts watching; `changed` runs after every commit that adds events, and `failed` with a
  /// sentence when watching stopped working (the reader may start a new feed).
  func start(changed: @escaping @Sendable () -> Void, failed: @escaping @Sendable (String) -> Void) throws
  /// Stops watching; no call comes after it returns.
  func stop()
}
