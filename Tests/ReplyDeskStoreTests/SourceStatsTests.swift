import Foundation
import GRDB
import ReplyDeskCore
import Testing

@testable import ReplyDeskStore

@Suite("Statistics by suggestion source and autopilot")
struct SourceStatsTests {
  private func stats(by grouping: StatsGrouping = .all) throws -> [StatsRow] {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SessionStore(path: directory.path("sessions.sqlite"))
    for session in SourceStatsFixture.sessions { try store.record(contentsOf: session) }
    return try store.stats(by: grouping)
  }

  @Test func autopilotTurnsCountAsUneditedSuggestionsAndAsAutoSent() throws {
    let row = try #require(try stats().first)
    #expect(row.customerTurns == 6 && row.agentTurns == 6)
    #expect(row.autoSentRate == 2.0 / 6)
    #expect(row.top1AcceptanceRate == 2.0 / 6)
    #expect(row.top4AcceptanceRate == 3.0 / 6)
    #expect(row.coverage == 5.0 / 6)
    #expect(row.editRate == 2.0 / 6)
    #expect(row.automationRate == 1.0 / 2)
  }

  @Test func splitsShownAcceptedAndEditedByOrigin() throws {
    let row = try #require(try stats().first)
    let template = row.sources.template
    #expect(template.shownLists == 6 && template.shownSuggestions == 8)
    #expect(template.accepted == 2 && template.autoSent == 2 && template.edited == 1)
    #expect(template.acceptanceRate == 2.0 / 6 && template.editRate == 1.0 / 6)
    let generated = row.sources.generated
    #expect(generated.shownLists == 6 && generated.shownSuggestions == 6)
    #expect(generated.accepted == 1 && generated.autoSent == 0 && generated.edited == 1)
    #expect(generated.acceptanceRate == 1.0 / 6 && generated.editRate == 1.0 / 6)
  }

  @Test func splitFollowsTheGrouping() throws {
    let rows = try stats(by: .rep)
    #expect(rows.map(\.group) == ["ana", "ben"])
    #expect(rows[0].autoSentRate == 2.0 / 3 && rows[1].autoSentRate == 0)
    #expect(rows[0].sources.generated.accepted == 1 && rows[0].sources.generated.edited == 0)
    #expect(rows[1].sources.template.edited == 1 && rows[1].sources.template.accepted == 0)
  }

  @Test func storeWithoutSuggestionListsHasNoSourceRates() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SessionStore(path: directory.path("sessions.sqlite"))
    for session in StatsFixture.sessions { try store.record(contentsOf: session) }
    let row = try #require(try store.stats().first)
    #expect(row.sources.template.shownLists == 0 && row.sources.template.acceptanceRate == nil)
    #expect(row.sources.template.accepted == 4 && row.sources.generated.accepted == 0)
    #expect(row.autoSentRate == 0)
  }

  @Test func damagedPayloadIsSkippedNotFatal() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SessionStore(path: directory.path("sessions.sqlite"))
    for session in SourceStatsFixture.sessions { try store.record(contentsOf: session) }
    try store.pool.write { db in
      try db.execute(
        sql: """
          INSERT INTO event (sessionID, time, kind, payload) VALUES ('Q', 0, 'suggestionsShown', '{not json');
          INSERT INTO event (sessionID, time, kind, decision, rank, payload)
            VALUES ('Q', 0, 'decision', 'accepted', 1, '[');
          """)
    }
    let row = try #require(try store.stats().first)
    #expect(row.sources.template.shownLists == 6)
    #expect(row.sources.template.accepted == 3)
  }

  @Test func aTemplateNamedLikeGeneratedSuggestionsKeepsItsOrigin() throws {
    var script = ChatScript("R", base: Fixture.base)
    script.start(rep: "ana", customer: "r1", channel: "refund")
    script.say(10, "Hello")
    script.show(11, templates: ["generated", "refund.status"])
    script.accept(12, rank: 1, id: "generated")
    script.say(20, "And?")
    script.show(21, templates: ["generated"], generated: true)
    script.accept(22, rank: 1, id: "generated")
    script.say(30, "Thanks")
    script.show(31, templates: ["generated"], generated: true)
    script.edit(32, rank: 2, id: "generated")
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SessionStore(path: directory.path("sessions.sqlite"))
    try store.record(contentsOf: script.events)
    let row = try #require(try store.stats().first)
    #expect(row.sources.template.accepted == 2 && row.sources.template.edited == 0)
    #expect(row.sources.generated.accepted == 0 && row.sources.generated.edited == 1)
    #expect(row.sources.template.shownSuggestions == 4 && row.sources.generated.shownSuggestions == 2)
  }

  @Test func compactListsSkipMalformedEntries() {
    let shown = ShownEntry.parse(
      "1\u{1F}t\u{1F}generated\u{1E}2\u{1F}g\u{1F}generated\u{1E}bad\u{1E}3\u{1F}t")
    #expect(
      shown == [
        ShownEntry(rank: 1, origin: .template, suggestionID: "generated"),
        ShownEntry(rank: 2, origin: .generated, suggestionID: "generated"),
      ])
    #expect(LastShownList.mixed(shown).origin(generatedID: true, rank: 1) == .template)
    #expect(LastShownList.mixed(shown).origin(generatedID: true, rank: 2) == .generated)
    #expect(LastShownList.none.origin(generatedID: true, rank: 5) == .generated)
    #expect(LastShownList.none.origin(generatedID: false, rank: 1) == .template)
  }
}
