import Foundation
import GRDB
import ReplyDeskCore
import Testing

@testable import ReplyDeskStore

/// Customer ratings: stored as events (even after the chat ended), reported as CSAT beside
/// acceptance, shown in transcripts; event kinds from a newer version do not break reading.
@Suite struct RatingStatsTests {
  private static let base = Date(timeIntervalSinceReferenceDate: 800_000_000)

  /// A resolved session of `rep`, rated `score` after it ended when `score` is given.
  private func session(_ id: String, rep: String, score: Int?) -> [SessionEvent] {
    var script = ChatScript(id, base: Self.base)
    script.start(rep: rep, customer: "c-\(id)", channel: "live")
    script.say(5, "Where is my parcel?")
    script.accept(10, rank: 1)
    script.end(20, .resolved)
    if let score { script.add(30, .rating(score: score, comment: score < 3 ? "slow" : nil)) }
    return script.events
  }

  private func store(_ directory: TemporaryDirectory) throws -> SessionStore {
    let store = try SessionStore(path: directory.path("sessions.sqlite"))
    let sessions = [
      session("a", rep: "ana", score: 5), session("b", rep: "ana", score: 4),
      session("c", rep: "ben", score: 2),
      session("d", rep: "ben", score: nil),
    ]
    for events in sessions { try store.record(contentsOf: events) }
    return store
  }

  @Test func csatIsTheMeanRatingAndTheShareOfFourAndFive() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let all = try #require(try store(directory).stats().first)
    #expect(all.ratedSessions == 3)
    #expect(all.meanRating == 11.0 / 3)
    #expect(all.satisfiedRate == 2.0 / 3)
    #expect(all.top1AcceptanceRate == 1)
  }

  @Test func csatSplitsByRepresentative() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let rows = try store(directory).stats(by: .rep)
    #expect(rows.map(\.group) == ["ana", "ben"])
    #expect(rows.map(\.ratedSessions) == [2, 1])
    #expect(rows.map(\.meanRating) == [4.5, 2])
    #expect(rows.map(\.satisfiedRate) == [1, 0])
  }

  @Test func aRatingAfterTheEndIsKeptAndOffTheScaleIsRefused() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try store(directory)
    let events = try store.events(of: ChatID("c"))
    #expect(events.last?.kind == .rating(score: 2, comment: "slow"))
    #expect(try store.session(ChatID("c")).outcome == .resolved)
    #expect(throws: StoreError.self) {
      try store.record(
        SessionEvent(chat: ChatID("d"), time: Self.base, kind: .rating(score: 6, comment: nil)))
    }
  }

  @Test func transcriptsShowTheRatingAndTheEscalationAsTheSystemNotTheAgent() throws {
    let rating = try #require(TranscriptFormatter.describe(.rating(score: 4, comment: "kind")))
    #expect(rating.speaker == "customer rating")
    #expect(rating.text == "4/5: kind")
    let escalation = try #require(
      TranscriptFormatter.describe(
        .decision(decision: .escalated(reason: "Suspected fraud", note: "two cards"), responseSeconds: 3)))
    #expect(!escalation.speaker.hasPrefix("agent"))
    #expect(escalation.speaker == "system [escalated, 3.0s]")
    #expect(escalation.text == "The representative handed the chat over (Suspected fraud); note: two cards")
  }

  @Test func anEventKindFromANewerVersionIsSkippedNotFatal() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try store(directory)
    try store.pool.write { db in
      try db.execute(
        sql: "INSERT INTO event (sessionID, time, kind, payload) VALUES ('a', 0, 'survey', ?)",
        arguments: [#"{"survey":{"answers":[1,2]}}"#])
    }
    let kinds = try store.events(of: ChatID("a")).map(\.kind)
    #expect(kinds.count == 5)
    #expect(kinds.last == .rating(score: 5, comment: nil))
  }
}
