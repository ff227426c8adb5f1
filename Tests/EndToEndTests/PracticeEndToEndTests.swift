import Foundation
import Testing

/// Drives `replydesk practice` in tmux: one chat, one reply, quit, then the scorecard.
struct PracticeEndToEndTests {
  /// A practice console on one scripted cancellation chat, in a fresh home; the customer opens with the
  /// cancellation and its order number, whatever the seed.
  private func practicePane(home: URL, extraArguments: [String] = []) throws -> TmuxPane {
    let scenarios = home.appendingPathComponent("scenarios")
    try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
    let scenario = """
      scenario: order_cancellation
      goal: Cancel an order.
      persona: patient
      names_order: order_number
      policy:
        - verify_identity_before: cancel
      """
    try scenario.write(to: scenarios.appendingPathComponent("cancel.yaml"), atomically: true, encoding: .utf8)
    let root = ReplyDeskBinary.packageRoot
    return try TmuxPane(
      command: [
        ReplyDeskBinary.path, "practice", "--ranker", "lexical", "--chats", "1", "--seed", "11", "--speed",
        "10", "--scenarios", scenarios.path, "--templates", root.appendingPathComponent("Templates").path,
        "--rep", "tia", "--generator", "off",
      ] + extraArguments,
      width: 120, height: 40, environment: ["REPLYDESK_HOME": home.path, "TERM": "tmux-256color"])
  }

  /// The JSON rows `replydesk stats ARGUMENTS --json` prints for the store in `home`.
  private func statsRows(_ arguments: [String], home: URL) throws -> [[String: Any]] {
    let result = try ReplyDeskBinary.run(["stats"] + arguments + ["--json"], home: home)
    return result.output.split(separator: "\n").compactMap { line in
      (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }
  }

  private func quit(_ pane: TmuxPane) throws -> String {
    try pane.press("C-q")
    try pane.waitFor(text: "Quit")
    try pane.press("r")
    return try pane.waitFor(text: "1 chats: mean handle")
  }

  @Test func aPracticeChatEndsWithAScorecardStoredAsAQANote() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let pane = try practicePane(home: home)
    try pane.waitFor(text: "1 waiting")
    try pane.press("C-o")
    try pane.waitForSettled("the customer's request", timeout: 20) {
      $0.contains("cancel") && $0.contains("▶1 ")
    }
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

    let trainees = try statsRows(["--practice"], home: home)
    #expect(trainees.count == 1, "\(trainees)")
    let tia = try #require(trainees.first)
    #expect(tia["trainee"] as? String == "tia")
    #expect(tia["chats"] as? Int == 1 && tia["scoredChats"] as? Int == 1)
    #expect(tia["accepted"] as? Int == 1 && tia["written"] as? Int == 0)
    #expect(tia["suggestionsHiddenChats"] as? Int == 0)
    #expect(tia["agreedWithRanker"] as? Int == 1 && tia["rankedDecisions"] as? Int == 1)
    #expect(try statsRows([], home: home).isEmpty, "practice chats are not live figures")
    #expect(
      try statsRows(["--channel", "practice"], home: home).first?["top1AcceptanceRate"] as? Double == 1)
  }

  @Test func hiddenSuggestionsAreRankedSilentlyForTheScorecard() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let pane = try practicePane(home: home, extraArguments: ["--hide-suggestions"])
    try pane.waitFor(text: "1 waiting")
    try pane.press("C-o")
    try pane.waitFor(text: "cancel", timeout: 20)
    let hidden = try pane.waitFor(text: "Suggestions are hidden for practice")
    #expect(!hidden.contains("▶1"), "\(hidden)")
    try pane.press("Enter")
    try pane.waitFor(text: "No suggestions in this practice")
    try pane.type("Could you confirm your email first?")
    try pane.press("Enter")
    try pane.waitFor(text: "You ")
    let screen = try quit(pane)
    #expect(screen.contains("you (written"), "\(screen)")
    #expect(screen.contains("ranker: ") && !screen.contains("no suggestions shown"), "\(screen)")

    let tia = try #require(try statsRows(["--practice"], home: home).first)
    #expect(tia["trainee"] as? String == "tia" && tia["suggestionsHiddenChats"] as? Int == 1)
    #expect(tia["suggestions"] as? String == "hidden")
    #expect(tia["written"] as? Int == 1 && tia["accepted"] as? Int == 0)
    #expect(tia["rankedDecisions"] as? Int == 1)
    let practice = try #require(try statsRows(["--channel", "practice"], home: home).first)
    #expect(practice["suggestionsHiddenSessions"] as? Int == 1 && practice["sessions"] as? Int == 1)
    #expect(practice["top1AcceptanceRate"] == nil && practice["coverage"] == nil, "\(practice)")
    let template = (practice["sources"] as? [String: Any])?["template"] as? [String: Any]
    #expect(template?["shownLists"] as? Int == 0, "\(practice)")
  }
}
