extension PostgresSchema {
  /// The channel every new event is announced on, with its session id as the payload.
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
}
