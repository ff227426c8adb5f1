import ArgumentParser
import Foundation
import ReplyDeskCore
import ReplyDeskLive

/// `replydesk bench live`: how many customer messages per second the live channel takes in.
struct BenchLiveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "live",
    abstract: "Measure how many messages per second the live channel parses from many clients.")

  @Option(help: "Connected clients.")
  var clients = 50

  @Option(help: "Messages each client sends per round (they must fit in a socket buffer).")
  var messages = 1000

  @Option(help: "Rounds to measure.")
  var rounds = 7

  func validate() throws {
    guard (1...500).contains(clients) else { throw ValidationError("--clients must be 1 to 500") }
    guard (1...2000).contains(messages) else { throw ValidationError("--messages must be 1 to 2000") }
    guard (1...100).contains(rounds) else { throw ValidationError("--rounds must be 1 to 100") }
  }

  func run() throws {
    let report = try LiveBenchmark(clients: clients, messagesPerClient: messages, rounds: rounds).run()
    let rates = LatencyStatistics(report.messagesPerSecond)
    let polls = LatencyStatistics(report.pollMilliseconds)
    print("live channel: \(clients) clients x \(messages) messages, \(rounds) rounds")
    print("  messages/s  median \(Int(rates.median))  min \(Int(rates.minimum))")
    print(
      "  poll(now:)  median \(format(polls.median)) ms  p99 \(format(polls.p99)) ms"
        + "  (\(polls.count) calls)")
  }

  private func format(_ value: Double) -> String {
    String(format: "%.3f", value)
  }
}
