import ArgumentParser
import Foundation
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
    if let practice { try printScorecards(channel: practice, store: store, interpreter: reading) }
  }

  /// Prints a scorecard for every chat the trainee took and stores it with the session: its
  /// summary as a QA note (shown in replays) and its figures as a practice score (for stats); a
  /// reply agrees with the ranker when `interpreter` reads it as the top suggestion's template.
  private func printScorecards(
    channel: SimulatedCustomerChannel, store: any SessionStoring, interpreter: ReplyInterpreter?
  ) throws {
    var cards: [PracticeScorecard] = []
    let hidden = suggestions == .hideSuggestions
    for chat in channel.startedChats {
      guard let events = try? store.events(of: chat), !events.isEmpty else { continue }
      let card = PracticeScorecard(
        chat: chat, events: events, scenario: channel.scenario(of: chat), interpreter: interpreter)
      cards.append(card)
      print(TerminalText.printable(card.text) + "\n")
      let now = Date()
      do {
        try store.record(contentsOf: [
          SessionEvent(chat: chat, time: now, kind: .qaNote(text: card.summary, rating: nil)),
          SessionEvent(
            chat: chat, time: now, kind: .practiceScore(score: card.score(suggestionsHidden: hidden))),
        ])
      } catch {
        FileHandle.standardError.write(
          Data("warning: scorecard not stored for \(chat): \(ErrorText.sentence(for: error))\n".utf8))
      }
    }
    print(cards.isEmpty ? "No practice chat was taken." : PracticeScorecard.totals(cards))
  }
}
