import ArgumentParser
import ReplyDeskConsole
import ReplyDeskCore

/// `replydesk bench paste`: how long pasted text of several sizes takes to appear in the composer,
/// typed key by key and as one bracketed paste, and how long a key typed after it takes.
struct BenchPasteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "paste",
    abstract: "Time from a paste's first character to the frame showing it, by size and delivery.")

  @Option(help: "Paste sizes in characters, comma-separated.")
  var sizes = "1000,4000,8000,16000,30000"

  @Option(help: "Runs per size; the median is printed.")
  var runs = 3

  @Option(help: "Deliveries to time, comma-separated: keys (one key per character), bracketed.")
  var delivery = "keys,bracketed"

  func run() throws {
    let counts = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }), runs > 0 else {
      throw ValidationError("--sizes needs positive numbers and --runs must be positive")
    }
    let deliveries = try delivery.split(separator: ",").map { name in
      let trimmed = name.trimmingCharacters(in: .whitespaces)
      guard let delivery = PasteBenchmark.Delivery(rawValue: trimmed) else {
        throw ValidationError("--delivery takes keys or bracketed, not '\(trimmed)'")
      }
      return delivery
    }
    for delivery in deliveries {
      for count in counts {
        let figures = try (0..<runs).map { _ in try PasteBenchmark.run(characters: count, delivery: delivery)
        }
        func median(_ value: (PasteBenchmark.Figures) -> Double) -> String {
          String(format: "%.1f", LatencyStatistics(figures.map(value)).median)
        }
        let last = figures[figures.count - 1]
        print(
          "paste \(count) characters as \(delivery.rawValue): \(median(\.pasteMilliseconds)) ms"
            + " · next key \(median(\.keyAfterMilliseconds)) ms"
            + " · draft \(last.draftCharacters), re-ranked \(last.rankedCharacters) characters")
      }
    }
  }
}
