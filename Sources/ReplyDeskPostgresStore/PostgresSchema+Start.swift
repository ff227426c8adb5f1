extension PostgresSchema {
  /// Version 4: `replydesk_start_session`, which stores a session's start (its `session` and
  /// `session_owner` rows and its `started` event) in one statement: 0 when the event is there
  /// already, -1 when another start holds the session id, 1 when it was added. A function and
  /// not one INSERT with CTEs because each of its statements sees the rows the one before added,
  /// which the row-level security checks on `session_owner` and `event` need.
  static let version4 = [
    """
    CREATE FUNCTION replydesk_start_session(
      new_event_id uuid, new_session_id text, new_representative text, new_customer_id text,
      new_customer_name text, new_channel text, new_time double precision, new_host text, new_pid integer,
      new_start_token text, new_payload text
    ) RETURNS integer LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM event WHERE event_id = new_event_id) THEN RETURN 0; END IF;
        INSERT INTO session (id, representative, customer_id, customer_name, channel, started_at)
          VALUES (new_session_id, new_representative, new_customer_id, new_customer_name, new_channel, new_time)
          ON CONFLICT (id) DO NOTHING;
        IF NOT FOUND THEN RETURN -1; END IF;
        INSERT INTO session_owner (session_id, host, pid, start_token)
          VALUES (new_session_id, new_host, new_pid, new_start_token);
        INSERT INTO event (event_id, session_id, time, kind, payload)
          VALUES (new_event_id, new_session_id, new_time, 'started', new_payload);
        RETURN 1;
      END
    $$
    """
  ]
}
