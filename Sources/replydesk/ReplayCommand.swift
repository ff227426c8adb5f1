import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskConsole
import ReplyDeskCore
import ReplyDeskStore

/// `replydesk replay [ID]`: the console, read-only, replaying a recorded session for supervisors.
struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "Replay a recorded session turn by turn, and add QA notes and ratings.",
    discussion: "Without an ID, pick from the sessions in the store, newest first.")

  @Argument(help: "The session id (default: pick from a list).")
  var id: String?

  @OptionGroup var store: StoreOptions

  @Option(help: "Theme name from Themes/ (dark, light, high-contrast, monochrome); default from config.")
  var theme: String?

  @Option(help: "Colour use: auto, color or monochrome (NO_COLOR also turns colour off).")
  var color: ColorMode = .auto

  func run() throws {
    let reader = try store.open(.readOnly)
    if let id { _ = try reader.session(ChatID(id)) }
    let writer = try? store.open(.readWrite)
    let entries = try reader.sessions(matching: SessionFilter()).map { summary in
      ReplaySessionEntry(
        id: summary.id, startedAt: summary.startedAt, representative: summary.representative,
        customerName: summary.customerName, outcome: summary.outcome)
    }
    var launch = try ConsoleLaunchOptions.parse([])
    launch.theme = theme
    launch.color = color
    let runner = ReplayRunner(
      sessions: entries, initial: id.map(ChatID.init),
      options: try launch.assembly.consoleOptions(channelName: "replay"),
      loadEvents: { try reader.events(of: $0) },
      appendNote: { chat, text, rating, time in
        guard let writer else {
          throw CommandFailure("the session store is read-only; notes cannot be saved")
        }
        try writer.appendQANote(to: chat, text: text, rating: rating, at: time)
      })
    do {
      try runner.run()
    } catch {
      throw CommandFailure(error)
    }
  }
}
