import ArgumentParser
import Foundation
import ReplyDeskConsole
import ReplyDeskSimulation

/// `replydesk demo`: the console with simulated customers, for trying ReplyDesk and for trainers.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Open the console with simulated customers (fictional profiles and scenarios).")

  @Option(help: "Seed for the simulated customers; the same seed replays the same customers.")
  var seed: UInt64 = UInt64.random(in: 1...999_999)

  @Option(help: "How fast the customers type and answer (2 = twice as fast).")
  var speed: Double = 1

  @OptionGroup var launch: ConsoleLaunchOptions

  func validate() throws {
    guard speed > 0, speed <= 1000 else { throw ValidationError("--speed must be above 0 and at most 1000") }
  }

  func run() throws {
    let options = try launch.consoleOptions(channelName: "demo")
    let templates = try launch.templateLibrary()
    let store = try launch.sessionStore()
    let channel = SimulatedCustomerChannel(seed: seed, speed: speed, start: Date())
    let runner = ConsoleRunner(
      channel: channel, ranker: launch.ranker(templates: templates), recorder: store, options: options)
    do {
      try runner.run()
    } catch {
      throw ValidationError("\(error)")
    }
  }
}
