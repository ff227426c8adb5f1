import Foundation
import ReplyDeskCore

/// Two sessions with template and generated suggestions and autopilot sends, worked out by hand
/// (see `SourceStatsTests`).
///
/// - P (ana, autopilot, customer p1): three customer turns; autopilot sends template #1, the
///   representative accepts the generated #2, autopilot sends template #1; resolved, so automated.
/// - Q (ben, delivery, q1): three customer turns; the generated #3 edited, template #1 edited, a
///   written reply; resolved.
///
/// Templates: 6 lists, 8 suggestions, 2 accepted (both auto-sent), 1 edited.
/// Generated: 6 lists, 6 suggestions, 1 accepted, 1 edited.
enum SourceStatsFixture {
  static var sessions: [[SessionEvent]] {
    var p = ChatScript("P", base: Fixture.base)
    p.start(rep: "ana", customer: "p1", channel: "autopilot")
    p.say(10, "Where is my refund?")
    p.show(11, templates: ["refund.status", "refund.late"], generated: true)
    p.autoSend(12, id: "refund.status")
    p.say(20, "And the shipping fee?")
    p.show(21, templates: ["shipping.fee"], generated: true)
    p.accept(25, rank: 2, id: "generated")
    p.say(30, "Great, bye")
    p.show(31, templates: ["closing.bye"], generated: true)
    p.autoSend(32, id: "closing.bye")
    p.end(40, .resolved)

    var q = ChatScript("Q", base: Fixture.base.addingTimeInterval(1_000))
    q.start(rep: "ben", customer: "q1", channel: "delivery")
    q.say(10, "My parcel is missing")
    q.show(11, templates: ["delivery.late", "delivery.lost"], generated: true)
    q.edit(20, rank: 3, id: "generated")
    q.say(30, "When will it come?")
    q.show(31, templates: ["delivery.when"], generated: true)
    q.edit(40, rank: 1, id: "delivery.when")
    q.say(50, "Fine")
    q.show(51, templates: ["closing.bye"], generated: true)
    q.write(60, "Anything else I can do?")
    q.end(100, .resolved)
    return [p.events, q.events]
  }
}
