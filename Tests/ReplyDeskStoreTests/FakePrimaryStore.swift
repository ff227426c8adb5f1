import Foundation
import ReplyDeskCore

@testable import ReplyDeskStore

/// The events a fake server holds, shared by the fake connections of several consoles.
final class FakeServerLog: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [SessionEvent] = []

  var events: [SessionEvent] { lock.withLock { stored } }

  /// Stores the events it does not hold yet, as the PostgreSQL store does; returns how many.
  @discardableResult
  func store(_ events: [SessionEvent]) -> Int {
    lock.withLock {
      let new = events.filter { !stored.contains($0) }
      stored += new
      return new.count
    }
  }
}

/// A primary store for the outbox tests: down (unreachable), up, or committing and then losing
/// the answer; it can hold a write until `release()` and refuses every event of chat "refused".
final class FakePrimaryStore: SessionStoring, @unchecked Sendable {
  enum Mode {
    case up
    case down
    /// Stores the next write, then throws as if the connection dropped before the answer.
    case loseAnswer
  }

  let log: FakeServerLog
  private let lock = NSLock()
  private var current: Mode
  private var gate: DispatchSemaphore?
  private var held: DispatchSemaphore?
  private(set) var writes = 0

  init(log: FakeServerLog = FakeServerLog(), mode: Mode) {
    self.log = log
    current = mode
  }

  var mode: Mode {
    get { lock.withLock { current } }
    set { lock.withLock { current = newValue } }
  }

  /// Makes the next write wait until `release()`.
  func hold() {
    lock.withLock {
      gate = DispatchSemaphore(value: 0)
      held = gate
    }
  }

  func release() { lock.withLock { held }?.signal() }

  var location: String { "fake://server" }

  func record(contentsOf events: [SessionEvent]) throws {
    let (mode, gate) = lock.withLock { () -> (Mode, DispatchSemaphore?) in
      writes += 1
      defer { self.gate = nil }
      return (current, self.gate)
    }
    gate?.wait()
    if case .down = mode { throw StoreError.unreachable(location: location, detail: "connection refused") }
    if events.contains(where: { $0.chat.rawValue == "refused" }) {
      throw StoreError.invalidEvent("session refused has no started event")
    }
    log.store(events)
    if case .loseAnswer = mode {
      self.mode = .up
      throw StoreError.unreachable(location: location, detail: "server closed the connection unexpectedly")
    }
  }

  func events(of chat: ChatID) throws -> [SessionEvent] { log.events.filter { $0.chat == chat } }
  func sessions(matching filter: SessionFilter) throws -> [SessionSummary] { [] }
  func session(_ chat: ChatID) throws -> SessionSummary { throw StoreError.unknownSession(chat.rawValue) }
  func stats(by grouping: StatsGrouping, channel: StatsChannel) throws -> [StatsRow] { [] }
  func practiceStats() throws -> [PracticeStatsRow] { [] }
  func closeInterruptedSessions(at time: Date) throws -> [ChatID] { [] }
  func recoverUnsavedEvents(from files: [UnsavedEventsFile]) throws -> Int { 0 }
}
