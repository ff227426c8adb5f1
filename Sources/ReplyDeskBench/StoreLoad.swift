import Foundation
import ReplyDeskCore
import ReplyDeskStore

/// Headless consoles writing real chats to one store at once, each on its own thread with its
/// own store connection, as one representative: started, then customer messages, suggestion
/// lists and decisions, then ended, one `record` per event as the console records them.
struct StoreLoad {
  /// What the consoles did: every event whose `record` returned, per console in order, and
  /// how long each `record` took, in milliseconds.
  struct Outcome {
    var recorded: [[SessionEvent]]
    var milliseconds: [Double]
    var seconds: Double
    var failures: [String]

    var eventCount: Int { recorded.reduce(0) { $0 + $1.count } }
    var eventsPerSecond: Double { Double(eventCount) / seconds }
    var latency: LatencyStatistics { LatencyStatistics(milliseconds) }
  }

  /// A prefix of every chat id of this run, so runs against one server never collide.
  let runID: String
  let seconds: Double

  /// Runs `consoles` consoles for `seconds`, each recording to `makeStore(console)`; `during`
  /// runs on the calling thread meanwhile (a fault test kills the server there).
  func run(
    consoles: Int, makeStore: @escaping @Sendable (Int) throws -> any SessionStoring,
    during: () -> Void = {}
  ) -> Outcome {
    let results = Results(consoles: consoles)
    let deadline = Date().addingTimeInterval(seconds)
    let started = Date()
    let group = DispatchGroup()
    for console in 0..<consoles {
      group.enter()
      let thread = Thread { [runID] in
        defer { group.leave() }
        Self.console(console, runID: runID, until: deadline, makeStore: makeStore, into: results)
      }
      thread.start()
    }
    during()
    group.wait()
    return results.outcome(seconds: Date().timeIntervalSince(started))
  }

  private static func console(
    _ console: Int, runID: String, until deadline: Date,
    makeStore: (Int) throws -> any SessionStoring, into results: Results
  ) {
    var recorded: [SessionEvent] = []
    var milliseconds: [Double] = []
    var failure: String?
    do {
      let store = try makeStore(console)
      var chats = SyntheticSessions(start: Date(timeIntervalSince1970: 1_790_000_000))
      var number = 0
      while Date() < deadline {
        number += 1
        let chat = ChatID("\(runID)-\(console)-\(number)")
        for event in chats.wholeSession(chat: chat, escalated: number % 7 == 0) {
          let start = DispatchTime.now().uptimeNanoseconds
          try store.record(event)
          milliseconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
          recorded.append(event)
        }
      }
    } catch {
      failure = "console \(console): \(ErrorText.sentence(for: error))"
    }
    results.add(console, recorded: recorded, milliseconds: milliseconds, failure: failure)
  }

  /// What the console threads hand back, guarded by `lock`.
  private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [[SessionEvent]]
    private var milliseconds: [Double] = []
    private var failures: [String] = []

    init(consoles: Int) { recorded = Array(repeating: [], count: consoles) }

    func add(_ console: Int, recorded events: [SessionEvent], milliseconds times: [Double], failure: String?)
    {
      lock.withLock {
        recorded[console] = events
        milliseconds += times
        if let failure { failures.append(failure) }
      }
    }

    func outcome(seconds: Double) -> Outcome {
      lock.withLock {
        Outcome(recorded: recorded, milliseconds: milliseconds, seconds: seconds, failures: failures)
      }
    }
  }
}
