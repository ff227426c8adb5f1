import Foundation
import PostgresNIO
import ReplyDeskCore
import ReplyDeskStore

extension PostgresSessionStore {
  /// The events of `events` the store does not hold, looked up by their stable ids; for fault
  /// tests that check nothing a console recorded was lost.
  public func missing(_ events: [SessionEvent]) throws -> [SessionEvent] {
    var missing: [SessionEvent] = []
    for start in stride(from: 0, to: events.count, by: 1_000) {
      let slice = Array(events[start..<min(start + 1_000, events.count)])
      let identities = try slice.map { Self.identity(of: $0, payload: try EventColumns($0.kind).payload) }
      let rows = try link.withSession { session in
        try session.query(
          """
          SELECT t.n FROM unnest(\(identities)::text[]) WITH ORDINALITY AS t(identity, n)
          WHERE NOT EXISTS (SELECT 1 FROM event WHERE event_id = md5(t.identity)::uuid)
          """)
      }
      missing += try rows.map { slice[Int(try $0.decode(Int64.self)) - 1] }
    }
    return missing
  }

  /// How many events the store holds in sessions whose id starts with `prefix`.
  public func eventCount(inSessionsStartingWith prefix: String) throws -> Int {
    let rows = try link.withSession { session in
      try session.query("SELECT count(*) FROM event WHERE starts_with(session_id, \(prefix))")
    }
    return try rows.first?.decode(Int.self) ?? 0
  }
}
