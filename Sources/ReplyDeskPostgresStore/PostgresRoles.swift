import PostgresNIO
import ReplyDeskStore

/// The two group roles a team store grants its logins, enforced by the database itself with
/// row-level security: `replydesk_rep` writes and reads only sessions whose representative is
/// its login (`current_user`); `replydesk_supervisor` reads every session and may add only QA
/// notes. No role may UPDATE or DELETE an event (the trigger refuses even the owner).
public enum PostgresRoles {
  public static let representative = "replydesk_rep"
  public static let supervisor = "replydesk_supervisor"

  /// Creates (or brings up to date) the schema, the two roles, their grants and policies; run
  /// by the database's owner, as often as wanted.
  public static func initialize(_ store: PostgresSessionStore) throws {
    try store.link.transaction { session in
      try session.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.lockKey))")
      try session.execute(setup)
    }
  }

  private static let setup = [
    """
    DO $$ BEGIN
      BEGIN CREATE ROLE \(representative) NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
      BEGIN CREATE ROLE \(supervisor) NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
    END $$
    """,
    "REVOKE ALL ON schema_version, session, session_owner, event FROM PUBLIC",
    "GRANT SELECT ON schema_version TO \(representative), \(supervisor)",
    "GRANT SELECT, INSERT ON session, session_owner, event TO \(representative)",
    "GRANT UPDATE (ended_at, outcome) ON session TO \(representative)",
    "GRANT SELECT ON session, session_owner, event TO \(supervisor)",
    "GRANT INSERT ON event TO \(supervisor)",
    "ALTER TABLE session ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE session_owner ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE event ENABLE ROW LEVEL SECURITY",
    "DROP POLICY IF EXISTS rep_sessions ON session",
    """
    CREATE POLICY rep_sessions ON session TO \(representative)
      USING (representative = current_user) WITH CHECK (representative = current_user)
    """,
    "DROP POLICY IF EXISTS supervisor_sessions ON session",
    "CREATE POLICY supervisor_sessions ON session FOR SELECT TO \(supervisor) USING (true)",
    "DROP POLICY IF EXISTS rep_owners ON session_owner",
    """
    CREATE POLICY rep_owners ON session_owner TO \(representative)
      USING (EXISTS (SELECT 1 FROM session s WHERE s.id = session_owner.session_id))
      WITH CHECK (EXISTS (SELECT 1 FROM session s WHERE s.id = session_owner.session_id))
    """,
    "DROP POLICY IF EXISTS supervisor_owners ON session_owner",
    "CREATE POLICY supervisor_owners ON session_owner FOR SELECT TO \(supervisor) USING (true)",
    "DROP POLICY IF EXISTS rep_events_read ON event",
    """
    CREATE POLICY rep_events_read ON event FOR SELECT TO \(representative)
      USING (EXISTS (SELECT 1 FROM session s WHERE s.id = event.session_id))
    """,
    "DROP POLICY IF EXISTS rep_events_insert ON event",
    """
    CREATE POLICY rep_events_insert ON event FOR INSERT TO \(representative)
      WITH CHECK (EXISTS (SELECT 1 FROM session s WHERE s.id = event.session_id))
    """,
    "DROP POLICY IF EXISTS supervisor_events_read ON event",
    "CREATE POLICY supervisor_events_read ON event FOR SELECT TO \(supervisor) USING (true)",
    "DROP POLICY IF EXISTS supervisor_notes ON event",
    "CREATE POLICY supervisor_notes ON event FOR INSERT TO \(supervisor) WITH CHECK (kind = 'qaNote')",
  ]
}

/// What `store migrate` did: sessions and events copied, and those the target already held.
public struct StoreCopyCounts: Equatable, Sendable {
  public var sessionsCopied = 0
  public var sessionsPresent = 0
  public var eventsCopied = 0
  public var eventsPresent = 0

  public init() {}
}

extension PostgresSessionStore {
  /// Copies every session of `source` with all its events, one transaction per session; events
  /// the store holds already are counted, not copied again.
  public func copy(from source: any SessionStoring) throws -> StoreCopyCounts {
    var counts = StoreCopyCounts()
    for summary in try source.sessions(matching: SessionFilter()).reversed() {
      let events = try source.events(of: summary.id)
      let added = try store(events)
      if added > 0 { counts.sessionsCopied += 1 } else { counts.sessionsPresent += 1 }
      counts.eventsCopied += added
      counts.eventsPresent += events.count - added
    }
    return counts
  }
}
