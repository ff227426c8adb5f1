import Foundation

/// Where the session store is: an SQLite file (a path, or `sqlite:PATH`) or a PostgreSQL
/// database (`postgres://user@host:port/db`). A URL may not carry a password: it would show in
/// shell history and process lists; the password comes from the environment or a file.
public enum StoreLocation: Equatable, Sendable, CustomStringConvertible {
  case sqlite(path: String)
  case postgres(PostgresAddress)

  /// Parses a `--store` value or a `store:` setting; `environment` supplies the default user.
  public init(parsing text: String, environment: [String: String] = ProcessInfo.processInfo.environment)
    throws(StoreLocationError)
  {
    if text.hasPrefix("sqlite:") {
      let path = String(text.dropFirst("sqlite:".count))
      guard !path.isEmpty else { throw StoreLocationError(text: text, reason: "sqlite: needs a file path") }
      self = .sqlite(path: path)
    } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
      self = .postgres(try PostgresAddress(url: text, environment: environment))
    } else if text.contains("://") {
      throw StoreLocationError(
        text: text, reason: "only sqlite:PATH and postgres://user@host:port/db stores are supported")
    } else {
      self = .sqlite(path: text)
    }
  }

  public var description: String {
    switch self {
    case .sqlite(let path): return path
    case .postgres(let address): return address.description
    }
  }
}

/// A PostgreSQL database as a URL names it, without a password.
public struct PostgresAddress: Equatable, Sendable, CustomStringConvertible {
  public var user: String
  public var host: String
  public var port: Int
  public var database: String

  public init(user: String, host: String, port: Int = 5432, database: String) {
    self.user = user
    self.host = host
    self.port = port
    self.database = database
  }

  /// Parses `postgres://user@host:port/db`; the user defaults to `$PGUSER`, then `$USER`, the port
  /// to 5432 and the database to the user's name.
  init(url text: String, environment: [String: String]) throws(StoreLocationError) {
    guard let parts = URLComponents(string: text), let host = parts.host, !host.isEmpty else {
      throw StoreLocationError(text: text, reason: "it is not a URL of the form postgres://user@host:port/db")
    }
    if parts.password != nil {
      throw StoreLocationError(
        text: "postgres://\(parts.user ?? "")@\(host)…",
        reason:
          "a store URL may not contain a password; remove it and set PGPASSWORD, a ~/.pgpass line "
          + "or password_file: in config.yaml instead")
    }
    let user = parts.user ?? environment["PGUSER"] ?? environment["USER"] ?? ""
    guard !user.isEmpty else {
      throw StoreLocationError(text: text, reason: "name the database user, as in postgres://rep@host/db")
    }
    let database = String(parts.path.drop { $0 == "/" })
    self.init(user: user, host: host, port: parts.port ?? 5432, database: database.isEmpty ? user : database)
  }

  /// The same address with another user or database.
  public func with(user: String? = nil, database: String? = nil) -> PostgresAddress {
    PostgresAddress(user: user ?? self.user, host: host, port: port, database: database ?? self.database)
  }

  public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }
}

/// A store location that cannot be used, with why and what to write instead.
public struct StoreLocationError: Error, Equatable, CustomStringConvertible, LocalizedError {
  public var text: String
  public var reason: String

  public var description: String { "The store \(text) cannot be used: \(reason)." }
  public var errorDescription: String? { description }
}
