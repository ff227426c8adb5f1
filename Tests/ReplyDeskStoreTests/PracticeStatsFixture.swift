import Foundation
import ReplyDeskCore

/// Practice chats beside a demo and a live chat, with figures worked out by hand (see
/// `PracticeStatsTests`).
///
/// - P1 (tia, practice, suggestions shown): two customer turns, accepted #1 then written, both after a
///   list; scored: handle 120 s, first response 8 s, agreed with the ranker once of twice, one slip.
/// - P2 (tia, practice, suggestions hidden): one customer turn after a silent list, written; scored:
///   handle 200 s, first response 20 s, agreed 0 of 1, two slips.
/// - U1 (uma, practice, shown): one customer turn after a list, edited #2; scored: handle 90 s, no
///   first response figure, agreed 0 of 1, no slips.
/// - U2 (uma, practice): one customer message, no scorecard.
/// - D1 (ana, demo) and L1 (ana, live): one customer turn each, accepted #1 after a list.
enum PracticeStatsFixture {
  static let verify = "verify_identity_before: cancel"
  static let anythingElse = "ask_anything_else_before_closing"

  static func score(
    hidden: Bool = false, handle: Double, first: Double?, accepted: Int = 0, edited: Int = 0,
    written: Int = 0,
    ranked: Int, agreed: Int, slips: [String] = []
  ) -> PracticeScore {
    PracticeScore(
      scenario: "cancel", suggestionsHidden: hidden, handleSeconds: handle, firstResponseSeconds: first,
      accepted: accepted, edited: edited, written: written, escalated: 0, rankedDecisions: ranked,
      agreedWithRanker: agreed, policySlips: slips)
  }

  static var sessions: [[SessionEvent]] {
    var p1 = ChatScript("P1", base: Fixture.base)
    p1.start(rep: "tia", customer: "c1", channel: "practice")
    p1.say(2, "Cancel my order")
    p1.show(3, templates: ["a", "b"])
    p1.accept(10, rank: 1)
    p1.say(20, "Thanks, and the refund?")
    p1.show(21, templates: ["c"])
    p1.write(40, "It is on its way.")
    p1.end(120, .resolved)
    p1.add(
      121,
      .practiceScore(
        score: score(handle: 120, first: 8, accepted: 1, written: 1, ranked: 2, agreed: 1, slips: [verify])))

    var p2 = ChatScript("P2", base: Fixture.base.addingTimeInterval(1_000))
    p2.start(rep: "tia", customer: "c2", channel: "practice")
    p2.say(5, "Cancel it")
    p2.show(6, templates: ["a", "b", "c"])
    p2.write(25, "Done, bye.")
    p2.end(200, .resolved)
    p2.add(
      201,
      .practiceScore(
        score: score(
          hidden: true, handle: 200, first: 20, written: 1, ranked: 1, agreed: 0,
          slips: [verify, anythingElse])))

    var u1 = ChatScript("U1", base: Fixture.base.addingTimeInterval(2_000))
    u1.start(rep: "uma", customer: "c3", channel: "practice")
    u1.say(5, "Where is my parcel?")
    u1.show(6, templates: ["a", "b"])
    u1.edit(15, rank: 2, from: "On its way.", to: "On its way, sorry.")
    u1.end(90, .resolved)
    u1.add(91, .practiceScore(score: score(handle: 90, first: nil, edited: 1, ranked: 1, agreed: 0)))

    var u2 = ChatScript("U2", base: Fixture.base.addingTimeInterval(3_000))
    u2.start(rep: "uma", customer: "c4", channel: "practice")
    u2.say(5, "Hello?")

    return [
      p1.events, p2.events, u1.events, u2.events, answered("D1", channel: "demo"),
      answered("L1", channel: "live"),
    ]
  }

  private static func answered(_ id: String, channel: String) -> [SessionEvent] {
    var script = ChatScript(id, base: Fixture.base.addingTimeInterval(5_000))
    script.start(rep: "ana", customer: "c-\(id)", channel: channel)
    script.say(5, "Refund status?")
    script.show(6, templates: ["a"])
    script.accept(9, rank: 1)
    script.end(30, .resolved)
    return script.events
  }
}
