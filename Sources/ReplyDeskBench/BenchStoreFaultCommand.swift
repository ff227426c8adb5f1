import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskCore
import ReplyDeskPostgresStore
import ReplyDeskStore

/// `replydesk bench store-fault`: under the load of many headless consoles, kills the
/// PostgreSQL server with -9 and restarts it through a control script, lets every console's
/// outbox drain, then checks that each event any console recorded (its `record` returned) is in
/// the server exactly once, by stable id. scripts/store-fault-test runs it on a throwaway cluster.
struct BenchStoreFaultCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "store-fault",
    abstract:
      "Kill -9 and restart a PostgreSQL store under console load; check every recorded event is there once.")

  @Option(help: "The PostgreSQL store to load (postgres://user@host:port/db).")
  var store: String
  @Option(help: "A script that takes `kill` (kill -9 on the postmaster) and `start`.")
  var control: String
  @Option(help: "Consoles writing at once.")
  var consoles = 20
  @Option(help: "Seconds the load lasts.")
  var seconds = 20.0
  @Option(help: "Seconds into the load when the server is killed.")
  var killAfter = 5.0
  @Option(help: "Seconds the server stays down.")
  var down = 3.0

  func run() throws {
    guard case .postgres(let address) = try StoreLocation(parsing: store) else {
      throw CommandFailure("--store takes a PostgreSQL URL, postgres://user@host:port/db.")
    }
    let password = try PostgresPassword.find(for: address, passwordFile: nil)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "replydesk-fault-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let runID = "fault-\(getpid())-\(Int(Date().timeIntervalSince1970))"
    let opened = OpenedStores()
    let outcome = StoreLoad(runID: runID, seconds: seconds).run(consoles: consoles) { console in
      let primary = try PostgresSessionStore(address: address, password: password, mode: .readWrite)
      primary.answer(within: StoreOpener.consoleAnswerSeconds)
      return opened.add(
        try OutboxSessionStore(
          primary: primary, outboxBase: directory.appendingPathComponent("c\(console)").path))
    } during: {
      Thread.sleep(forTimeInterval: killAfter)
      do {
        try runControl("kill")
        print(String(format: "%.1f s: killed the server (kill -9 on the postmaster)", killAfter))
        Thread.sleep(forTimeInterval: down)
        try runControl("start")
        print(String(format: "%.1f s: server restarted", killAfter + down))
      } catch {
        print("error: \(ErrorText.sentence(for: error))")
      }
    }
    try check(outcome, stores: opened.stores, runID: runID, address: address, password: password)
  }

  private func check(
    _ outcome: StoreLoad.Outcome, stores: [OutboxSessionStore], runID: String, address: PostgresAddress,
    password: String?
  ) throws {
    let drainStart = Date()
    let drained = stores.allSatisfy { $0.waitUntilDrained(timeout: 120) }
    let replayed = stores.map(\.outboxStatus.saved).reduce(0, +)
    let recorded = outcome.recorded.flatMap { $0 }
    print(
      String(
        format:
          "%d consoles recorded %d events in %.1f s (%.0f events/s, commit p99 %.3f ms); outboxes %@ %.1f s after the load, %d events replayed from them",
        consoles, recorded.count, outcome.seconds, outcome.eventsPerSecond, outcome.latency.p99,
        drained ? "drained" : "NOT drained", Date().timeIntervalSince(drainStart), replayed))
    for failure in outcome.failures { print("failed: \(failure)") }
    for status in stores.map(\.outboxStatus) where status.queued > 0 {
      print("still queued: \(status.queued) in \(status.path) (\(status.reason ?? "saving"))")
    }
    let server = try PostgresSessionStore(address: address, password: password, mode: .readOnly)
    let missing = try server.missing(recorded)
    let held = try server.eventCount(inSessionsStartingWith: runID + "-")
    let distinct = Set(recorded.map { "\($0.chat.rawValue) \($0.time.timeIntervalSinceReferenceDate)" }).count
    print("recorded (record returned): \(recorded.count) (\(distinct) distinct)")
    print(
      "in the server: \(held); missing by stable id: \(missing.count); extra: \(held - (recorded.count - missing.count))"
    )
    guard drained, missing.isEmpty, held == recorded.count, outcome.failures.isEmpty else {
      throw CommandFailure("The fault test failed: not every recorded event is in the server exactly once.")
    }
    print("ok: every recorded event is in the server exactly once")
  }

  /// Runs the control script with `command` and waits for it; spawned and reaped directly,
  /// because Foundation's `Process` can miss the exit of a script that leaves a daemon behind.
  private func runControl(_ command: String) throws {
    var pid: pid_t = 0
    let arguments: [UnsafeMutablePointer<CChar>?] = [strdup(control), strdup(command), nil]
    defer { arguments.forEach { free($0) } }
    guard posix_spawn(&pid, control, nil, nil, arguments, environ) == 0 else {
      throw CommandFailure("\(control) cannot be run; pass a control script with --control.")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    guard status == 0 else { throw CommandFailure("\(control) \(command) failed (status \(status)).") }
  }
}

/// The consoles' stores, kept so their outboxes can be drained and checked after the load.
private final class OpenedStores: @unchecked Sendable {
  private let lock = NSLock()
  private var opened: [OutboxSessionStore] = []

  var stores: [OutboxSessionStore] { lock.withLock { opened } }

  func add(_ store: OutboxSessionStore) -> OutboxSessionStore {
    lock.withLock { opened.append(store) }
    return store
  }
}
