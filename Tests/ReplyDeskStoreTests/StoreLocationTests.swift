import Foundation
import Testing

@testable import ReplyDeskPostgresStore
@testable import ReplyDeskStore

@Suite struct StoreLocationTests {
  @Test func pathsAndSqliteURLsAreFilesAndPostgresURLsAreServers() throws {
    #expect(try StoreLocation(parsing: "/tmp/s.sqlite") == .sqlite(path: "/tmp/s.sqlite"))
    #expect(try StoreLocation(parsing: "sqlite:rel/s.sqlite") == .sqlite(path: "rel/s.sqlite"))
    let team = try StoreLocation(parsing: "postgres://rep@127.0.0.1:5433/replydesk")
    #expect(
      team == .postgres(PostgresAddress(user: "rep", host: "127.0.0.1", port: 5433, database: "replydesk")))
    let defaults = try StoreLocation(parsing: "postgresql://db.example.com", environment: ["USER": "dana"])
    #expect(defaults.description == "postgres://dana@db.example.com:5432/dana")
    #expect(throws: StoreLocationError.self) { try StoreLocation(parsing: "mysql://a@b/c") }
  }

  @Test func aURLWithAPasswordIsRefusedWithoutRepeatingIt() throws {
    let error = #expect(throws: StoreLocationError.self) {
      try StoreLocation(parsing: "postgres://rep:s3cret@db.example.com/replydesk")
    }
    let text = error?.description ?? ""
    #expect(text.contains("may not contain a password"))
    #expect(text.contains("PGPASSWORD"))
    #expect(!text.contains("s3cret"))
  }

  @Test func thePasswordComesFromTheEnvironmentAFileOrPgpass() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let address = PostgresAddress(user: "rep", host: "db", port: 5433, database: "replydesk")
    let passFile = directory.path("pgpass")
    try "# team\ndb:5432:*:rep:wrong-port\ndb:5433:*:rep:from\\:pgpass\n".write(
      toFile: passFile, atomically: true, encoding: .utf8)
    let secret = directory.path("secret")
    try "from-file\n".write(toFile: secret, atomically: true, encoding: .utf8)
    #expect(
      try PostgresPassword.find(for: address, passwordFile: nil, environment: ["PGPASSFILE": passFile])
        == "from:pgpass")
    #expect(
      try PostgresPassword.find(for: address, passwordFile: secret, environment: ["PGPASSFILE": passFile])
        == "from-file")
    #expect(
      try PostgresPassword.find(for: address, passwordFile: secret, environment: ["PGPASSWORD": "env"])
        == "env")
    #expect(
      try PostgresPassword.find(
        for: address.with(user: "other"), passwordFile: nil, environment: ["PGPASSFILE": passFile]) == nil)
    #expect(throws: StoreError.self) {
      try PostgresPassword.find(for: address, passwordFile: directory.path("missing"), environment: [:])
    }
  }

  @Test func aServerThatCannotBeReachedIsASentenceNotACrash() throws {
    let address = PostgresAddress(user: "rep", host: "127.0.0.1", port: 1, database: "replydesk")
    let error = #expect(throws: StoreError.self) {
      try PostgresSessionStore(address: address, password: nil, mode: .readWrite)
    }
    let text = error?.description ?? ""
    #expect(
      text.hasPrefix("the store at postgres://rep@127.0.0.1:1/replydesk cannot be reached: "), "\(text)")
    #expect(text.hasSuffix("check that the server runs and the address, user and password are right"))
  }
}
