import Foundation
import ReplyDeskCore
import Synchronization

/// Runs the supervisor's floor: one synchronous loop that reads the store again whenever its
/// change feed reports new events (at most every `minimumReadGap`, and at least every
/// `fallbackReadSeconds` in case a notice was lost), ticks every second so wait times count up,
/// and flushes the changed cells. It never writes to the store.
public final class FloorRunner {
  /// Reads the floor as it stands at the given time.
  public typealias SnapshotReader = (Date) throws -> FloorSnapshot

  private let storeName: String
  private let options: ConsoleOptions
  private let readSnapshot: SnapshotReader
  private let loadEvents: ReplayRunner.EventLoader
  private let feed: any StoreChangeFeed
  /// Reads closer together than this wait, so a busy store is read a few times a second at most.
  private let minimumReadGap: TimeInterval = 0.1
  private let fallbackReadSeconds: TimeInterval = 10
  /// After the feed fails, how long before it is started again.
  private let feedRetrySeconds: TimeInterval = 5

  public init(
    storeName: String, options: ConsoleOptions, feed: any StoreChangeFeed,
    readSnapshot: @escaping SnapshotReader,
    loadEvents: @escaping ReplayRunner.EventLoader
  ) {
    self.storeName = storeName
    self.options = options
    self.feed = feed
    self.readSnapshot = readSnapshot
    self.loadEvents = loadEvents
  }

  /// Takes over the terminal until the supervisor quits (or a termination signal arrives).
  public func run() throws {
    ConsoleRunner.prepareSignals()
    let wake = try WakePipe(name: "floor change")
    let watch = FloorWatch(wake: wake)
    try startFeed(watch)
    defer { feed.stop() }
    let driver = try TerminalDriver(theme: options.theme, colorMode: options.colorMode)
    defer { driver.end() }
    var state = FloorState(size: driver.size, now: Date(), timeZone: options.timeZone, storeName: storeName)
    var lastRead = Date.distantPast
    var feedFailedAt: Date?
    while !state.hasQuit, !ConsoleRunner.terminationWasRequested {
      let frame = drawFloorFrame(state, size: state.size)
      driver.flush(frame.grid)
      if frame.extents != (state.replay?.extents ?? state.extents) {
        apply(.measured(frame.extents, now: Date()), to: &state)
      }
      let now = Date()
      var due = 1 - now.timeIntervalSince1970.truncatingRemainder(dividingBy: 1)
      if watch.isDirty {
        due = min(due, max(lastRead.addingTimeInterval(minimumReadGap).timeIntervalSince(now), 0))
      }
      if let deadline = driver.inputDeadline { due = min(due, max(deadline.timeIntervalSinceNow, 0)) }
      var descriptors = [STDIN_FILENO, wake.readDescriptor].map {
        pollfd(fd: $0, events: Int16(POLLIN), revents: 0)
      }
      _ = poll(&descriptors, nfds_t(descriptors.count), Int32((due * 1000).rounded(.up)))
      wake.drain()
      let woke = Date()
      while let input = driver.read() {
        switch input {
        case .key(let key): apply(.key(key, now: woke), to: &state)
        case .paste(let text): apply(.paste(text, now: woke), to: &state)
        case .resize(let size): apply(.resize(size, now: woke), to: &state)
        }
      }
      if let failure = watch.takeFailure() {
        feedFailedAt = woke
        apply(.feedFailed(reason: failure, now: woke), to: &state)
      }
      if let failedAt = feedFailedAt, woke.timeIntervalSince(failedAt) >= feedRetrySeconds {
        feedFailedAt = (try? startFeed(watch)) == nil ? woke : nil
      }
      let stale = woke.timeIntervalSince(lastRead) >= fallbackReadSeconds
      if stale || (watch.isDirty && woke.timeIntervalSince(lastRead) >= minimumReadGap) {
        watch.clean()
        lastRead = woke
        read(into: &state)
      }
      apply(.tick(now: Date()), to: &state)
    }
  }

  private func startFeed(_ watch: FloorWatch) throws {
    try feed.start(changed: { watch.markDirty() }, failed: { watch.fail($0) })
  }

  private func read(into state: inout FloorState) {
    do {
      let snapshot = try readSnapshot(Date())
      apply(.snapshot(snapshot, now: Date()), to: &state)
    } catch {
      apply(.readFailed(reason: EffectExecutor.describe(error), now: Date()), to: &state)
    }
  }

  private func apply(_ event: FloorEvent, to state: inout FloorState) {
    for effect in updateFloor(&state, event) { dispatch(effect, to: &state) }
  }

  /// Carries out an effect and feeds its outcome back as an event.
  private func dispatch(_ effect: FloorEffect, to state: inout FloorState) {
    switch effect {
    case .load(let chat):
      do {
        apply(.loaded(chat, try loadEvents(chat), now: Date()), to: &state)
      } catch {
        apply(.loadFailed(chat, reason: EffectExecutor.describe(error), now: Date()), to: &state)
      }
    case .quit:
      break
    }
  }
}

/// What the change feed's threads tell the loop: that the store changed (the first read is
/// due at once), or that the feed failed. Each notice wakes the loop through the pipe.
private final class FloorWatch: Sendable {
  private let wake: WakePipe
  private let dirty = Atomic<Bool>(true)
  private let failure = Mutex<String?>(nil)

  init(wake: WakePipe) {
    self.wake = wake
  }

  var isDirty: Bool { dirty.load(ordering: .acquiring) }

  func markDirty() {
    dirty.store(true, ordering: .releasing)
    wake.signal()
  }

  func clean() { dirty.store(false, ordering: .releasing) }

  func fail(_ reason: String) {
    failure.withLock { $0 = reason }
    wake.signal()
  }

  func takeFailure() -> String? {
    failure.withLock { reason in
      defer { reason = nil }
      return reason
    }
  }
}
