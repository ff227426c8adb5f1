import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskStore

@Suite("Statistics on a hand-built fixture")
struct SessionStatsTests {
  private func store(_ directory: TemporaryDirectory) throws -> SessionStore {
    let store = try SessionStore(path: directory.path("sessions.sqlite"))
    for session in StatsFixture.sessions { try store.record(contentsOf: session) }
    return store
  }

  @Test func overallRowMatchesHandArithmetic() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let rows = try store(directory).stats()
    #expect(rows.count == 1)
    let row = try #require(rows.first)
    #expect(row.group == "all")
    #expect(row.sessions == 5)
    #expect(row.customerTurns == 7)
    #expect(row.agentTurns == 6)
    #expect(row.top1AcceptanceRate == 2.0 / 7)
    #expect(row.top4AcceptanceRate == 3.0 / 7)
    #expect(row.editRate == 1.0 / 6)
    #expect(row.coverage == 5.0 / 6)
    #expect(row.escalationRate == 1.0 / 5)
    #expect(row.meanFirstResponseSeconds == 15)
    #expect(row.meanHandleSeconds == 140)
    #expect(row.automationRate == 1.0 / 4)
  }

  @Test func groupedByRepresentative() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let rows = try store(directory).stats(by: .rep)
    #expect(rows.map(\.group) == ["ana", "ben"])
    let ana = rows[0]
    #expect(ana.sessions == 2 && ana.customerTurns == 4 && ana.agentTurns == 5)
    #expect(ana.top1AcceptanceRate == 1.0 / 4)
    #expect(ana.top4AcceptanceRate == 2.0 / 4)
    #expect(ana.coverage == 4.0 / 5)
    #expect(ana.escalationRate == 0)
    #expect(ana.meanFirstResponseSeconds == 13)
    #expect(ana.meanHandleSeconds == 200)
    #expect(ana.automationRate == 0)
    let ben = rows[1]
    #expect(ben.sessions == 3 && ben.customerTurns == 3 && ben.agentTurns == 1)
    #expect(ben.top1AcceptanceRate == 1.0 / 3)
    #expect(ben.editRate == 0)
    #expect(ben.coverage == 1)
    #expect(ben.escalationRate == 1.0 / 3)
    #expect(ben.meanFirstResponseSeconds == 17)
    #expect(ben.meanHandleSeconds == 80)
    #expect(ben.automationRate == 1.0 / 2)
  }

  @Test func groupedByDayAndIntent() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try store(directory)
    let days = try store.stats(by: .day)
    #expect(days.map(\.group) == ["2026-03-01", "2026-03-03"])
    #expect(days.map(\.sessions) == [3, 2])
    let intents = try store.stats(by: .intent)
    #expect(intents.map(\.group) == ["delivery_status", "refund_status", "unknown"])
    #expect(intents.map(\.sessions) == [1, 2, 2], "A counts under its first turn's intent")
    guard intents.count == 3 else { return }
    #expect(intents[0].editRate == 0.5)
    #expect(intents[1].escalationRate == 0.5)
    #expect(intents[1].automationRate == 0, "A was recontacted by C, C escalated")
    #expect(intents[2].automationRate == 1, "D, the only ended one")
    #expect(intents[1].customerTurns == 3, "intent events are not customer turns")
  }

  @Test func recontactAfterMoreThanADayStillCountsAsAutomated() {
    func facts(_ id: String, start: Double, end: Double) -> SessionFacts {
      var tally = SessionTally()
      tally.addCustomerMessage(at: Fixture.base.addingTimeInterval(start))
      tally.addDecision("accepted", rank: 1, at: Fixture.base.addingTimeInterval(start + 1))
      return SessionFacts(
        id: id, representative: "ana", channel: "refund", customerID: "c1",
        startedAt: Fixture.base.addingTimeInterval(start), endedAt: Fixture.base.addingTimeInterval(end),
        outcome: .resolved, tally: tally)
    }
    let first = facts("first", start: 0, end: 100)
    let within = facts("within", start: 100 + 86_400, end: 200 + 86_400)
    let later = facts("later", start: 300 + 2 * 86_400, end: 400 + 2 * 86_400)
    #expect(StatsCalculator.automatedSessionIDs([first, within, later]) == ["within", "later"])
  }

  @Test func emptyStoreHasNoRowsAndEmptyGroupsHaveNoRates() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SessionStore(path: directory.path("sessions.sqlite"))
    #expect(try store.stats().isEmpty)
    var script = ChatScript("quiet", base: Fixture.base)
    script.start(rep: "ana", customer: "c9", channel: "refund")
    try store.record(contentsOf: script.events)
    let row = try #require(try store.stats().first)
    #expect(row.top1AcceptanceRate == nil && row.coverage == nil && row.meanHandleSeconds == nil)
    #expect(row.automationRate == nil)
    #expect(row.escalationRate == 0)
  }
}
