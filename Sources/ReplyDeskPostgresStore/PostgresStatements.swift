import Foundation
import PostgresNIO
import ReplyDeskCore
import ReplyDeskStore

/// The three statements that append one event, prepared once per connection (the server parses
/// and plans each once instead of on every event). Each answers one row, `1`, when it added the
/// event; a start answers 0 when its event is there already and -1 when another start holds the
/// session id.
enum EventStatements {
  /// Any event that is an `event` row and nothing else.
  struct Insert: PostgresPreparedStatement {
    static let name = "replydesk_insert_event"
    static let sql = """
      INSERT INTO event (event_id, session_id, time, kind, decision, rank, text, payload)
      VALUES (md5($1)::uuid, $2, $3, $4, $5, $6, $7, $8)
      ON CONFLICT (event_id) DO NOTHING RETURNING 1
      """
    static let bindingDataTypes: [PostgresDataType] = [
      .text, .text, .float8, .text, .text, .int4, .text, .text,
    ]

    var identity: String
    var chat: String
    var time: Double
    var columns: EventColumns

    func makeBindings() throws -> PostgresBindings {
      var bindings = PostgresBindings(capacity: 8)
      bindings.append(identity)
      bindings.append(chat)
      bindings.append(time)
      bindings.append(columns.kind)
      bindings.append(columns.decision)
      bindings.append(columns.rank.map(Int32.init))
      bindings.append(columns.text)
      bindings.append(columns.payload)
      return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Int32 { try row.decode(Int32.self) }
  }

  /// A start: the session, its owner and the `started` event (schema version 4's function).
  struct Start: PostgresPreparedStatement {
    static let name = "replydesk_start_session"
    static let sql = "SELECT replydesk_start_session(md5($1)::uuid, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
    static let bindingDataTypes: [PostgresDataType] = [
      .text, .text, .text, .text, .text, .text, .float8, .text, .int4, .text, .text,
    ]

    var identity: String
    var chat: String
    var representative: String
    var customer: CustomerProfile
    var channel: String
    var time: Double
    var owner: ProcessIdentity
    var payload: String

    func makeBindings() throws -> PostgresBindings {
      var bindings = PostgresBindings(capacity: 11)
      for text in [identity, chat, representative, customer.id, customer.fullName, channel] {
        bindings.append(text)
      }
      bindings.append(time)
      bindings.append(owner.host)
      bindings.append(owner.pid)
      bindings.append(owner.startToken)
      bindings.append(payload)
      return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Int32 { try row.decode(Int32.self) }
  }

  /// An end: its event and, only when that was new, the session's end and outcome.
  struct End: PostgresPreparedStatement {
    static let name = "replydesk_end_session"
    static let sql = """
      WITH added AS (
        INSERT INTO event (event_id, session_id, time, kind, payload)
        VALUES (md5($1)::uuid, $2, $3, 'ended', $4)
        ON CONFLICT (event_id) DO NOTHING RETURNING session_id
      )
      UPDATE session SET ended_at = $3, outcome = $5 WHERE id IN (SELECT session_id FROM added) RETURNING 1
      """
    static let bindingDataTypes: [PostgresDataType] = [.text, .text, .float8, .text, .text]

    var identity: String
    var chat: String
    var time: Double
    var payload: String
    var outcome: String

    func makeBindings() throws -> PostgresBindings {
      var bindings = PostgresBindings(capacity: 5)
      bindings.append(identity)
      bindings.append(chat)
      bindings.append(time)
      bindings.append(payload)
      bindings.append(outcome)
      return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Int32 { try row.decode(Int32.self) }
  }
}
