import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskCore
import ReplyDeskStore

/// `replydesk bench store`: durable write rates, replay load time and stats time, in a temp store.
struct BenchStoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "store",
    abstract: "Measure durable events/s, opening and replaying a long session, and stats over many sessions.")

  @Option(help: "Single durable inserts to time.")
  var singles = 300
  @Option(help: "Batches of 100 events to time.")
  var batches = 30
  @Option(help: "Events in the long session that is opened and replayed.")
  var replayEvents = 5_000
  @Option(help: "Sessions generated for the stats run.")
  var sessions = 100_000

  @Option(help: "Write the bench stores here and keep them (default: a temp dir, removed afterwards).")
  var directory: String?

  @Option(
    help:
      "A PostgreSQL store (postgres://user@host:port/db) to load with headless consoles instead, beside one SQLite file."
  )
  var store: String?
  @Option(help: "With --store: how many consoles write at once, one run per count.")
  var consoles = "1,5,20"
  @Option(help: "With --store: seconds each run lasts.")
  var seconds = 10.0

  func run() throws {
    let directory =
      self.directory.map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.temporaryDirectory
      .appendingPathComponent("replydesk-bench-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { if self.directory == nil { try? FileManager.default.removeItem(at: directory) } }
    if let store { return try runConsoles(store: store, directory: directory) }
    let path = directory.appendingPathComponent("bench.sqlite").path
    let store = try SessionStore(path: path)
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    var generator = SyntheticSessions(start: start)
    try store.record(generator.startEvent(chat: ChatID("single")))
    let single = try Timings.measure(singles) {
      try store.record(generator.nextEvent(chat: ChatID("single")))
    }
    report("single durable insert", single, perSecond: 1)

    try store.record(generator.startEvent(chat: ChatID("batch")))
    let batched = try Timings.measure(batches) {
      try store.record(contentsOf: (0..<100).map { _ in generator.nextEvent(chat: ChatID("batch")) })
    }
    report("batch of 100 events", batched, perSecond: 100)

    let long = ChatID("long")
    try store.record(generator.startEvent(chat: long))
    try store.record(contentsOf: (1..<replayEvents).map { _ in generator.nextEvent(chat: long) })
    let replay = try Timings.measure(7) {
      let reopened = try SessionStore(path: path, mode: .readOnly)
      let timeline = ReplayTimeline(events: try reopened.events(of: long))
      guard timeline.steps.count > 0 else { throw CommandFailure("empty replay") }
    }
    report("open + replay \(replayEvents) events", replay, perSecond: nil)

    let statsPath = directory.appendingPathComponent("stats.sqlite").path
    let statsStore = try SessionStore(path: statsPath)
    let generated = Date()
    for first in stride(from: 0, to: sessions, by: 500) {
      let numbers = first..<min(first + 500, sessions)
      try statsStore.record(
        contentsOf: numbers.flatMap { generator.wholeSession(chat: ChatID("s\($0)"), escalated: $0 % 7 == 0) }
      )
    }
    print(String(format: "generated %d sessions in %.1f s", sessions, Date().timeIntervalSince(generated)))
    for grouping in [StatsGrouping.all, .rep] {
      let stats = try Timings.measure(3) { _ = try statsStore.stats(by: grouping) }
      report("stats --by \(grouping.rawValue) over \(sessions) sessions", stats, perSecond: nil)
    }
  }

  private func runConsoles(store: String, directory: URL) throws {
    guard case .postgres(let address) = try StoreLocation(parsing: store) else {
      throw CommandFailure(
        "--store takes a PostgreSQL URL, postgres://user@host:port/db; the SQLite figures come with it.")
    }
    let counts = consoles.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }), seconds > 0 else {
      throw CommandFailure("--consoles takes counts such as 1,5,20 and --seconds a positive number.")
    }
    try StoreConsolesBench(address: address, consoleCounts: counts, seconds: seconds, directory: directory)
      .run()
  }

  private func report(_ name: String, _ timings: Timings, perSecond eventsPerRun: Int?) {
    var line = "\(name): \(timings.milliseconds)"
    if let eventsPerRun {
      line += String(format: ", %.0f events/s", Double(eventsPerRun * timings.count) / timings.total)
    }
    print(line)
  }
}

/// Wall-clock durations of repeated runs.
struct Timings {
  var seconds: [Double]

  static func measure(_ runs: Int, _ body: () throws -> Void) throws -> Timings {
    var seconds: [Double] = []
    for _ in 0..<max(1, runs) {
      let start = DispatchTime.now().uptimeNanoseconds
      try body()
      seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return Timings(seconds: seconds)
  }

  /// Median and p99 of the runs, in milliseconds.
  var milliseconds: LatencyStatistics { LatencyStatistics(seconds.map { $0 * 1000 }) }

  var count: Int { seconds.count }
  var total: Double { seconds.reduce(0, +) }
}

/// Plausible chats for benchmarks: messages, suggestion lists and mixed decisions.
struct SyntheticSessions {
  var clock: Date
  var counter = 0

  init(start: Date) { clock = start }

  mutating func startEvent(chat: ChatID) -> SessionEvent {
    counter += 1
    let customer = CustomerProfile(
      id: "c\(counter % 20_000)", firstName: "Dana", lastName: "Reyes", email: "dana@example.com")
    return event(
      chat, .started(representative: "rep\(counter % 25)", customer: customer, channel: "refund_status"))
  }

  mutating func nextEvent(chat: ChatID) -> SessionEvent {
    counter += 1
    switch counter % 3 {
    case 0:
      return event(
        chat, .customerMessage(text: "Where is my refund for order 4821? It has been \(counter) days."))
    case 1: return event(chat, .suggestionsShown(suggestions: suggestions(), ranker: "lexical"))
    default: return event(chat, .decision(decision: decision(), responseSeconds: 4.5))
    }
  }

  mutating func wholeSession(chat: ChatID, escalated: Bool) -> [SessionEvent] {
    var events = [startEvent(chat: chat)]
    for _ in 0..<6 { events.append(nextEvent(chat: chat)) }
    events.append(event(chat, .ended(outcome: escalated ? .escalated : .resolved)))
    return events
  }

  private mutating func event(_ chat: ChatID, _ kind: SessionEventKind) -> SessionEvent {
    clock.addTimeInterval(7)
    return SessionEvent(chat: chat, time: clock, kind: kind)
  }

  private func suggestions() -> [ShownSuggestion] {
    (1...4).map { rank in
      let text = "Your refund of $42.00 was issued on Nov \(rank) and should reach your card within 5 days."
      let suggestion = Suggestion(
        source: .template(id: "refund.status.\(rank)"), segments: [.literal(text)], score: 1 / Double(rank))
      return ShownSuggestion(rank: rank, suggestion: suggestion)
    }
  }

  private func decision() -> Decision {
    let text = "Your refund of $42.00 was issued and should reach your card within 5 days."
    switch counter % 5 {
    case 0: return .edited(suggestionID: "refund.status.2", rank: 2, original: text, final: text + " Sorry!")
    case 1: return .written(text: "Let me check that for you.")
    default: return .accepted(suggestionID: "refund.status.1", rank: 1, text: text)
    }
  }
}
