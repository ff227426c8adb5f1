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

  @Test func practiceStatsSumEachTraineesScorecards() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let rows = try store(directory).practiceStats()
    #expect(rows.map(\.trainee) == ["tia", "uma"])
    let tia = rows[0]
    #expect((tia.chats, tia.scoredChats, tia.suggestionsHiddenChats) == (2, 2, 1))
    #expect(tia.meanHandleSeconds == 160 && tia.meanFirstResponseSeconds == 14)
    #expect((tia.accepted, tia.edited, tia.written, tia.escalated) == (1, 0, 2, 0))
    #expect(tia.policySlips == 3)
    #expect(
      tia.commonSlips == [
        SlipCount(rule: PracticeStatsFixture.verify, count: 2),
        SlipCount(rule: PracticeStatsFixture.anythingElse, count: 1),
      ])
    #expect((tia.agreedWithRanker, tia.rankedDecisions) == (1, 3))
    #expect(tia.rankerAgreement == 1.0 / 3)
    let uma = rows[1]
    #expect((uma.chats, uma.scoredChats, uma.suggestionsHiddenChats) == (2, 1, 0))
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
