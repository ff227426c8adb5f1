import Foundation
import ReplyDeskCore

/// A team store that never blocks the representative: `record` writes to the primary (the
/// PostgreSQL server) while it answers, and when it is unreachable, or does not answer within
/// `patience`, commits the events to a local SQLite outbox instead and returns (they are durable
/// on this machine). While anything is queued, new events go to the outbox too, so their order
/// is kept; a background thread replays the outbox into the primary once it is back and deletes
/// what was stored. The primary must skip events it holds already (the PostgreSQL store does:
/// event ids come from the events), so a replay after a commit whose answer was lost adds
/// nothing. Reads go to the primary.
///
/// Each process has its own outbox file, `<base>.outbox-<pid>.sqlite`; opening one takes over
/// the outboxes of consoles that died with events queued.
public final class OutboxSessionStore: SessionStoring, QueueingRecorder, @unchecked Sendable {
  public let primary: any SessionStoring
  let drainer: OutboxDrainer
  /// How long `record` waits for the primary before it commits to the outbox instead.
  let patience: TimeInterval

  public var location: String { primary.location }
  /// This process's outbox file.
  public var outboxPath: String { drainer.outbox.path }
  public var outboxStatus: OutboxStatus { drainer.status }

  /// Opens this process's outbox beside `base`, takes over dead consoles' outboxes there and
  /// starts replaying what they hold.
  public convenience init(primary: any SessionStoring, outboxBase base: String) throws {
    try self.init(primary: primary, outboxBase: base, owner: .current)
  }

  /// Opens the outbox as `owner` (tests pretend to be other processes).
  package init(
    primary: any SessionStoring, outboxBase base: String, owner: ProcessIdentity,
    patience: TimeInterval = 1, retrySeconds: TimeInterval = 1
  ) throws {
    self.primary = primary
    self.patience = patience
    let outbox = try OutboxFile(path: "\(base).outbox-\(owner.pid).sqlite", owner: owner)
    try Self.absorbLeftovers(into: outbox, base: base)
    drainer = try OutboxDrainer(primary: primary, outbox: outbox, retrySeconds: retrySeconds)
  }

  deinit { drainer.stop() }

  public func record(contentsOf events: [SessionEvent]) throws {
    guard !events.isEmpty else { return }
    for event in events { try SessionEventRules.validate(event) }
    try drainer.record(events, patience: patience)
  }

  public func record(_ event: SessionEvent) throws {
    try record(contentsOf: [event])
  }

  /// Waits until every queued event is in the primary, or `timeout` has passed; true when the
  /// outbox is empty.
  @discardableResult
  public func waitUntilDrained(timeout: TimeInterval) -> Bool {
    drainer.waitUntilDrained(timeout: timeout)
  }

  public func events(of chat: ChatID) throws -> [SessionEvent] { try primary.events(of: chat) }

  public func sessions(matching filter: SessionFilter) throws -> [SessionSummary] {
    try primary.sessions(matching: filter)
  }

  public func session(_ chat: ChatID) throws -> SessionSummary { try primary.session(chat) }

  public func stats(by grouping: StatsGrouping, channel: StatsChannel) throws -> [StatsRow] {
    try primary.stats(by: grouping, channel: channel)
  }

  public func practiceStats() throws -> [PracticeStatsRow] { try primary.practiceStats() }

  @discardableResult
  public func closeInterruptedSessions(at time: Date) throws -> [ChatID] {
    try primary.closeInterruptedSessions(at: time)
  }

  @discardableResult
  public func recoverUnsavedEvents(from files: [UnsavedEventsFile]) throws -> Int {
    try primary.recoverUnsavedEvents(from: files)
  }

  /// Moves the queued events of every outbox beside `base` whose console is gone to the end of
  /// `outbox`, oldest file first, and deletes the emptied files. An outbox still holding events
  /// the store refused is kept, so they can be looked at.
  private static func absorbLeftovers(into outbox: OutboxFile, base: String) throws {
    let url = URL(fileURLWithPath: base)
    let prefix = url.lastPathComponent + ".outbox-"
    let directory = url.deletingLastPathComponent()
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    for name in names.sorted() where name.hasPrefix(prefix) && name.hasSuffix(".sqlite") {
      let path = directory.appendingPathComponent(name).path
      guard path != outbox.path else { continue }
      let refused: Int
      do {
        let other = try OutboxFile(path: path, owner: nil)
        guard try other.owner()?.liveness ?? .gone == .gone else { continue }
        _ = try outbox.absorb(other)
        refused = try other.counts().refused
      }
      if refused == 0 {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
      }
    }
  }
}
