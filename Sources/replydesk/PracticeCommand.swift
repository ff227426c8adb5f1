import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskConsole
import ReplyDeskCore
import ReplyDeskSimulation
import ReplyDeskStore

/// `replydesk practice`: a trainee handles a fixed number of simulated chats in the console, then
/// gets a scorecard per chat, which is also stored with each session (a QA note and a practice score).
struct PracticeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "practice",
    abstract: "Handle simulated practice chats in the console, then get a scorecard.")

  /// Whether the trainee sees the ranker's suggestions.
  enum SuggestionVisibility: EnumerableFlag {
    case showSuggestions
    case hideSuggestions
  }

  @Option(help: "How many chats to practise on; no customer arrives after that.")
  var chats = 3

  @Flag(
    help: """
      Show the ranker's suggestions (the default), or hide them: the ranker still ranks silently, \
      and the scorecard puts each reply beside its first choice.
      """)
  var suggestions: SuggestionVisibility = .showSuggestions

  @OptionGroup var customers: SimulatedCustomerOptions

  @OptionGroup var launch: ConsoleLaunchOptions

  func validate() throws {
    guard chats > 0, chats <= 100 else { throw ValidationError("--chats must be from 1 to 100") }
  }

  func run() throws {
    var practice: SimulatedCustomerChannel?
    var reading: ReplyInterpreter?
    let store = try launch.assembly.runConsole(
      channelName: "practice", hideSuggestions: suggestions == .hideSuggestions
    ) { interpreter in
      let channel = try customers.channel(chatLimit: chats, interpreter: interpreter)
      (practice, reading) = (channel, interpreter)
      return channel
    }
    guard let practice else { return }
    let scorecards = PracticeScorecards(
      store: store, interpreter: reading, suggestionsHidden: suggestions == .hideSuggestions)
    print(scorecards.record(for: practice) { print(TerminalText.printable($0.text) + "\n") })
  }
}
