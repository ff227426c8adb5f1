import Foundation
import Testing

/// Drives the real `replydesk demo` in tmux the way a representative would, at 120x40.
@Suite(.serialized) struct DemoEndToEndTests {
  private func customerName(_ screen: String) -> String? {
    screen.firstMatch(of: #/Conversation · (\S+)/#).map { String($0.1) }
  }

  private func customerTurns(_ screen: String, name: String) -> Int {
    let turn = try! Regex("^\\d\\d:\\d\\d \(name) ")
    return screen.split(separator: "\n").filter { $0.firstMatch(of: turn) != nil }.count
  }

  /// The first words of suggestion `number` as the suggestions pane shows it.
  private func suggestionStart(_ number: Int, in screen: String) -> String? {
    let pattern = try! Regex("[ ▶]\(number) [█·]{4} (\\S+ \\S+ \\S+)")
    return screen.firstMatch(of: pattern).map { String($0.output[1].substring ?? "") }
  }

  private func decisions(_ events: [[String: Any]]) -> [[String: Any]] {
    events.compactMap { entry in
      let event = entry["event"] as? [String: Any]
      let decision = event?["decision"] as? [String: Any]
      return decision?["decision"] as? [String: Any]
    }
  }

  @Test func acceptEditEscalateResizeAndQuit() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let pane = try TmuxPane(
      command: [
        ReplyDeskBinary.path, "demo", "--seed", "11", "--speed", "20", "--arrival-gap", "3600", "--ranker",
        "lexical", "--generator", "off",
      ],
      width: 120, height: 40,
      environment: ["REPLYDESK_HOME": home.path, "TERM": "tmux-256color"])

    try pane.waitFor(text: "to take the next customer")
    var screen = try pane.waitForSettled("the first customer turn") { screen in
      (customerName(screen).map { customerTurns(screen, name: $0) >= 1 } ?? false)
        && suggestionStart(1, in: screen) != nil
    }
    let name = try #require(customerName(screen))
    let first = try #require(suggestionStart(1, in: screen))

    try pane.press("1")
    screen = try pane.waitForSettled("suggestion 1 sent and answered") { screen in
      screen.contains("You       \(first)") && customerTurns(screen, name: name) >= 2
    }

    try pane.press("Down", "C-e")
    try pane.waitFor(text: "editing suggestion 2")
    try pane.press("End")
    try pane.type(" Thanks for waiting.")
    try pane.press("Enter")
    screen = try pane.waitFor("the edited reply in the conversation") { screen in
      // The reply may wrap between "Thanks" and "for waiting.".
      screen.contains("for waiting.") && !screen.contains("editing suggestion 2")
    }

    try pane.press("C-x")
    try pane.waitFor(text: "Escalate this chat")
    try pane.press("2")
    try pane.waitFor(text: "Enter escalates")
    try pane.type("asked for a manager")
    try pane.press("Enter")
    screen = try pane.waitFor(text: "1 escalated")
    #expect(screen.contains("Handed over"))
    try pane.press("M-e")
    try pane.waitFor(text: "Hand-over summary")

    try pane.resize(width: 80, height: 24)
    screen = try pane.waitFor("the console redrawn for 80x24") { screen in
      let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
      // Stacked panes: the conversation's title rule spans all 80 columns, and the wide layout's
      // divider (column 77 at 120 columns) is gone. A screen not redrawn is only cut at 80 and keeps it.
      let title = lines.first { String($0).contains("Conversation ·") }
      return screen.contains("Hand-over summary") && title?.count == 80 && title?.last == "─"
        && !lines.contains { $0.count > 77 && $0[77] == "│" }
    }
    #expect(!screen.contains("�"))
    try pane.resize(width: 120, height: 40)
    try pane.waitFor("the wide layout again") { $0.contains("Conversation ·") && $0.contains("Profile") }

    // The simulated customer may have left by now: then no chat is open and ^Q quits at once.
    try pane.press("C-q")
    let asked = try pane.waitFor("the quit question, or the exit") { screen in
      screen.contains("Hand the open chats over, or resolve them?") || (try? pane.hasExited()) == true
    }
    if asked.contains("Hand the open chats over") { try pane.press("r") }
    try pane.waitFor("the console to exit", timeout: 10) { _ in (try? pane.hasExited()) == true }

    let recorded = decisions(try ReplyDeskBinary.exportedEvents(home: home))
    #expect(recorded.count == 3)
    let accepted = try #require(recorded.first?["accepted"] as? [String: Any])
    #expect(accepted["rank"] as? Int == 1)
    #expect((accepted["text"] as? String)?.hasPrefix(first) == true)
    let edited = try #require(recorded.dropFirst().first?["edited"] as? [String: Any])
    #expect(edited["rank"] as? Int == 2)
    #expect((edited["final"] as? String)?.hasSuffix(" Thanks for waiting.") == true)
    #expect((edited["original"] as? String)?.contains("Thanks for waiting.") == false)
    let escalated = try #require(recorded.last?["escalated"] as? [String: Any])
    #expect(escalated["reason"] as? String == "Refund above my approval limit")
    #expect(escalated["note"] as? String == "asked for a manager")
  }

  /// Customers arrive on their own schedule: the first chat opens without a key and says which key
  /// takes the next, a second customer queues while it is open, ^O takes them and ^N switches back.
  @Test func customersArriveOnTheirOwnScheduleAndTheFirstIsTaken() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let pane = try TmuxPane(
      command: [
        ReplyDeskBinary.path, "demo", "--seed", "5", "--arrival-gap", "4", "--ranker", "lexical",
        "--generator",
        "off",
      ],
      width: 120, height: 40,
      environment: ["REPLYDESK_HOME": home.path, "TERM": "tmux-256color"])

    var screen = try pane.waitFor("the first chat, taken without a key") { screen in
      screen.contains("chat is open; press ^O to take the next customer") && customerName(screen) != nil
    }
    let first = try #require(customerName(screen))
    try pane.waitFor("the first customer's message") { customerTurns($0, name: first) >= 1 }
    screen = try pane.waitFor("a second customer waiting while the first chat is open") { screen in
      screen.firstMatch(of: #/[1-9] waiting/#) != nil && customerName(screen) == first
    }
    try pane.press("C-o")
    try pane.waitFor("the second customer's chat") { screen in
      customerName(screen).map { $0 != first } ?? false
    }
    try pane.press("C-n")
    try pane.waitFor("back in the first chat") { customerName($0) == first }
    try pane.press("C-q")
    try pane.waitFor(text: "Hand the open chats over, or resolve them?")
    try pane.press("r")
    try pane.waitFor("the console to exit", timeout: 10) { _ in (try? pane.hasExited()) == true }
    let listing = try ReplyDeskBinary.run(["sessions", "--json"], home: home).output
    let resolved = listing.split(separator: "\n").filter { $0.contains("\"outcome\":\"resolved\"") }
    #expect(resolved.count >= 2, "both chats were recorded and resolved: \(listing)")
  }
}
