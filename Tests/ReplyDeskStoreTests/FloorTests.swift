import Foundation
import ReplyDeskCore
import Synchronization
import Testing

@testable import ReplyDeskStore

/// The floor's figures folded from the morning of `FloorFixture`, by the pure fold and through
/// each store's read, and each store's change feed.
@Suite("Floor", .serialized)
struct FloorTests {
  private func expectMorning(
    _ snapshot: FloorSnapshot, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let now = FloorFixture.now
    let base = Fixture.base
    #expect(snapshot.chats.map(\.id.rawValue) == ["a1", "a2", "b1"], sourceLocation: sourceLocation)
    #expect(
      snapshot.chats.map(\.waitingSince) == [base + 3660, nil, base + 6570], sourceLocation: sourceLocation)
    #expect(snapshot.chats.map(\.representative) == ["ana", "ana", "ben"], sourceLocation: sourceLocation)
    #expect(snapshot.waiting(at: now).map(\.id.rawValue) == ["a1", "b1"], sourceLocation: sourceLocation)
    #expect(snapshot.longestWait(at: now) == 3540, sourceLocation: sourceLocation)
    #expect(snapshot.escalationsInLastHour(at: now) == 1, sourceLocation: sourceLocation)
    #expect(
      snapshot.escalationsInLastHour(at: base + 1900) == 1, "c1 at 09:30", sourceLocation: sourceLocation)
    #expect(
      snapshot.acceptance == FloorSnapshot.Acceptance(customerTurns: 6, top1: 1.0 / 6, top4: 2.0 / 6),
      sourceLocation: sourceLocation)
  }

  @Test func foldsTheMorning() throws {
    let records = try FloorFixture.records(FloorFixture.sessions)
    let midnight = FloorFold.midnight(before: FloorFixture.now, in: FloorFixture.utc)
    #expect(midnight == Fixture.base - 9 * 3600)
    expectMorning(FloorFold.snapshot(records, midnight: midnight, channel: .live))
    let practice = FloorFold.snapshot(records, midnight: midnight, channel: .practice)
    #expect(practice.chats.map(\.id.rawValue) == ["p1"] && practice.acceptance.customerTurns == 1)
  }

  @Test func aDecisionEndsTheWaitAndANewMessageStartsIt() throws {
    var chat = ChatScript("w", base: Fixture.base)
    chat.start(rep: "ana", customer: "c", channel: "live")
    chat.say(10, "Hi")
    chat.say(20, "Hello?")
    let midnight = Fixture.base - 9 * 3600
    func waiting(_ events: [SessionEvent]) throws -> Date? {
      try FloorFold.snapshot(FloorFixture.records([events]), midnight: midnight, channel: .live).chats.first?
        .waitingSince
    }
    #expect(try waiting(chat.events) == Fixture.base + 10)
    chat.write(30, "Hi, how can I help?")
    #expect(try waiting(chat.events) == nil)
    chat.say(40, "My order")
    #expect(try waiting(chat.events) == Fixture.base + 40)
    chat.end(50, .resolved)
    #expect(
      try FloorFold.snapshot(FloorFixture.records([chat.events]), midnight: midnight, channel: .live).chats
        .isEmpty)
  }

  @Test(arguments: StoreBackend.available)
  func eachStoreReadsTheSameFloor(backend: StoreBackend) throws {
    let made = try backend.makeStore()
    defer { made.cleanup() }
    for session in FloorFixture.sessions { try made.store.record(contentsOf: session) }
    let store = try #require(made.store as? any FloorReading)
    expectMorning(try store.floorSnapshot(now: FloorFixture.now, timeZone: FloorFixture.utc, channel: .live))
    let records = try store.floorRecords(since: Fixture.base - 9 * 3600)
    #expect(!records.sessions.contains { $0.id == "y1" }, "yesterday's session is outside the window")
    #expect(records.events.allSatisfy { FloorEventRow.kinds.contains($0.kind) })
  }

  @Test(arguments: StoreBackend.available)
  func theChangeFeedReportsAnotherWritersEventWithinASecond(backend: StoreBackend) throws {
    let made = try backend.makeStore()
    defer { made.cleanup() }
    let writer = try made.reopen(.current)
    let store = try #require(made.store as? any FloorReading)
    let feed = try store.changeFeed()
    let changedAt = Mutex<Date?>(nil)
    try feed.start(changed: { changedAt.withLock { $0 = $0 ?? Date() } }, failed: { _ in })
    defer { feed.stop() }
    var chat = ChatScript("new", base: Date())
    chat.start(rep: "ana", customer: "c", channel: "live")
    try writer.record(contentsOf: chat.events)
    let committed = Date()
    let reported = try firstChange(changedAt, after: committed)
    #expect(reported.timeIntervalSince(committed) < 1)
    let snapshot = try store.floorSnapshot(now: Date(), timeZone: FloorFixture.utc, channel: .live)
    #expect(snapshot.chats.map(\.id.rawValue) == ["new"])
  }

  @Test(arguments: StoreBackend.available)
  func theChangeFeedReportsAMessageInAnOpenChatWithinASecond(backend: StoreBackend) throws {
    let made = try backend.makeStore()
    defer { made.cleanup() }
    let writer = try made.reopen(.current)
    var chat = ChatScript("open", base: Date())
    chat.start(rep: "ana", customer: "c", channel: "live")
    try writer.record(contentsOf: chat.events)
    let store = try #require(made.store as? any FloorReading)
    let feed = try store.changeFeed()
    let changedAt = Mutex<Date?>(nil)
    try feed.start(changed: { changedAt.withLock { $0 = $0 ?? Date() } }, failed: { _ in })
    defer { feed.stop() }
    // A message notifies nobody (PostgreSQL schema version 3): the feed's poll must see it.
    let sent = Date()
    try writer.record(SessionEvent(chat: ChatID("open"), time: sent, kind: .customerMessage(text: "Hi")))
    let committed = Date()
    let reported = try firstChange(changedAt, after: committed)
    #expect(reported.timeIntervalSince(committed) < 1)
    let snapshot = try store.floorSnapshot(now: Date(), timeZone: FloorFixture.utc, channel: .live)
    #expect(snapshot.chats.map(\.waitingSince) == [sent])
  }

  /// When the feed first reported a change, waiting up to 5 s after `committed`.
  private func firstChange(_ changedAt: borrowing Mutex<Date?>, after committed: Date) throws -> Date {
    let deadline = committed.addingTimeInterval(5)
    while changedAt.withLock({ $0 }) == nil, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    return try #require(changedAt.withLock { $0 }, "no change reported within 5 s")
  }
}
