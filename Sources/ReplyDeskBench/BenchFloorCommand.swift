import ArgumentParser
import ReplyDeskApp

/// `replydesk bench floor`: the time from a new chat's commit to the floor's snapshot holding it.
struct BenchFloorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "floor",
    abstract: "Measure how long a new chat takes to reach the supervisor's floor (commit to snapshot).",
    discussion:
      "Without --store it uses a temporary SQLite file. With --store it writes bench sessions into that store: "
      + "name a throwaway database.")

  @Option(help: "The store to benchmark (sqlite:PATH or postgres://user@host:port/db); default a temp file.")
  var store: String?
  @Option(help: "New chats to time, one at a time.")
  var chats = 20
  @Option(help: "Finished sessions recorded today before timing, which every read folds.")
  var history = 500

  func run() throws {
    var benchmark = FloorBenchmark()
    benchmark.store = store
    benchmark.chats = chats
    benchmark.history = history
    for line in try benchmark.run() { print(line) }
  }
}
