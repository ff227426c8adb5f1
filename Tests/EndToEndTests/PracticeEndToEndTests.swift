import Foundation
import Testing

/// Drives `replydesk practice` in tmux: one chat, one reply, quit, then the scorecard.
struct PracticeEndToEndTests {
  /// A practice console on one scripted cancellation chat, in a fresh home.
  private func practicePane(home: URL, extraArguments: [String] = []) throws -> TmuxPane {
    let scenarios = home.appendingPathComponent("scenarios")
    try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
    let scenario = """
      scenario: order_cancellation
      goal: Cancel an order.
      persona: patient
      policy:
        - verify_identity_before: cancel
      """
    try scenario.write(to: scenarios.appendingPathComponent("cancel.yaml"), atomically: true, encoding: .utf8)
    let root = ReplyDeskBinary.packageRoot
    return try TmuxPane(
      command: [
        ReplyDeskBinary.path, "practice", "--ranker", "lexical", "--chats", "1", "--seed", "11", "--speed",
        "10", "--scenarios", scenarios.path, "--templates", root.appendingPathComponent("Templates").path,
      ] + extraArguments,
      width: 120, height: 40, environment: ["REPLYDESK_HOME": home.path, "TERM": "tmux-256color"])
  }

  private func quit(_ pane: TmuxPane) throws -> String {
    try pane.press("C-q")
    try pane.waitFor(text: "Quit")
    try pane.press("y")
    return try pane.waitFor(text: "1 chats: mean handle")
  }

  @Test func aPracticeChatEndsWithAScorecardStoredAsAQANote() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let pane = try practicePane(home: home)
    try pane.waitFor(text: "1 waiting")
    try pane.press("n")
    try pane.waitFor(text: "cancel", timeout: 20)
    try pane.press("1")
    try pane.waitFor(text: "You ")
    let screen = try quit(pane)
    #expect(screen.contains("policy slips"), "\(screen)")
    #expect(screen.contains("1. customer:"))
    #expect(screen.contains("you (accepted #1"))

    let events = try ReplyDeskBinary.exportedEvents(home: home)
    let notes = events.compactMap { entry in
      ((entry["event"] as? [String: Any])?["qaNote"] as? [String: Any])?["text"] as? String
    }
    #expect(notes.count == 1)
    #expect(notes.first?.hasPrefix("Practice scorecard (cancel)") == true)
  }

  @Test func hiddenSuggestionsAreRankedSilentlyForTheScorecard() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let pane = try practicePane(home: home, extraArguments: ["--hide-suggestions"])
    try pane.waitFor(text: "1 waiting")
    try pane.press("n")
    try pane.waitFor(text: "cancel", timeout: 20)
    let hidden = try pane.waitFor(text: "Suggestions are hidden for practice")
    #expect(!hidden.contains("▶1"), "\(hidden)")
    try pane.press("1")
    try pane.waitFor(text: "No suggestions in this practice")
    try pane.type("Could you confirm your email first?")
    try pane.press("Enter")
    try pane.waitFor(text: "You ")
    let screen = try quit(pane)
    #expect(screen.contains("you (written"), "\(screen)")
    #expect(screen.contains("ranker: ") && !screen.contains("no suggestions shown"), "\(screen)")
  }
}
