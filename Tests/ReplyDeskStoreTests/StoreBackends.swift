import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskPostgresStore
@testable import ReplyDeskStore

/// The throwaway PostgreSQL cluster the tests may use, named by `REPLYDESK_TEST_POSTGRES` (a URL
/// whose user may create databases); scripts/with-postgres starts one and sets it.
enum PostgresTestServer {
  static let address: PostgresAddress? = {
    guard let text = ProcessInfo.processInfo.environment["REPLYDESK_TEST_POSTGRES"], !text.isEmpty,
      case .postgres(let address)? = try? StoreLocation(parsing: text)
    else { return nil }
    return address
  }()

  static let skipReason =
    "REPLYDESK_TEST_POSTGRES is unset, so the PostgreSQL store is not tested; run the tests under "
    + "scripts/with-postgres to include it"

  /// Creates an empty database on the test server and returns its address.
  static func createDatabase() throws -> PostgresAddress {
    let admin = try #require(address, Comment(rawValue: skipReason))
    let name = "replydesk_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    try PostgresLink(address: admin, password: nil).withSession { try $0.execute("CREATE DATABASE \(name)") }
    return admin.with(database: name)
  }

  /// Drops a database `createDatabase` made, with whatever connections it still has.
  static func dropDatabase(_ database: PostgresAddress) {
    guard let admin = address else { return }
    try? PostgresLink(address: admin, password: nil).withSession {
      try $0.execute("DROP DATABASE IF EXISTS \(database.database) WITH (FORCE)")
    }
  }

  /// Runs statements in `database` as its address's user, one after the other.
  static func execute(_ statements: String..., in database: PostgresAddress) throws {
    try PostgresLink(address: database, password: nil).withSession { try $0.execute(statements) }
  }
}

/// A session store backend the contract tests run against.
enum StoreBackend: String, Sendable, CustomTestStringConvertible {
  case sqlite
  case postgres

  /// SQLite always; PostgreSQL when a test server is set (else the reason is printed once).
  static let available: [StoreBackend] = {
    guard PostgresTestServer.address != nil else {
      print("note: \(PostgresTestServer.skipReason).")
      return [.sqlite]
    }
    return [.sqlite, .postgres]
  }()

  var testDescription: String { rawValue }

  /// An empty store of this backend whose sessions are started by `owner`.
  func makeStore(owner: ProcessIdentity = .current) throws -> TestStore {
    switch self {
    case .sqlite:
      let directory = try TemporaryDirectory()
      let store = try SessionStore(
        path: directory.path("sessions.sqlite"), mode: .readWrite, owner: owner, prepareConnection: nil)
      return TestStore(
        store: store,
        reopen: { owner in
          try SessionStore(path: store.path, mode: .readWrite, owner: owner, prepareConnection: nil)
        }, cleanup: directory.remove)
    case .postgres:
      let database = try PostgresTestServer.createDatabase()
      let store = try PostgresSessionStore(address: database, password: nil, mode: .readWrite, owner: owner)
      return TestStore(
        store: store,
        reopen: { owner in
          try PostgresSessionStore(address: database, password: nil, mode: .readWrite, owner: owner)
        }, cleanup: { PostgresTestServer.dropDatabase(database) })
    }
  }
}

/// A store made for one test, reopened as another process or removed when the test is done.
struct TestStore {
  let store: any SessionStoring
  /// The same store opened again, as `owner`.
  let reopen: (ProcessIdentity) throws -> any SessionStoring
  let cleanup: () -> Void
}
