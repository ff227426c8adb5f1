import Foundation
import Testing

/// A representative's replies survive `kill -9`: every reply the console showed as sent is in the store.
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

  @Test func repliesShownAsSentSurviveKillNine() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let pane = try TmuxPane(
      command: [
        ReplyDeskBinary.path, "demo", "--seed", "5", "--speed", "8", "--ranker", "lexical", "--generator",
        "off",
      ],
      width: 120, height: 40,
      environment: ["REPLYDESK_HOME": home.path, "TERM": "tmux-256color"])

    try pane.waitFor(text: "1 waiting")
    try pane.press("C-o")
    var shown: [String] = []
    for reply in 1...3 {
      try pane.waitForSettled("suggestions for customer turn \(reply)") { screen in
        screen.contains("▶1 ") && self.sentReplies(screen).count == reply - 1
          && self.customerSpokeLast(screen)
      }
      try pane.press("1")
      let screen = try pane.waitFor("reply \(reply) shown as sent") { self.sentReplies($0).count == reply }
      shown = sentReplies(screen)
    }

    let pid = try ProcessRunner.run(["pgrep", "-f", "\(ReplyDeskBinary.path) demo --seed 5"]).output
      .split(separator: "\n").compactMap { Int32($0) }
    try #require(!pid.isEmpty)
    for process in pid { kill(process, SIGKILL) }
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
  }
}
