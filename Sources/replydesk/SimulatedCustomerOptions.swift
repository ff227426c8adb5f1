import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskCore
import ReplyDeskSimulation

/// The options of commands whose customers are simulated (`demo`, `practice`).
struct SimulatedCustomerOptions: ParsableArguments {
  @Option(help: "Seed for the simulated customers; the same seed replays the same customers.")
  var seed: UInt64 = UInt64.random(in: 1...999_999)

  @Option(help: "How fast the customers type and answer (2 = twice as fast).")
  var speed: Double = 1

  @Option(help: "Scenario directory (default: $REPLYDESK_SCENARIOS, ./Scenarios, or the package's).")
  var scenarios: String?

  func validate() throws {
    guard speed > 0, speed <= 1000 else { throw ValidationError("--speed must be above 0 and at most 1000") }
  }

  /// A channel of simulated customers starting now, arriving as `arrivals` plans; `chatLimit`
  /// customers at most, if given; they read replies by meaning through `interpreter` when one is
  /// given, else by keywords.
  func channel(
    chatLimit: Int? = nil, arrivals: ArrivalPlan = .afterClose, interpreter: ReplyInterpreter? = nil
  ) throws -> SimulatedCustomerChannel {
    let library = try CommandResources.scenarioLibrary(directory: scenarios)
    return SimulatedCustomerChannel(
      seed: seed, speed: speed, start: Date(), scenarios: library.scenarios, chatLimit: chatLimit,
      arrivals: arrivals, interpreter: interpreter)
  }
}
