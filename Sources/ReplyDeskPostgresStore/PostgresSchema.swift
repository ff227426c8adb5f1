import PostgresNIO
import ReplyDeskStore

/// The PostgreSQL store's tables, created and upgraded by numbered steps recorded in
/// `schema_version`. Each step runs in its own transaction holding an advisory lock, so consoles
/// that open a new or older store at the same moment take turns and no step runs twice.
///
/// - `session`, `session_owner`: as in the SQLite store (one row per chat; the process that
///   started it).
/// - `event`: the append-only log; a trigger refuses UPDATE, DELETE and TRUNCATE. `event_id` is
///   derived from the event itself (chat, exact time, payload), so storing an event again — a
///   replayed outbox, a second `store migrate` — adds nothing. `search` is a `tsvector` of the
///   turn text with a GIN index, for `sessions --search`.
/// - version 2: a trigger that notifies `replydesk_event` of every new event (see
///   `PostgresSchema+Notify.swift`), which the supervisor's floor listens on.
/// - version 3: the trigger notifies only a session's start and end and an escalation.
/// - version 4: `replydesk_start_session`, so a start is one statement (`PostgresSchema+Start.swift`).
enum PostgresSchema {
  static let currentVersion = 4
  /// The advisory lock key migrations hold ("replydesk" in ASCII, folded into 63 bits).
  static let lockKey: Int64 = 0x7265_706C_7964_6573

  /// The steps, in order: step n brings the schema to version n.
  static let steps: [[String]] = [version1, version2, version3, version4]

  /// The version the store is at: 0 when it has no tables yet.
  static func version(in session: PostgresSession) throws -> Int {
    let exists = try session.query("SELECT to_regclass('schema_version') IS NOT NULL")
    guard let row = exists.first, try row.decode(Bool.self) else { return 0 }
    let rows = try session.query("SELECT coalesce(max(version), 0) FROM schema_version")
    return try rows.first?.decode(Int.self) ?? 0
  }

  /// Applies every missing step in `session`; a store newer than this build is refused.
  static func migrate(in session: PostgresSession) throws {
    let found = try version(in: session)
    if found > currentVersion {
      throw StoreError.newerSchema(path: session.location, found: found, supported: currentVersion)
    }
    guard found < currentVersion else { return }
    for (index, step) in steps.enumerated() {
      try session.transaction { session in
        try session.query("SELECT pg_advisory_xact_lock(\(lockKey))")
        try session.execute("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY)")
        guard try version(in: session) < index + 1 else { return }
        try session.execute(step)
        try session.query("INSERT INTO schema_version (version) VALUES (\(index + 1))")
      }
    }
  }

  private static let version1 = [
    """
    CREATE TABLE session (
      id text PRIMARY KEY,
      representative text NOT NULL,
      customer_id text NOT NULL,
      customer_name text NOT NULL,
      channel text NOT NULL,
      started_at double precision NOT NULL,
      ended_at double precision,
      outcome text
    )
    """,
    "CREATE INDEX session_started_at ON session (started_at)",
    "CREATE INDEX session_representative ON session (representative)",
    """
    CREATE TABLE session_owner (
      session_id text PRIMARY KEY REFERENCES session (id),
      host text NOT NULL,
      pid integer NOT NULL,
      start_token text NOT NULL
    )
    """,
    """
    CREATE TABLE event (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE,
      session_id text NOT NULL REFERENCES session (id),
      time double precision NOT NULL,
      kind text NOT NULL,
      decision text,
      rank integer,
      text text,
      payload text NOT NULL,
      search tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(text, ''))) STORED
    )
    """,
    "CREATE INDEX event_session ON event (session_id, id)",
    "CREATE INDEX event_search ON event USING gin (search)",
    """
    CREATE FUNCTION replydesk_refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'session events are append-only';
      END
    $$
    """,
    """
    CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON event
      FOR EACH ROW EXECUTE FUNCTION replydesk_refuse_event_change()
    """,
    """
    CREATE TRIGGER event_no_truncate BEFORE TRUNCATE ON event
      FOR EACH STATEMENT EXECUTE FUNCTION replydesk_refuse_event_change()
    """,
  ]
}
