import Foundation
import ReplyDeskCore

@testable import ReplyDeskStore

/// A morning on the floor, read at 11:00 UTC (`now`): ana has two open chats (a1 waits since
/// 10:01:00, a2 was answered), ben one whose customer wrote in the queue at 10:49:30 before he
/// took it at 10:50, c1 escalated at 09:30 and d1 at 10:21 (both ended), a practice chat is open,
/// and y1 was yesterday. Today: 6 customer turns, one answered by suggestion 1, one by suggestion 3.
enum FloorFixture {
  static let now = Fixture.base.addingTimeInterval(2 * 3600)
  static let utc = TimeZone(identifier: "UTC")!

  static var sessions: [[SessionEvent]] {
    var a1 = ChatScript("a1", base: Fixture.base)
    a1.add(3600, .started(representative: "ana", customer: Fixture.customer("c-a1"), channel: "live"))
    a1.say(3605, "Where is my parcel?")
    a1.accept(3620, rank: 1)
    a1.say(3660, "Still nothing.")
    var a2 = ChatScript("a2", base: Fixture.base)
    a2.add(5400, .started(representative: "ana", customer: Fixture.customer("c-a2"), channel: "live"))
    a2.say(5410, "Can I change my address?")
    a2.accept(5440, rank: 3)
    var b1 = ChatScript("b1", base: Fixture.base)
    b1.add(6600, .started(representative: "ben", customer: Fixture.customer("c-b1"), channel: "live"))
    b1.say(6570, "Hello, anyone?")
    var c1 = ChatScript("c1", base: Fixture.base)
    c1.add(600, .started(representative: "ben", customer: Fixture.customer("c-c1"), channel: "live"))
    c1.say(610, "I want a refund now.")
    c1.escalate(1800, reason: "refund dispute")
    c1.end(1860, .escalated)
    var d1 = ChatScript("d1", base: Fixture.base)
    d1.add(4800, .started(representative: "cy", customer: Fixture.customer("c-d1"), channel: "live"))
    d1.say(4805, "This is the third time.")
    d1.escalate(4860, reason: "complaint")
    d1.end(4920, .escalated)
    var p1 = ChatScript("p1", base: Fixture.base)
    p1.add(3000, .started(representative: "tia", customer: Fixture.customer("c-p1"), channel: "practice"))
    p1.say(3010, "Practice question")
    var y1 = ChatScript("y1", base: Fixture.base.addingTimeInterval(-86_400))
    y1.start(rep: "ana", customer: "c-y1", channel: "live")
    y1.say(5, "Yesterday's question")
    y1.accept(9, rank: 1)
    y1.escalate(20, reason: "yesterday")
    y1.end(30, .escalated)
    return [y1.events, c1.events, p1.events, a1.events, d1.events, a2.events, b1.events]
  }

  /// The rows a store's floor read gives for `sessions`, built from the events directly.
  static func records(_ sessions: [[SessionEvent]]) throws -> FloorRecords {
    var rows: [FloorSessionRow] = []
    var events: [FloorEventRow] = []
    for session in sessions {
      guard case .started(let representative, let customer, let channel)? = session.first?.kind else {
        continue
      }
      var end: (Date, SessionOutcome)?
      for event in session {
        if case .ended(let outcome) = event.kind { end = (event.time, outcome) }
        let columns = try EventColumns(event.kind)
        guard FloorEventRow.kinds.contains(columns.kind) else { continue }
        events.append(
          FloorEventRow(
            sessionID: event.chat.rawValue, time: event.time, kind: columns.kind, decision: columns.decision,
            rank: columns.rank, payload: columns.kind == "practiceScore" ? columns.payload : nil))
      }
      rows.append(
        FloorSessionRow(
          id: session[0].chat.rawValue, representative: representative, customerName: customer.fullName,
          channel: channel, startedAt: session[0].time, endedAt: end?.0, outcome: end?.1))
    }
    return FloorRecords(sessions: rows, events: events)
  }
}
