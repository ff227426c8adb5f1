import ArgumentParser
import Foundation
import ReplyDeskConsole
import ReplyDeskSimulation

/// `replydesk demo`: the console with simulated customers, for trying ReplyDesk and for trainers.
/// Customers arrive on their own schedule (several may wait at once) and the first one's chat opens
/// by itself.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Open the console with simulated customers (fictional profiles and scenarios).")

  @OptionGroup var customers: SimulatedCustomerOptions

  @Option(
    help: ArgumentHelp(
      "Mean seconds between customer arrivals at speed 1 (at most \(Self.maxPresent) customers at once)."))
  var arrivalGap: Double = Self.defaultArrivalGap

  @OptionGroup var launch: ConsoleLaunchOptions

  static let defaultArrivalGap: Double = 45
  static let maxPresent = 3

  func validate() throws {
    guard arrivalGap > 0, arrivalGap <= 3600 else {
      throw ValidationError("--arrival-gap must be above 0 and at most 3600 seconds")
    }
  }

  func run() throws {
    let arrivals = ArrivalPlan.steady(meanGap: arrivalGap, maxPresent: Self.maxPresent)
    try launch.assembly.runConsole(channelName: "demo", takeFirstCustomer: true) {
      try customers.channel(arrivals: arrivals, interpreter: $0)
    }
  }
}
