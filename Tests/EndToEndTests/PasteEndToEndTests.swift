import Foundation
import Testing

/// Pasting into the real console in tmux: a bracketed paste lands in the draft as text, at once and
/// whole, and bracketed paste is on only while the console runs.
@Suite(.serialized) struct PasteEndToEndTests {
  private static let endMarker = "END-OF-PASTE-30K"

  /// 30 KB of lines that start with digits (keys that would send a suggestion while the draft is
  /// empty), hold a tab and an escape sequence, and end in `endMarker`.
  private static func pastedText() -> String {
    let line = "1 2 3 Thanks for waiting, order A1234 ships Monday.\tRef \u{1B}[31m42\u{1B}[0m.\n"
    var text = ""
    while text.utf8.count + line.utf8.count + endMarker.utf8.count <= 30_000 { text += line }
    return text + endMarker
  }

  @Test func a30KBPasteLandsInTheDraftAsTextAndTheConsoleStillAnswers() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let panes = try LiveConsolePanes(home: home)
    let console = panes.console
    let customer = try panes.customer("Alice Park", says: "Hi, where is my order?")
    try console.waitFor(text: "1 waiting")
    try console.press("C-o")
    try console.waitForSettled("Alice's chat") { $0.contains("where is my order") && $0.contains("▶1 ") }

    let text = Self.pastedText()
    #expect(text.utf8.count > 29_900)
    let started = Date()
    try console.paste(text)
    var screen = try console.waitFor(text: Self.endMarker, timeout: 60)
    let seconds = Date().timeIntervalSince(started)
    print("a \(text.utf8.count)-byte bracketed paste appeared in \(String(format: "%.2f", seconds)) s")
    #expect(seconds < 10, "the paste took \(seconds) s to appear")
    #expect(screen.contains("Reply · written"))
    #expect(!screen.contains("You       "), "nothing was sent: \(screen)")
    #expect(!screen.contains("[31m"), "the escape sequence did not enter the draft")
    #expect(try !customer.screen().contains("Thanks for waiting"))

    try console.type(" OK")
    screen = try console.waitFor(text: Self.endMarker + " OK")
    try console.press("C-u")
    try console.waitFor(text: "Draft cleared")
    try console.press("C-q")
    try console.waitFor(text: "Quit?")
    try console.press("r")
    try console.waitFor("the console to exit", timeout: 10) { _ in (try? console.hasExited()) == true }
    let events = try ReplyDeskBinary.exportedEvents(home: home)
    let decisions = events.filter { ($0["event"] as? [String: Any])?["decision"] != nil }
    #expect(decisions.isEmpty, "no reply was recorded: \(decisions)")
  }

  /// While the console runs, tmux pastes in brackets (a lone pasted BEL gets the console's word,
  /// which the Ctrl-G key never would); after it exits (by its quit key or by SIGTERM) the shell's
  /// `cat -v` shows what a paste sends now: plain text, no `^[[200~` markers.
  @Test(arguments: ["quit", "SIGTERM"])
  func bracketedPasteIsOffOnceTheConsoleExits(_ exit: String) throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let socket = home.appendingPathComponent("console.sock").path
    let script =
      "'\(ReplyDeskBinary.path)' console --socket '\(socket)' --ranker lexical --generator off;"
      + " echo console-ended; exec cat -v"
    let pane = try TmuxPane(
      command: ["sh", "-c", script], width: 120, height: 40,
      environment: ["TERM": "tmux-256color", "REPLYDESK_HOME": home.path])
    try pane.waitFor(text: "none waiting")
    // Only a bracketed paste says this: as keys, a lone BEL (Ctrl-G) does nothing at all.
    try pane.paste("\u{7}")
    try pane.waitFor(text: "Nothing to paste")
    if exit == "quit" {
      try pane.press("C-q")
    } else {
      let shell = try pane.pid()
      let children = try ProcessRunner.run(["pgrep", "-P", "\(shell)"])
      let console = try #require(pid_t(children.output.split(separator: "\n").first ?? ""))
      kill(console, SIGTERM)
    }
    try pane.waitFor(text: "console-ended")
    try pane.paste("after-exit")
    try pane.press("Enter")
    let screen = try pane.waitFor("the pasted line echoed by cat") { screen in
      screen.split(separator: "\n").filter { $0.contains("after-exit") }.count >= 2
    }
    #expect(!screen.contains("[200~"), "bracketed paste is still on after the console exited:\n\(screen)")
  }
}
