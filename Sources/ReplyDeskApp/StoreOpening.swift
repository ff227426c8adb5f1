import Foundation
import ReplyDeskCore
import ReplyDeskPostgresStore
import ReplyDeskStore

/// Which session store a command uses and how it opens: `--store LOCATION`, else `store:` in
/// config.yaml, else `$REPLYDESK_HOME/sessions.sqlite`. A location is a file path, `sqlite:PATH`
/// or `postgres://user@host:port/db`; a PostgreSQL password comes from `PGPASSWORD`, the
/// `password_file:` setting or `~/.pgpass` (`PGPASSFILE`), never from the command line.
public struct StoreOpener {
  /// The `--store` value, if given.
  public var override: String?
  public var home = ReplyDeskHome()

  public init(override: String?) {
    self.override = override
  }

  /// The location to open and the configuration it came with.
  public func resolve() throws -> (location: StoreLocation?, configuration: AppConfiguration) {
    let configuration: AppConfiguration
    do {
      configuration = try AppConfiguration.load(
        from: home.directory.appendingPathComponent("config.yaml").path)
    } catch {
      throw CommandFailure(error)
    }
    guard let text = override ?? configuration.store, !text.isEmpty else { return (nil, configuration) }
    return (try StoreLocation(parsing: text), configuration)
  }

  /// Opens the store; read-only commands never create or change an SQLite file. With
  /// `connectingLater`, a PostgreSQL server that cannot be reached yet is no error (a console
  /// records to its outbox until the server answers).
  public func open(_ mode: SessionStore.AccessMode, connectingLater: Bool = false) throws
    -> any SessionStoring
  {
    let (location, configuration) = try resolve()
    switch location {
    case nil:
      if mode == .readWrite { try home.createDirectoryIfNeeded() }
      return try SessionStore(path: home.sessionStoreURL.path, mode: mode)
    case .sqlite(let path):
      return try SessionStore(path: path, mode: mode)
    case .postgres(let address):
      return try Self.openPostgres(
        address, configuration: configuration, mode: mode, connectingLater: connectingLater)
    }
  }

  /// Opens a PostgreSQL store with the password the environment or configuration names.
  public static func openPostgres(
    _ address: PostgresAddress, configuration: AppConfiguration, mode: SessionStore.AccessMode,
    connectingLater: Bool = false
  ) throws -> PostgresSessionStore {
    let password = try PostgresPassword.find(for: address, passwordFile: configuration.passwordFile)
    return try PostgresSessionStore(
      address: address, password: password, mode: mode, connectingLater: connectingLater)
  }

  /// How long a console's store waits for the server's answer to one statement before it takes
  /// the connection as lost and queues in the outbox.
  public static let consoleAnswerSeconds: TimeInterval = 5

  /// `store` as a console records to it: a PostgreSQL store behind this process's local outbox
  /// (which takes over dead consoles' outboxes), so the representative keeps working while the
  /// server is away; an SQLite store as it is.
  public func queueing(_ store: any SessionStoring) throws -> any SessionStoring {
    guard let postgres = store as? PostgresSessionStore else { return store }
    postgres.answer(within: Self.consoleAnswerSeconds)
    try home.createDirectoryIfNeeded()
    return try OutboxSessionStore(primary: store, outboxBase: spillBase(for: store))
  }

  /// Where this process keeps events a store refused: beside an SQLite file, or in the home
  /// directory for a PostgreSQL store.
  public func spillBase(for store: any SessionStoring) -> String {
    if store is SessionStore { return store.location }
    return outboxBase(postgres: store.location)
  }

  /// Where consoles keep the outboxes of the PostgreSQL store at `location`
  /// (`$REPLYDESK_HOME/store-<location>`), found without reaching its server.
  public func outboxBase(postgres location: String) -> String {
    let name = location.map { $0.isLetter || $0.isNumber ? $0 : "-" }
    return home.directory.appendingPathComponent("store-" + String(name)).path
  }
}
