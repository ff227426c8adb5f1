import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskCore
import ReplyDeskPostgresStore
import ReplyDeskStore

/// `replydesk store …`: set up a team's PostgreSQL store and move an SQLite store into it.
struct StoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "store",
    abstract: "Set up a PostgreSQL team store, copy an SQLite store into one, or look at its local outboxes.",
    subcommands: [StoreInitCommand.self, StoreMigrateCommand.self, StoreOutboxCommand.self])
}

/// `replydesk store outbox [--refused | --retry]`: what this machine's consoles queued for the store.
struct StoreOutboxCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "outbox",
    abstract: "Show the events this machine's consoles queued while the store was away, and those it refused."
  )

  @Option(help: "The store (default: store: in config.yaml).") var store: String?
  @Flag(help: "List each event the store refused, with its reason.") var refused = false
  @Flag(help: "Put refused events back in the queue and save everything queued now.") var retry = false
  @Option(help: "With --retry: seconds to wait for the store.") var timeout: Double = 30

  func validate() throws {
    guard !(refused && retry) else { throw ValidationError("Give --refused or --retry, not both.") }
  }

  func run() throws {
    let outboxes = StoreOutboxes(opener: StoreOpener(override: store))
    do {
      print(
        try retry ? outboxes.retry(timeout: timeout) : refused ? outboxes.refusedReport() : outboxes.summary()
      )
    } catch let failure as CommandFailure {
      throw failure
    } catch {
      throw CommandFailure(error)
    }
  }
}

/// `replydesk store init --store postgres://admin@…`: the schema, the two roles and their policies.
struct StoreInitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract:
      "Create the schema and the replydesk_rep and replydesk_supervisor roles (run as the database owner).")

  @Option(help: "The database, as postgres://owner@host:port/db (the password from PGPASSWORD or ~/.pgpass).")
  var store: String

  func run() throws {
    let target = try PostgresTarget(store)
    try PostgresRoles.initialize(target.open())
    print(
      "The store at \(target.address) is ready. Give each representative a login in the role "
        + "\(PostgresRoles.representative) and each supervisor one in \(PostgresRoles.supervisor), "
        + "for example: createuser --role=\(PostgresRoles.representative) dana")
  }
}

/// `replydesk store migrate --from sqlite:PATH --to postgres://…`: copies sessions, idempotently.
struct StoreMigrateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "migrate",
    abstract: "Copy every session and event of an SQLite store into a PostgreSQL store; run it again safely.")

  @Option(help: "The SQLite store to copy, as sqlite:PATH or a path.")
  var from: String
  @Option(help: "The PostgreSQL store, as postgres://user@host:port/db.")
  var to: String

  func run() throws {
    guard case .sqlite(let path) = try StoreLocation(parsing: from) else {
      throw ValidationError("--from takes an SQLite store, as sqlite:PATH")
    }
    let source = try SessionStore(path: path, mode: .readOnly)
    let target = try PostgresTarget(to)
    let counts = try target.open().copy(from: source)
    print(
      "Copied \(Self.count(counts.sessionsCopied, "session")) and \(Self.count(counts.eventsCopied, "event")) "
        + "to \(target.address); \(Self.count(counts.sessionsPresent, "session")) and "
        + "\(Self.count(counts.eventsPresent, "event")) were already there.")
  }

  private static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }
}

/// A `--store`/`--to` value that must name a PostgreSQL database.
private struct PostgresTarget {
  var address: PostgresAddress

  init(_ text: String) throws {
    guard case .postgres(let address) = try StoreLocation(parsing: text) else {
      throw ValidationError("\(text) is not a PostgreSQL store; write postgres://user@host:port/db")
    }
    self.address = address
  }

  func open() throws -> PostgresSessionStore {
    let (_, configuration) = try StoreOpener(override: address.description).resolve()
    return try StoreOpener.openPostgres(address, configuration: configuration, mode: .readWrite)
  }
}
