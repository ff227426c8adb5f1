import Foundation
import PostgresNIO
import ReplyDeskCore
import ReplyDeskStore

/// The session store on a PostgreSQL server, shared by a team's consoles.
///
/// The same concepts as the SQLite `SessionStore`: `record` returns only after COMMIT (it waits
/// from the caller's thread), the event log is append-only (the database refuses UPDATE and
/// DELETE), migrations are versioned, search is full-text, and statistics are folded by the same
/// Swift code. Storing an event that is already there adds nothing, so replays never duplicate.
public final class PostgresSessionStore: SessionStoring {
  let link: PostgresLink
  /// Recorded as the owner of every session this store starts.
  let owner: ProcessIdentity

  /// The database URL, without a password.
  public var location: String { link.address.description }

  /// Connects to `address` and, for `.readWrite`, creates or upgrades the schema; a read-only
  /// open needs a store at the current version. With `connectingLater`, a writer whose server
  /// cannot be reached opens all the same (a console starting while the server is away, behind
  /// its outbox) and brings the schema up to date on its first connection.
  public convenience init(
    address: PostgresAddress, password: String?, mode: SessionStore.AccessMode, connectingLater: Bool = false
  ) throws {
    try self.init(
      address: address, password: password, mode: mode, owner: .current, connectingLater: connectingLater)
  }

  /// Opens the store as `owner` (tests pretend to be another process).
  package init(
    address: PostgresAddress, password: String?, mode: SessionStore.AccessMode, owner: ProcessIdentity,
    connectingLater: Bool = false
  ) throws {
    link = try PostgresLink(address: address, password: password)
    self.owner = owner
    guard mode == .readWrite else {
      let version = try link.withSession { try PostgresSchema.version(in: $0) }
      guard version == PostgresSchema.currentVersion else {
        throw StoreError.readFailed(
          path: address.description,
          detail: version == 0
            ? "no session store there yet; run replydesk store init"
            : "the store needs an upgrade; open it for writing once")
      }
      return
    }
    link.prepareOnFirstUse(PostgresSchema.migrate(in:))
    do {
      try link.withSession { _ in }
    } catch StoreError.unreachable where connectingLater {
      // The outbox takes the events until the server answers; the schema is checked then.
    }
  }

  /// Sets how long a statement may go unanswered before the connection counts as lost and the
  /// call fails as unreachable (30 s unless set; a console's outbox wants a few seconds).
  public func answer(within seconds: TimeInterval) {
    link.answer(within: seconds)
  }

  public func record(contentsOf events: [SessionEvent]) throws {
    _ = try store(events)
  }

  /// Stores `events` in one transaction and returns how many were new (the rest were there).
  /// Every event is one statement, and events between starts and ends go in runs, one statement
  /// each; a single event needs no BEGIN and COMMIT (the statement is its own transaction: one
  /// round trip, not three).
  public func store(_ events: [SessionEvent]) throws -> Int {
    if events.count == 1, let event = events.first {
      return try link.withSession { try Self.append(event, owner: owner, in: $0) ? 1 : 0 }
    }
    return try link.transaction { session in
      var added = 0
      var run: [SessionEvent] = []
      for event in events {
        if Self.isPlainInsert(event.kind) {
          run.append(event)
          continue
        }
        if !run.isEmpty { added += try Self.appendRun(run, in: session) }
        run = []
        added += try Self.append(event, owner: owner, in: session) ? 1 : 0
      }
      if !run.isEmpty { added += try Self.appendRun(run, in: session) }
      return added
    }
  }

  public func events(of chat: ChatID) throws -> [SessionEvent] {
    let rows = try link.withSession { session -> [PostgresRow]? in
      let exists = try session.query("SELECT 1 FROM session WHERE id = \(chat.rawValue)")
      guard !exists.isEmpty else { return nil }
      return try session.query(
        "SELECT time, kind, payload FROM event WHERE session_id = \(chat.rawValue) ORDER BY id")
    }
    guard let rows else { throw StoreError.unknownSession(chat.rawValue) }
    let decoder = JSONDecoder()
    do {
      return try rows.compactMap { row in
        let (time, kind, payload) = try row.decode((Double, String, String).self)
        // Kinds a newer version added are left out, so an older reader still shows the rest.
        guard EventColumns.knownKinds.contains(kind) else { return nil }
        return SessionEvent(
          chat: chat, time: Date(timeIntervalSinceReferenceDate: time),
          kind: try EventCoding.decode(payload, using: decoder))
      }
    } catch {
      throw StoreError.corrupt(
        path: location, detail: "an event of session \(chat) cannot be decoded: \(error)")
    }
  }

  /// True for kinds that are an `event` row and nothing else (a start adds the session, an end
  /// closes it).
  private static func isPlainInsert(_ kind: SessionEventKind) -> Bool {
    switch kind {
    case .started, .ended: return false
    default: return true
    }
  }

  /// What an event's stable id (`event_id`, its MD5 as a uuid) is computed from: the chat, the
  /// exact time and the payload.
  static func identity(of event: SessionEvent, payload: String) -> String {
    "\(event.chat.rawValue)\u{1F}\(event.time.timeIntervalSinceReferenceDate.bitPattern)\u{1F}\(payload)"
  }

  /// Appends one event unless the store holds it already, in one prepared statement (see
  /// `EventStatements`); true when it was added.
  static func append(_ event: SessionEvent, owner: ProcessIdentity, in session: PostgresSession) throws
    -> Bool
  {
    try SessionEventRules.validate(event)
    let id = event.chat.rawValue
    let columns = try EventColumns(event.kind)
    let identity = identity(of: event, payload: columns.payload)
    let time = event.time.timeIntervalSinceReferenceDate
    let added: [Int32]
    switch event.kind {
    case .started(let representative, let customer, let channel):
      added = try session.execute(
        EventStatements.Start(
          identity: identity, chat: id, representative: representative, customer: customer, channel: channel,
          time: time, owner: owner, payload: columns.payload))
      guard added.first ?? 0 >= 0 else { throw StoreError.invalidEvent("session \(id) has already started") }
    case .ended(let outcome):
      added = try session.execute(
        EventStatements.End(
          identity: identity, chat: id, time: time, payload: columns.payload, outcome: outcome.rawValue))
    default:
      added = try session.execute(
        EventStatements.Insert(identity: identity, chat: id, time: time, columns: columns))
    }
    return added.first ?? 0 > 0
  }
}
