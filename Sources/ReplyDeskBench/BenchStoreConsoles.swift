import Foundation
import ReplyDeskApp
import ReplyDeskCore
import ReplyDeskPostgresStore
import ReplyDeskStore

/// `bench store --store postgres://… --consoles 1,5,20`: headless consoles writing real chats to
/// one server at once, each through its own connection and outbox as the console records, beside
/// the same load on one SQLite file; durable events/s and commit latency per console count.
struct StoreConsolesBench {
  var address: PostgresAddress
  var consoleCounts: [Int]
  var seconds: Double
  var directory: URL

  func run() throws {
    let password = try PostgresPassword.find(for: address, passwordFile: nil)
    let runID = "bench-\(getpid())-\(Int(Date().timeIntervalSince1970))"
    print("\(seconds) s per run; commit = one record() of one event, returned once durable")
    for count in consoleCounts {
      let load = StoreLoad(runID: "\(runID)-pg\(count)", seconds: seconds)
      let address = self.address
      let base = directory.appendingPathComponent("outbox-\(count)").path
      let postgres = load.run(consoles: count) { console in
        let primary = try PostgresSessionStore(address: address, password: password, mode: .readWrite)
        primary.answer(within: StoreOpener.consoleAnswerSeconds)
        return try OutboxSessionStore(primary: primary, outboxBase: "\(base)-\(console)")
      }
      report("postgres \(address)", count, postgres)
      let sqlitePath = directory.appendingPathComponent("consoles-\(count).sqlite").path
      let sqlite = StoreLoad(runID: "\(runID)-sq\(count)", seconds: seconds).run(consoles: count) { _ in
        try SessionStore(path: sqlitePath)
      }
      report("sqlite (one file)", count, sqlite)
    }
    print("goals (issue #12): >= 5,000 durable events/s with 20 consoles, commit p99 <= 20 ms")
  }

  private func report(_ name: String, _ consoles: Int, _ outcome: StoreLoad.Outcome) {
    let latency = outcome.latency
    print(
      String(
        format:
          "%@, %d console%@: %d events in %.1f s, %.0f durable events/s; commit median %.3f ms, p99 %.3f ms",
        name, consoles, consoles == 1 ? "" : "s", outcome.eventCount, outcome.seconds,
        outcome.eventsPerSecond,
        latency.median, latency.p99))
    for failure in outcome.failures { print("  failed: \(failure)") }
  }
}
