import Foundation
import Testing

/// A representative's replies survive `kill -9`: every reply the console showed as sent is in the
/// store, and the next console to start closes the dead console's chat as interrupted.
@Suite(.serialized) struct DurabilityEndToEndTests {
  /// The agent turns on screen, as the conversation pane shows them (first line of each).
  private func sentReplies(_ screen: String) -> [String] {
    screen.split(separator: "\n").compactMap { line in
      line.firstMatch(of: #/^\d\d:\d\d You\s+(.+?)\s*(│|$)/#).map { String($0.1) }
    }
  }

  /// True when the newest turn on screen is the customer's, so a reply is due (and the customer is
  /// not about to change the list under the key).
  private func customerSpokeLast(_ screen: String) -> Bool {
    let speakers = screen.split(separator: "\n").compactMap { line in
      line.firstMatch(of: #/^\d\d:\d\d (\S+)\s/#).map { String($0.1) }
    }
    return speakers.last.map { $0 != "You" && $0 != "System" } ?? false
  }

  /// The kinds of the stored events of the only session (`suggestionsShown`, `decision`, …).
  private func storedKinds(_ home: URL) -> [String] {
    let events = (try? ReplyDeskBinary.exportedEvents(home: home)) ?? []
    return events.compactMap { ($0["event"] as? [String: Any])?.keys.first }
  }

  @Test func repliesShownAsSentSurviveKillNineAndTheChatEndsInterrupted() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let environment = ["REPLYDESK_HOME": home.path, "TERM": "tmux-256color"]
    let pane = try TmuxPane(
      command: [
        ReplyDeskBinary.path, "demo", "--seed", "5", "--speed", "8", "--arrival-gap", "3600", "--ranker",
        "lexical", "--generator", "off",
      ],
      width: 120, height: 40, environment: environment)

    // The demo takes its first customer by itself.
    try pane.waitFor(text: "to take the next customer")
    var shown: [String] = []
    for reply in 1...3 {
      // A list for a customer turn newer than the last reply: the one on screen may be the old one.
      try pane.waitForSettled("suggestions for a customer turn after reply \(reply - 1)") { screen in
        let kinds = self.storedKinds(home)
        return screen.contains("▶1 ") && self.customerSpokeLast(screen)
          && kinds.filter { $0 == "decision" }.count == reply - 1
          && kinds.filter { $0 == "suggestionsShown" }.count >= reply
      }
      try pane.press("1")
      let screen = try pane.waitFor("reply \(reply) shown as sent") { self.sentReplies($0).count == reply }
      shown = sentReplies(screen)
    }

    #expect(kill(try pane.pid(), SIGKILL) == 0)
    try pane.waitFor("the console to die", timeout: 10) { _ in (try? pane.hasExited()) == true }

    let stored = try ReplyDeskBinary.exportedEvents(home: home).compactMap { entry -> String? in
      guard let decision = (entry["event"] as? [String: Any])?["decision"] as? [String: Any],
        let kind = decision["decision"] as? [String: Any],
        let accepted = kind["accepted"] as? [String: Any]
      else { return nil }
      return accepted["text"] as? String
    }
    #expect(stored.count == 3)
    for (line, text) in zip(shown, stored) {
      #expect(text.hasPrefix(line.trimmingCharacters(in: .whitespaces)))
    }
    #expect(!storedKinds(home).contains("ended"), "the killed console ended nothing")

    // The next console to start closes the dead console's chat (tmux has not yet collected the
    // killed process: a zombie counts as gone).
    let next = try TmuxPane(
      command: [
        ReplyDeskBinary.path, "console", "--socket", home.appendingPathComponent("console.sock").path,
        "--ranker", "lexical", "--generator", "off",
      ], width: 120, height: 40, environment: environment)
    try next.waitFor(text: "none waiting")
    try next.press("C-q")
    try next.waitFor("the next console to exit", timeout: 10) { _ in (try? next.hasExited()) == true }
    let listing = try ReplyDeskBinary.run(["sessions", "--json"], home: home).output
    #expect(listing.contains("\"outcome\":\"interrupted\""), "\(listing)")
    #expect(storedKinds(home).filter { $0 == "decision" }.count == 3, "everything recorded is kept")
  }
}
