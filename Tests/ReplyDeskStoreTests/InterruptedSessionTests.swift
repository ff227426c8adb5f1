import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskStore

@Suite struct InterruptedSessionTests {
  private let base = Date(timeIntervalSince1970: 1_764_579_000)

  /// A store that records its sessions as started by `owner`, with one open chat `id`.
  private func openChat(_ id: String, ownedBy owner: ProcessIdentity, at path: String) throws
    -> [SessionEvent]
  {
    let store = try SessionStore(path: path, mode: .readWrite, owner: owner, prepareConnection: nil)
    var script = ChatScript(id, base: base)
    script.start(rep: "Alex", customer: "Ana", channel: "live")
    script.say(1, "Where is my refund?")
    try store.record(contentsOf: script.events)
    return script.events
  }

  /// A process that has run and exited: its pid names no running process.
  private func finishedProcess() throws -> ProcessIdentity {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return ProcessIdentity(host: ProcessIdentity.current.host, pid: process.processIdentifier, startToken: "")
  }

  @Test func aSessionOfADeadProcessIsClosedAsInterruptedKeepingEverything() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("sessions.sqlite")
    let recorded = try openChat("dead", ownedBy: try finishedProcess(), at: path)
    let store = try SessionStore(path: path)
    #expect(try store.closeInterruptedSessions(at: base + 60) == [ChatID("dead")])
    let events = try store.events(of: ChatID("dead"))
    #expect(Array(events.prefix(2)).map(\.kind) == recorded.map(\.kind))
    #expect(events.last?.kind == .ended(outcome: .interrupted))
    guard case .systemNote(let note) = events.dropLast().last?.kind else {
      Issue.record("no note says why the session ended")
      return
    }
    #expect(note.contains("stopped without closing it"))
    #expect(try store.session(ChatID("dead")).outcome == .interrupted)
    #expect(try store.closeInterruptedSessions().isEmpty, "ended only once")
  }

  @Test func aKilledProcessItsParentHasNotCollectedIsGone() throws {
    var pid: pid_t = 0
    let arguments: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
    defer { arguments.forEach { free($0) } }
    #expect(posix_spawn(&pid, "/bin/true", nil, nil, arguments, environ) == 0)
    var status: Int32 = 0
    defer { waitpid(pid, &status, 0) }
    // Not collected yet: the exited child stays as a zombie until waitpid.
    var waited = siginfo_t()
    #expect(waitid(P_PID, id_t(pid), &waited, WEXITED | WNOWAIT) == 0)
    #expect(ProcessIdentity.isZombie(pid))
    let zombie = ProcessIdentity(
      host: ProcessIdentity.current.host, pid: pid, startToken: ProcessIdentity.startToken(of: pid) ?? "")
    #expect(zombie.liveness == .gone)
    #expect(ProcessIdentity.current.liveness == .running)
  }

  @Test func aReusedPidDoesNotKeepASessionOpen() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("sessions.sqlite")
    var reused = ProcessIdentity.current
    reused.startToken = "an-earlier-boot:12345"
    _ = try openChat("reused", ownedBy: reused, at: path)
    #expect(try SessionStore(path: path).closeInterruptedSessions() == [ChatID("reused")])
  }

  @Test func sessionsOfRunningProcessesAndOtherMachinesStayOpen() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("sessions.sqlite")
    let sleeper = Process()
    sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
    sleeper.arguments = ["60"]
    try sleeper.run()
    defer {
      kill(sleeper.processIdentifier, SIGKILL)  // SIGTERM may be blocked in a child of a test thread
      sleeper.waitUntilExit()
    }
    let pid = sleeper.processIdentifier
    let running = ProcessIdentity(
      host: ProcessIdentity.current.host, pid: pid, startToken: ProcessIdentity.startToken(of: pid) ?? "")
    var elsewhere = try finishedProcess()
    elsewhere.host = "another-machine.example"
    _ = try openChat("running", ownedBy: running, at: path)
    _ = try openChat("elsewhere", ownedBy: elsewhere, at: path)
    _ = try openChat("mine", ownedBy: .current, at: path)
    let store = try SessionStore(path: path)
    #expect(try store.closeInterruptedSessions().isEmpty)
    for id in ["running", "elsewhere", "mine"] {
      #expect(try store.session(ChatID(id)).outcome == nil, "\(id) stays open")
    }
  }
}

@Suite struct ConcurrentCreationTests {
  @Test func consolesCreatingOneStoreAtOnceAllOpenIt() throws {
    for _ in 0..<20 {
      let directory = try TemporaryDirectory()
      defer { directory.remove() }
      let path = directory.path("sessions.sqlite")
      let failures = Failures()
      DispatchQueue.concurrentPerform(iterations: 4) { _ in
        do {
          _ = try SessionStore(path: path)
        } catch {
          failures.add("\(error)")
        }
      }
      #expect(failures.all.isEmpty)
    }
  }
}

/// Errors collected from several threads.
private final class Failures: @unchecked Sendable {
  private let lock = NSLock()
  private var list: [String] = []
  func add(_ failure: String) { lock.withLock { list.append(failure) } }
  var all: [String] { lock.withLock { list } }
}
