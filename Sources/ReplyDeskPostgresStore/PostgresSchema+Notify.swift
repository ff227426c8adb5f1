extension PostgresSchema {
  /// The channel new events are announced on, with their session id as the payload.
  static let eventChannel = "replydesk_event"

  /// Version 2: after each event insert, `pg_notify` the event channel. A notification is sent
  /// when the inserting transaction commits (once per session and transaction), so a listener
  /// never reads an event before it is committed.
  static let version2 = [
    """
    CREATE FUNCTION replydesk_notify_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('\(eventChannel)', NEW.session_id);
        RETURN NULL;
      END
    $$
    """,
    """
    CREATE TRIGGER event_notify AFTER INSERT ON event
      FOR EACH ROW EXECUTE FUNCTION replydesk_notify_event()
    """,
  ]

  /// Version 3: notify only the events the floor must show at once, a session's start and end
  /// and an escalation. A transaction that notifies takes the server's one notification-queue
  /// lock from before its commit until after it, so commits that notify run one at a time across
  /// every connection (and miss group commit); with every event notifying, 20 consoles committed
  /// about 1,100 events/s. The floor's change feed polls for the other events.
  static let version3 = [
    "DROP TRIGGER event_notify ON event",
    """
    CREATE TRIGGER event_notify AFTER INSERT ON event
      FOR EACH ROW WHEN (NEW.kind IN ('started', 'ended') OR NEW.decision = 'escalated')
      EXECUTE FUNCTION replydesk_notify_event()
    """,
  ]
}
