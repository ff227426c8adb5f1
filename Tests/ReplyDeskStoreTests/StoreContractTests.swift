import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskStore

/// Every behaviour `SessionStoring` promises, run against each backend: SQLite always,
/// PostgreSQL when REPLYDESK_TEST_POSTGRES names a test server.
@Suite("Store contract", .serialized)
struct StoreContractTests {
  /// Every fixture the statistics tests use, in one store.
  private static var allFixtures: [[SessionEvent]] {
    StatsFixture.sessions + SourceStatsFixture.sessions + PracticeStatsFixture.sessions + [
      Fixture.everyKind()
    ]
  }

  @Test(arguments: StoreBackend.available)
  func recordsAndReadsEveryKindInOrder(backend: StoreBackend) throws {
    let made = try backend.makeStore()
    defer { made.cleanup() }
    let events = Fixture.everyKind()
    try made.store.record(contentsOf: events)
    #expect(try made.store.events(of: ChatID("all-kinds")) == events)
    let summary = try made.store.session(ChatID("all-kinds"))
    #expect(summary.representative == "ana" && summary.customerName == "Dana Reyes")
    #expect(summary.outcome == .escalated && summary.eventCount == events.count)
    #expect(summary.startedAt == events[0].time && summary.endedAt == events.last?.time)
    #expect(throws: StoreError.unknownSession("nope")) { try made.store.events(of: ChatID("nope")) }
  }

