import Foundation

/// A live console in tmux on a socket in `home`, and line-mode customer clients connected to it.
struct LiveConsolePanes {
  let socket: String
  let environment: [String: String]
  let console: TmuxPane

  /// Starts `replydesk console` with the lexical ranker and no generator, waiting until it listens.
  init(home: URL, width: Int = 120, height: Int = 40) throws {
    socket = home.appendingPathComponent("console.sock").path
    environment = ["TERM": "tmux-256color", "REPLYDESK_HOME": home.path]
    console = try TmuxPane(
      command: [
        ReplyDeskBinary.path, "console", "--socket", socket, "--ranker", "lexical", "--generator", "off",
      ],
      width: width, height: height, environment: environment)
    try console.waitFor(text: "none waiting")
  }

  /// A customer client named `name` (or with `--profile`) that connects and says `text`.
  func customer(_ name: String? = nil, profile: String? = nil, says text: String) throws -> TmuxPane {
    let who = profile.map { ["--profile", $0] } ?? ["--name", name ?? "Customer"]
    let pane = try TmuxPane(
      command: [ReplyDeskBinary.path, "customer", "--connect", socket] + who, width: 100, height: 20,
      environment: environment)
    try pane.waitFor(text: "Connected")
    try pane.type(text)
    try pane.press("Enter")
    return pane
  }
}
