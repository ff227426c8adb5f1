import ArgumentParser
import Foundation
import ReplyDeskConsole

/// `replydesk demo`: the console with simulated customers, for trying ReplyDesk and for trainers.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Open the console with simulated customers (fictional profiles and scenarios).")

  @OptionGroup var customers: SimulatedCustomerOptions

  @OptionGroup var launch: ConsoleLaunchOptions

  func run() throws {
    try launch.runConsole(channelName: "demo") { try customers.channel(interpreter: $0) }
  }
}
