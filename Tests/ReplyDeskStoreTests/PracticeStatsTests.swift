import Foundation
import GRDB
import ReplyDeskCore
import Testing

@testable import ReplyDeskStore

@Suite("Practice scorecards and statistics by channel")
struct PracticeStatsTests {
  private func store(_ directory: TemporaryDirectory) throws -> SessionStore {
    let store = try SessionStore(path: directory.path("sessions.sqlite"))
    for session in PracticeStatsFixture.sessions { try store.record(contentsOf: session) }
    return store
  }

  @Test func aPracticeScoreIsStoredAndReadBackUnchanged() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try store(directory)
    let events = try store.events(of: ChatID("P2"))
    #expect(events == PracticeStatsFixture.sessions[1])
    guard case .practiceScore(let score)? = events.last?.kind else {
      Issue.record("the last event is not the practice score")
      return
    }
    #expect(score.suggestionsHidden && score.policySlips.count == 2)
  }

  @Test func practiceStatsSumEachTraineesScorecardsWithShownAndHiddenApart() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let rows = try store(directory).practiceStats()
    #expect(rows.map { "\($0.trainee) \($0.suggestions)" } == ["tia shown", "tia hidden", "uma shown"])
    let shown = rows[0]
    #expect((shown.chats, shown.scoredChats, shown.suggestionsHiddenChats) == (1, 1, 0))
    #expect(shown.meanHandleSeconds == 120 && shown.meanFirstResponseSeconds == 8)
    #expect((shown.accepted, shown.edited, shown.written, shown.escalated) == (1, 0, 1, 0))
    #expect(shown.policySlips == 1)
    #expect((shown.agreedWithRanker, shown.rankedDecisions) == (1, 2))
    let hidden = rows[1]
    #expect((hidden.chats, hidden.scoredChats, hidden.suggestionsHiddenChats) == (1, 1, 1))
    #expect(hidden.meanHandleSeconds == 200 && hidden.meanFirstResponseSeconds == 20)
    #expect((hidden.accepted, hidden.written) == (0, 1))
    #expect(hidden.policySlips == 2)
    #expect((hidden.agreedWithRanker, hidden.rankedDecisions) == (0, 1))
    #expect(
      Set((shown.commonSlips + hidden.commonSlips).map(\.rule))
        == [PracticeStatsFixture.anythingElse, PracticeStatsFixture.verify])
    let uma = rows[2]
    #expect((uma.chats, uma.scoredChats, uma.suggestionsHiddenChats) == (2, 1, 0), "unscored counts as shown")
    #expect(uma.meanHandleSeconds == 90 && uma.meanFirstResponseSeconds == nil)
    #expect(uma.edited == 1 && uma.policySlips == 0 && uma.commonSlips.isEmpty)
    #expect(uma.rankerAgreement == 0)
  }

  @Test func ordinaryStatsCountLiveChatsByDefault() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try store(directory)
    let live = try #require(try store.stats().first)
    #expect(live.sessions == 1 && live.top1AcceptanceRate == 1)
    #expect(try store.stats(channel: .demo).map(\.sessions) == [1])
    #expect(try store.stats(channel: .all).map(\.sessions) == [6])
    #expect(try store.stats(by: .rep, channel: .practice).map(\.group) == ["tia", "uma"])
  }

  @Test func hiddenSuggestionsNeverCountAsShown() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let row = try #require(try store(directory).stats(channel: .practice).first)
    #expect((row.sessions, row.customerTurns, row.agentTurns) == (4, 5, 4))
    #expect(row.suggestionsHiddenSessions == 1)
    #expect(row.top1AcceptanceRate == 1.0 / 4)
    #expect(row.coverage == 2.0 / 3)
    #expect(row.editRate == 1.0 / 3)
    #expect(row.sources.template.shownLists == 3)
    #expect(row.sources.template.shownSuggestions == 5)
    #expect(row.automationRate == 0)
  }

  @Test func aDamagedPracticeScoreCountsAsMissing() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try store(directory)
    try store.pool.write { db in
      try db.execute(
        sql:
          "INSERT INTO event (sessionID, time, kind, payload) VALUES ('U2', 0, 'practiceScore', 'not json')")
    }
    let uma = try #require(try store.practiceStats().last)
    #expect((uma.chats, uma.scoredChats) == (2, 1))
    #expect(try store.stats(channel: .practice).first?.sessions == 4)
  }
}