  @Test(arguments: StoreBackend.available)
  func refusesInvalidEventsAndKeepsNoneOfTheirBatch(backend: StoreBackend) throws {
    let made = try backend.makeStore()
    defer { made.cleanup() }
    var script = ChatScript("bad", base: Fixture.base)
    script.start(rep: "ana", customer: "c1", channel: "refund")
    script.say(1, "Hello")
    script.add(2, .qaNote(text: "rating out of range", rating: 9))
    #expect(throws: StoreError.self) { try made.store.record(contentsOf: script.events) }
    #expect(throws: StoreError.unknownSession("bad")) { try made.store.session(ChatID("bad")) }
    let orphan = SessionEvent(chat: ChatID("never"), time: Fixture.base, kind: .customerMessage(text: "hi"))
    #expect(throws: StoreError.self) { try made.store.record(orphan) }
    try made.store.record(contentsOf: Array(script.events.prefix(2)))
    var again = ChatScript("bad", base: Fixture.base.addingTimeInterval(60))
    again.start(rep: "ana", customer: "c1", channel: "refund")
    #expect(throws: StoreError.invalidEvent("session bad has already started")) {
      try made.store.record(contentsOf: again.events)
    }
    #expect(try made.store.events(of: ChatID("bad")).count == 2)
  }

  @Test(arguments: StoreBackend.available)
  func listsAndFiltersNewestFirst(backend: StoreBackend) throws {
    let made = try backend.makeStore()
    defer { made.cleanup() }
    for session in StatsFixture.sessions { try made.store.record(contentsOf: session) }
    func ids(_ filter: SessionFilter) throws -> [String] {
      try made.store.sessions(matching: filter).map(\.id.rawValue)
    }
    #expect(try ids(SessionFilter()) == ["E", "D", "C", "B", "A"])
    #expect(try ids(SessionFilter(representative: "ben")) == ["E", "D", "C"])
    #expect(try ids(SessionFilter(outcome: .resolved, limit: 2)) == ["D", "B"])
    let dayTwo = Fixture.base.addingTimeInterval(StatsFixture.day)
    #expect(try ids(SessionFilter(from: dayTwo)) == ["E", "D"])
    #expect(try ids(SessionFilter(to: dayTwo)) == ["C", "B", "A"])
    #expect(try made.store.sessions(matching: SessionFilter()).first?.eventCount == 2)
  }

  @Test(arguments: StoreBackend.available)
  func searchMatchesEveryWordAsAPrefix(backend: StoreBackend) throws {
    let made = try backend.makeStore()
    defer { made.cleanup() }
    for session in StatsFixture.sessions { try made.store.record(contentsOf: session) }
    func ids(_ words: String) throws -> [String] {
      try made.store.sessions(matching: SessionFilter(search: words)).map(\.id.rawValue)
    }
    #expect(try ids("refund") == ["D", "C", "A"])
    #expect(try ids("REF stat") == ["D"])
    #expect(try ids("parcel tomorrow").isEmpty, "the words must be in one turn")
    #expect(try ids("tomorrow noon") == ["B"], "sent replies are searched too")
    #expect(try ids(" ?! ").isEmpty)
  }

  @Test(arguments: StoreBackend.available)
  func statisticsMatchTheHandWorkedFiguresAndTheSQLiteStore(backend: StoreBackend) throws {
    let made = try backend.makeStore()
    defer { made.cleanup() }
    for session in StatsFixture.sessions { try made.store.record(contentsOf: session) }
    let row = try #require(try made.store.stats(by: .all, channel: .live).first)
    #expect(row.sessions == 5 && row.customerTurns == 7 && row.agentTurns == 6)
    #expect(row.top1AcceptanceRate == 2.0 / 7 && row.top4AcceptanceRate == 3.0 / 7)
    #expect(row.editRate == 1.0 / 6 && row.coverage == 5.0 / 6 && row.escalationRate == 1.0 / 5)
    #expect(row.meanFirstResponseSeconds == 15 && row.meanHandleSeconds == 140)
    #expect(row.automationRate == 1.0 / 4)

    let everything = try backend.makeStore()
    defer { everything.cleanup() }
    let reference = try StoreBackend.sqlite.makeStore()
    defer { reference.cleanup() }
    for session in Self.allFixtures {
      try everything.store.record(contentsOf: session)
      try reference.store.record(contentsOf: session)
    }
    for grouping in StatsGrouping.allCases {
      for channel in StatsChannel.allCases {
        #expect(
          try everything.store.stats(by: grouping, channel: channel)
            == reference.store.stats(by: grouping, channel: channel))
      }
    }
    #expect(try everything.store.practiceStats() == reference.store.practiceStats())
    #expect(try everything.store.practiceStats().isEmpty == false)
  }

  @Test(arguments: StoreBackend.available)
  func appendsQANotesAndChecksTheirRating(backend: StoreBackend) throws {
    let made = try backend.makeStore()
    defer { made.cleanup() }
    try made.store.record(contentsOf: StatsFixture.sessions[0])
    try made.store.appendQANote(to: ChatID("A"), text: "Good tone.", rating: 5, at: Fixture.base + 500)
    #expect(try made.store.events(of: ChatID("A")).last?.kind == .qaNote(text: "Good tone.", rating: 5))
    #expect(throws: StoreError.invalidEvent("a QA rating must be from 1 to 5, not 0")) {
      try made.store.appendQANote(to: ChatID("A"), text: "No.", rating: 0, at: Fixture.base + 600)
    }
  }

  @Test(arguments: StoreBackend.available)
  func closesSessionsOfDeadConsolesOnce(backend: StoreBackend) throws {
    let made = try backend.makeStore(owner: try Self.finishedProcess())
    defer { made.cleanup() }
    var script = ChatScript("open", base: Fixture.base)
    script.start(rep: "ana", customer: "c1", channel: "live")
    script.say(1, "Hello?")
    try made.store.record(contentsOf: script.events)
    let later = try made.reopen(.current)
    #expect(try later.closeInterruptedSessions(at: Fixture.base + 60) == [ChatID("open")])
    #expect(try later.session(ChatID("open")).outcome == .interrupted)
    #expect(try later.events(of: ChatID("open")).count == 4)
    #expect(try later.closeInterruptedSessions(at: Fixture.base + 90).isEmpty)
  }

  @Test(arguments: StoreBackend.available)
  func recoversSpilledEventsWithoutDuplicates(backend: StoreBackend) throws {
    let made = try backend.makeStore()
    defer { made.cleanup() }
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let events = StatsFixture.sessions[0]
    try made.store.record(contentsOf: Array(events.prefix(3)))
    let spill = UnsavedEventsFile(path: directory.path("store.unsaved-1.jsonl"))
    #expect(spill.write(events))
    #expect(try made.store.recoverUnsavedEvents(from: [spill]) == events.count - 3)
    #expect(!FileManager.default.fileExists(atPath: spill.path))
    #expect(try made.store.events(of: ChatID("A")) == events)
  }

  /// A process that has run and exited: its pid names no running process.
  private static func finishedProcess() throws -> ProcessIdentity {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return ProcessIdentity(host: ProcessIdentity.current.host, pid: process.processIdentifier, startToken: "")
  }
}
