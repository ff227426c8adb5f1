import Foundation
import ReplyDeskCore

/// Five sessions whose statistics were worked out by hand (see `SessionStatsTests`).
///
/// - A (ana, refund, customer c1, day 1): two customer turns (the second is two messages), answered
///   by accepted #1 and accepted #3; first response 6 s; resolved after 100 s.
/// - B (ana, delivery, c2, day 1): edited #2 and a written reply; first response 20 s; resolved, 300 s.
/// - C (ben, refund, c1, day 1): starts one hour after A ended (so A is not automated); escalated
///   after 30 s; ended escalated at 100 s.
/// - D (ben, refund, c3, day 3): accepted #1 after 4 s; resolved at 60 s; automated.
/// - E (ben, refund, c4, day 3): one customer message, still open.
///
/// Resolved intents: A's first turn refund_status (its second turn's delivery_status does not
/// count), B delivery_status, C refund_status; D and E have none.
enum StatsFixture {
  static let day = 86_400.0

  static var sessions: [[SessionEvent]] {
    var a = ChatScript("A", base: Fixture.base)
    a.start(rep: "ana", customer: "c1", channel: "refund")
    a.say(10, "Where is my refund?")
    a.add(11, .intentResolved(intent: "refund_status"))
    a.accept(16, rank: 1)
    a.say(30, "It is late.")
    a.say(35, "Very late.")
    a.add(36, .intentResolved(intent: "delivery_status"))
    a.accept(45, rank: 3)
    a.accept(50, rank: 1)
    a.end(100, .resolved)

    var b = ChatScript("B", base: Fixture.base.addingTimeInterval(1_000))
    b.start(rep: "ana", customer: "c2", channel: "delivery")
    b.say(10, "My parcel is missing")
    b.add(11, .intentResolved(intent: "delivery_status"))
    b.edit(30, rank: 2, from: "It is on its way.", to: "It is on its way, sorry.")
    b.say(50, "When?")
    b.write(60, "Tomorrow before noon.")
    b.end(300, .resolved)

    var c = ChatScript("C", base: Fixture.base.addingTimeInterval(100 + 3_600))
    c.start(rep: "ben", customer: "c1", channel: "refund")
    c.say(10, "Still no refund!")
    c.add(11, .intentResolved(intent: "refund_status"))
    c.escalate(40, reason: "billing")
    c.end(100, .escalated)

    var d = ChatScript("D", base: Fixture.base.addingTimeInterval(2 * day))
    d.start(rep: "ben", customer: "c3", channel: "refund")
    d.say(10, "Refund status please")
    d.accept(14, rank: 1)
    d.end(60, .resolved)

    var e = ChatScript("E", base: Fixture.base.addingTimeInterval(2 * day + 100))
    e.start(rep: "ben", customer: "c4", channel: "refund")
    e.say(10, "Hello?")

    return [a.events, b.events, c.events, d.events, e.events]
  }
}
