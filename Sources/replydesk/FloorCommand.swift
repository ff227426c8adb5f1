import ArgumentParser
import ReplyDeskApp
import ReplyDeskConsole
import ReplyDeskStore

/// `replydesk floor`: the supervisor's live, read-only view of every representative's open chats.
struct FloorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "floor",
    abstract:
      "Watch every representative's open chats live, read-only: who waits, for how long, escalations, acceptance.",
    discussion: "Enter on a chat replays it so far; Esc goes back to the floor. The store is never changed.")

  @OptionGroup var store: StoreOptions

  @Option(help: "Which chats to show and count: live (default; not demo or practice), demo, practice or all.")
  var channel: StatsChannel = .live

  @Option(help: "Theme name from Themes/ (dark, light, high-contrast, monochrome); default from config.")
  var theme: String?

  @Option(help: "Colour use: auto, color or monochrome (NO_COLOR also turns colour off).")
  var color: ColorMode = .auto

  func run() throws {
    var assembly = FloorAssembly()
    assembly.store = store.location
    assembly.channel = channel
    assembly.theme = theme
    assembly.color = color
    try assembly.run()
  }
}
