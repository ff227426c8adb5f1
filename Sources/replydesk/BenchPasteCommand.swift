import ArgumentParser
import ReplyDeskConsole

/// `replydesk bench paste`: how long pasted text of several sizes takes to appear in the composer.
struct BenchPasteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "paste",
    abstract: "Time from a paste's first character to the frame showing it, by size and delivery.")

  @Option(help: "Paste sizes in characters, comma-separated.")
  var sizes = "1000,4000,8000,16000,30000"

  @Option(help: "Runs per size; the median is printed.")
  var runs = 3

  func run() throws {
    let counts = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }), runs > 0 else {
      throw ValidationError("--sizes needs positive numbers and --runs must be positive")
    }
    for delivery in PasteBenchmark.Delivery.allCases {
      for count in counts {
        let times = try (0..<runs).map { _ in try PasteBenchmark.run(characters: count, delivery: delivery) }
        let median = times.sorted()[times.count / 2]
        print("paste \(count) characters as \(delivery.rawValue): \(String(format: "%.1f", median)) ms")
      }
    }
  }
}
