import Foundation
import ReplyDeskCore

/// The one thread that writes to the primary store for an `OutboxSessionStore`: it runs the
/// writes `record` hands it while nothing is queued, and otherwise replays the outbox into the
/// primary in order, oldest groups first, deleting what was stored. Every write to the network
/// happens here, so a caller never waits on a connect timeout or a dead connection: it waits at
/// most `patience`, then commits to the outbox. `condition` guards every `var`.
final class OutboxDrainer: @unchecked Sendable {
  /// A write handed to the thread; `result` is set once the primary answered.
  final class Job: @unchecked Sendable {
    let events: [SessionEvent]
    var result: Result<Void, any Error>?

    init(events: [SessionEvent]) { self.events = events }
  }

  let primary: any SessionStoring
  let outbox: OutboxFile
  let retrySeconds: TimeInterval
  /// Events replayed into the primary in one transaction.
  static let batchSize = 500
  private let condition = NSCondition()
  private var job: Job?
  private var queued: Int
  private var refused: Int
  private var saved = 0
  private var reason: String?
  private var retryAt = Date.distantPast
  private var stopped = false

  init(primary: any SessionStoring, outbox: OutboxFile, retrySeconds: TimeInterval) throws {
    self.primary = primary
    self.outbox = outbox
    self.retrySeconds = retrySeconds
    (queued, refused) = try outbox.counts()
    let thread = Thread { [self] in run() }
    thread.name = "replydesk.outbox"
    thread.start()
  }

  var status: OutboxStatus {
    condition.withLock {
      OutboxStatus(queued: queued, reason: reason, saved: saved, refused: refused, path: outbox.path)
    }
  }

  /// Ends the thread after its current write.
  func stop() {
    condition.withLock {
      stopped = true
      condition.broadcast()
    }
  }

  /// Stores `events` in the primary, or, while anything is queued, when the primary is
  /// unreachable or does not answer within `patience`, commits them to the outbox. Any other
  /// failure of the primary is thrown, and nothing was stored.
  func record(_ events: [SessionEvent], patience: TimeInterval) throws {
    condition.lock()
    defer { condition.unlock() }
    guard queued == 0 else { return try enqueue(events) }
    let job = Job(events: events)
    self.job = job
    condition.broadcast()
    let deadline = Date().addingTimeInterval(patience)
    while job.result == nil, condition.wait(until: deadline) {}
    switch job.result {
    case .success?:
      return
    case .failure(let error)? where Self.isUnreachable(error):
      reason = ErrorText.sentence(for: error)
      retryAt = Date().addingTimeInterval(retrySeconds)
    case .failure(let error)?:
      throw error
    case nil:
      // The write may still land; replaying it from the outbox then adds nothing.
      reason = String(format: "the store at %@ did not answer within %.1f s", primary.location, patience)
    }
    if self.job === job { self.job = nil }
    try enqueue(events)
  }

  /// Waits until the outbox is empty or `timeout` has passed; true when it is empty.
  func waitUntilDrained(timeout: TimeInterval) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    return condition.withLock {
      while queued > 0, condition.wait(until: deadline) {}
      return queued == 0
    }
  }

  /// Commits `events` to the outbox; the caller holds `condition`.
  private func enqueue(_ events: [SessionEvent]) throws {
    try outbox.append(events)
    if queued == 0 { saved = 0 }
    queued += events.count
    condition.broadcast()
  }

  private func run() {
    while let work = nextWork() {
      switch work {
      case .write(let job):
        let result = Result { try primary.record(contentsOf: job.events) }
        condition.withLock {
          job.result = result
          condition.broadcast()
        }
      case .drain:
        drainOnce()
      }
    }
  }

  private enum Work {
    case write(Job)
    case drain
  }

  /// Waits for a write to run or for queued events to replay; nil once stopped.
  private func nextWork() -> Work? {
    condition.withLock {
      while !stopped, job == nil, queued == 0 || Date() < retryAt {
        if queued == 0 { condition.wait() } else { _ = condition.wait(until: retryAt) }
      }
      if stopped { return nil }
      guard let job else { return .drain }
      self.job = nil
      return .write(job)
    }
  }

  /// Replays the oldest batch; a batch the primary refuses is retried group by group, and a
  /// group it refuses on its own is set aside in the outbox's `refused` table.
  private func drainOnce() {
    do {
      let batch = try outbox.oldest(limit: Self.batchSize)
      guard let last = batch.last else { return finished(0, refused: 0) }
      do {
        try primary.record(contentsOf: batch.map(\.event))
      } catch  where !Self.isUnreachable(error) {
        return try replayGroups(of: batch)
      }
      try outbox.remove(through: last.seq)
      finished(batch.count, refused: 0)
    } catch {
      condition.withLock {
        reason = ErrorText.sentence(for: error)
        retryAt = Date().addingTimeInterval(retrySeconds)
      }
    }
  }

  private func replayGroups(of batch: [QueuedEvent]) throws {
    var group: [QueuedEvent] = []
    for item in batch {
      group.append(item)
      guard item.endsGroup || item == batch.last else { continue }
      do {
        try primary.record(contentsOf: group.map(\.event))
        try outbox.remove(through: item.seq)
        finished(group.count, refused: 0)
      } catch  where !Self.isUnreachable(error) {
        try outbox.refuse(group, reason: ErrorText.sentence(for: error))
        finished(group.count, refused: group.count)
      }
      group = []
    }
  }

  /// Counts `count` events as gone from the queue (`refused` of them set aside).
  private func finished(_ count: Int, refused: Int) {
    condition.withLock {
      if count == 0 { queued = 0 }
      queued = max(0, queued - count)
      saved += count - refused
      self.refused += refused
      reason = nil
      condition.broadcast()
    }
  }

  static func isUnreachable(_ error: any Error) -> Bool {
    if case StoreError.unreachable = error { return true }
    return false
  }
}
