import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskStore

@Suite("Sessions listing: filters and full-text search")
struct SessionListingTests {
  private func store(_ directory: TemporaryDirectory) throws -> SessionStore {
    let store = try SessionStore(path: directory.path("sessions.sqlite"))
    for session in StatsFixture.sessions { try store.record(contentsOf: session) }
    return store
  }

  private func ids(_ sessions: [SessionSummary]) -> [String] { sessions.map(\.id.rawValue) }

  @Test func listsNewestFirstWithCounts() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let sessions = try store(directory).sessions()
    #expect(ids(sessions) == ["E", "D", "C", "B", "A"])
    #expect(sessions.map(\.eventCount) == [2, 4, 5, 7, 10], "with the resolved intents")
    #expect(sessions[0].outcome == nil && sessions[0].endedAt == nil)
    #expect(sessions[4].customerName == "Dana Reyes")
  }

  @Test func filtersByDateOutcomeAndRepresentative() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try store(directory)
    let secondDay = Fixture.base.addingTimeInterval(StatsFixture.day)
    #expect(ids(try store.sessions(matching: SessionFilter(from: secondDay))) == ["E", "D"])
    #expect(ids(try store.sessions(matching: SessionFilter(to: secondDay))) == ["C", "B", "A"])
    #expect(ids(try store.sessions(matching: SessionFilter(outcome: .resolved))) == ["D", "B", "A"])
    #expect(
      ids(try store.sessions(matching: SessionFilter(outcome: .escalated, representative: "ben"))) == ["C"])
    #expect(ids(try store.sessions(matching: SessionFilter(representative: "nobody"))).isEmpty)
    #expect(ids(try store.sessions(matching: SessionFilter(limit: 2))) == ["E", "D"])
  }

  @Test func searchMatchesCustomerAndAgentTextByWordsAndPrefixes() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try store(directory)
    #expect(ids(try store.sessions(matching: SessionFilter(search: "refund"))) == ["D", "C", "A"])
    #expect(ids(try store.sessions(matching: SessionFilter(search: "tomorrow noon"))) == ["B"])
    #expect(ids(try store.sessions(matching: SessionFilter(search: "parc"))) == ["B"])
    #expect(ids(try store.sessions(matching: SessionFilter(search: "REFUND status"))) == ["D"])
    #expect(
      ids(try store.sessions(matching: SessionFilter(representative: "ana", search: "refund"))) == ["A"])
    #expect(ids(try store.sessions(matching: SessionFilter(search: "billing"))).isEmpty)
  }

  @Test func hostileSearchTextIsTreatedAsWords() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try store(directory)
    #expect(
      ids(try store.sessions(matching: SessionFilter(search: "\"refund* ((-"))) == ["D", "C", "A"])
    #expect(ids(try store.sessions(matching: SessionFilter(search: "'; DROP TABLE session; --"))).isEmpty)
    #expect(ids(try store.sessions(matching: SessionFilter(search: "*** ()"))).isEmpty)
    #expect(try store.sessions().count == 5)
  }
}
