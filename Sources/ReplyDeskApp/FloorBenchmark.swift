import Foundation
import ReplyDeskCore
import ReplyDeskStore

/// `replydesk bench floor`: how long a new chat takes to reach the supervisor's floor. A writer
/// records `history` finished sessions (today), then `chats` new chats one at a time; a reader
/// opened read-only, as the floor opens it, waits on the store's change feed and reads the floor
/// until the new chat is in it. Timed from the writer's commit to the snapshot holding the chat.
public struct FloorBenchmark {
  /// The `--store` value; nil benchmarks a temporary SQLite file.
  public var store: String?
  public var chats = 20
  public var history = 500

  public init() {}

  /// The two figures, as lines to print.
  public func run() throws -> [String] {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("replydesk-floor-\(UUID())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let location = store ?? "sqlite:" + directory.appendingPathComponent("floor.sqlite").path
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let opener = StoreOpener(override: location)
    let writer = try opener.open(.readWrite)
    let run = "bench-\(UUID().uuidString.prefix(8))"
    try seed(writer, run: run)
    guard let reader = try opener.open(.readOnly) as? any FloorReading else {
      throw CommandFailure("the store at \(writer.location) cannot show the floor")
    }
    let changes = DispatchSemaphore(value: 0)
    let feed = try reader.changeFeed()
    try feed.start(changed: { changes.signal() }, failed: { _ in changes.signal() })
    defer { feed.stop() }
    var arrivals: [Double] = []
    var reads: [Double] = []
    for number in 1...max(chats, 1) {
      while changes.wait(timeout: .now()) == .success {}
      let chat = ChatID("\(run)-new-\(number)")
      try writer.record(contentsOf: Self.chat(chat, at: Date(), representative: "rep\(number % 5)"))
      let committed = Date()
      var found = false
      while !found {
        guard changes.wait(timeout: .now() + 5) == .success else {
          throw CommandFailure("no change reached the floor within 5 s of chat \(number); check the store")
        }
        let before = Date()
        let snapshot = try reader.floorSnapshot(now: Date(), timeZone: .current, channel: .live)
        reads.append(Date().timeIntervalSince(before) * 1000)
        found = snapshot.chats.contains { $0.id == chat }
      }
      arrivals.append(Date().timeIntervalSince(committed) * 1000)
    }
    return [
      "floor on \(writer.location): commit to a snapshot holding the new chat: \(LatencyStatistics(arrivals)) "
        + "(\(arrivals.count) chats)",
      "floor read over \(history) finished and up to \(chats) open sessions today: \(LatencyStatistics(reads))",
    ]
  }

  /// `history` sessions finished earlier today, 6 events each.
  private func seed(_ writer: any SessionStoring, run: String) throws {
    let start = Date().addingTimeInterval(-60)
    for number in 0..<history {
      let chat = ChatID("\(run)-old-\(number)")
      var events = Self.chat(chat, at: start, representative: "rep\(number % 5)")
      let reply = Decision.accepted(suggestionID: "t1", rank: 1 + number % 3, text: "Happy to help.")
      events.append(
        SessionEvent(chat: chat, time: start + 5, kind: .decision(decision: reply, responseSeconds: 4)))
      events.append(SessionEvent(chat: chat, time: start + 9, kind: .ended(outcome: .resolved)))
      try writer.record(contentsOf: events)
    }
  }

  private static func chat(_ chat: ChatID, at time: Date, representative: String) -> [SessionEvent] {
    let customer = CustomerProfile(id: "c-\(chat.rawValue)", firstName: "Bench", lastName: "Customer")
    return [
      SessionEvent(
        chat: chat, time: time,
        kind: .started(representative: representative, customer: customer, channel: "live")),
      SessionEvent(chat: chat, time: time + 1, kind: .customerMessage(text: "Where is my order?")),
    ]
  }
}
