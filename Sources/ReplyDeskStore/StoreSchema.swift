import GRDB

/// The store's tables, created and upgraded by `migrate` (user_version is the schema version).
///
/// - `session`: one row per chat, an index over the log (who, whom, which channel, when, outcome).
/// - `event`: the append-only log; triggers refuse every UPDATE and DELETE. `payload` holds the
///   `SessionEventKind` as JSON; `kind`, `decision`, `rank` and `text` are copies for queries.
/// - `eventText`: an FTS5 index over the text of customer messages and sent replies.
/// - `sessionOwner` (version 2): the process that started each session (host, pid, start token), so
///   a later console can close sessions whose process died without ending them.
///
/// A new event kind (such as a customer's `rating`) needs no migration: `kind` is free text and the
/// payload JSON. Readers skip rows of kinds they do not know (`EventColumns.knownKinds`), so a store
/// written by a newer version still reads; a new table or column still needs a new version here.
enum StoreSchema {
  /// The `user_version` written by the newest migration.
  static let currentVersion = 2

  /// Brings the store at `pool` to `currentVersion`. The version is read and every missing step
  /// applied inside one immediate transaction, so consoles creating or upgrading one store at the
  /// same moment take turns instead of applying a step twice.
  static func migrate(_ pool: DatabasePool) throws {
    try pool.writeWithoutTransaction { db in
      try db.inTransaction(.immediate) {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if version < 1 { try createVersion1(db) }
        if version < 2 { try createVersion2(db) }
        return .commit
      }
    }
  }

  private static func createVersion1(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE session (
          id TEXT PRIMARY KEY NOT NULL,
          representative TEXT NOT NULL,
          customerID TEXT NOT NULL,
          customerName TEXT NOT NULL,
          channel TEXT NOT NULL,
          startedAt DOUBLE NOT NULL,
          endedAt DOUBLE,
          outcome TEXT
        );
        CREATE INDEX session_startedAt ON session(startedAt);
        CREATE INDEX session_customer ON session(customerID, startedAt);
        CREATE TABLE event (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          sessionID TEXT NOT NULL REFERENCES session(id),
          time DOUBLE NOT NULL,
          kind TEXT NOT NULL,
          decision TEXT,
          rank INTEGER,
          text TEXT,
          payload TEXT NOT NULL
        );
        CREATE INDEX event_session ON event(sessionID);
        CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event
          BEGIN SELECT RAISE(ABORT, 'session events are append-only'); END;
        CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event
          BEGIN SELECT RAISE(ABORT, 'session events are append-only'); END;
        CREATE VIRTUAL TABLE eventText USING fts5(
          text, content='event', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER event_text_index AFTER INSERT ON event WHEN new.text IS NOT NULL
          BEGIN INSERT INTO eventText(rowid, text) VALUES (new.id, new.text); END;
        """)
    try db.execute(sql: "PRAGMA application_id = \(StoreFileInspector.applicationID)")
    try db.execute(sql: "PRAGMA user_version = 1")
  }

  private static func createVersion2(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE sessionOwner (
          sessionID TEXT PRIMARY KEY NOT NULL REFERENCES session(id),
          host TEXT NOT NULL,
          pid INTEGER NOT NULL,
          startToken TEXT NOT NULL
        );
        """)
    try db.execute(sql: "PRAGMA user_version = 2")
  }
}
