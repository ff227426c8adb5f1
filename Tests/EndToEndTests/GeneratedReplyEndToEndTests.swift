import Foundation
import Testing

/// The generated reply in the real console: a tiny generator trained by the test, the lexical ranker,
/// and the save-as-template key, driven in tmux at 120x40.
@Suite(.serialized) struct GeneratedReplyEndToEndTests {
  /// A copy of the shipped templates, so saving writes nowhere near the package.
  private func templatesCopy(in home: URL) throws -> URL {
    let copy = home.appendingPathComponent("Templates")
    try FileManager.default.copyItem(
      at: ReplyDeskBinary.packageRoot.appendingPathComponent("Templates"), to: copy)
    return copy
  }

  @Test func generatedReplyEditedSentAndSavedAsATemplateThatRanksAtOnce() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let templates = try templatesCopy(in: home)
    let model = home.appendingPathComponent("tiny-generator.model")
    // Four epochs: once the features gained the status-refund pair, two left the tiny generator
    // with no reply the console showed for this chat.
    let training = try ReplyDeskBinary.run(
      [
        "generator", "train", "--simulated", "60", "--epochs", "4", "--dim", "32", "--layers", "1",
        "--threads", "1", "--templates", templates.path, "--out", model.path,
      ], home: home)
    try #require(training.status == 0, "\(training.output)")

    let pane = try TmuxPane(
      command: [
        ReplyDeskBinary.path, "demo", "--seed", "11", "--speed", "3", "--ranker", "lexical",
        "--templates", templates.path, "--generator-model", model.path,
      ],
      width: 120, height: 40,
      environment: ["REPLYDESK_HOME": home.path, "TERM": "tmux-256color"])
    try pane.waitFor(text: "to take the next customer")
    #expect(try pane.screen().contains("generator ready"))
    let screen = try pane.waitFor("the generated reply as suggestion 9", timeout: 30) {
      $0.firstMatch(of: #/[ ▶]9 gen /#) != nil
    }
    let name = try #require(screen.firstMatch(of: #/Conversation · (\S+)/#).map { String($0.1) })

    try pane.press("Down", "Down", "Down", "Down", "Down", "Down", "Down", "Down")
    try pane.waitFor(text: "9: generated")
    try pane.press("C-e")
    try pane.waitFor(text: "Editing suggestion 9")
    let reply = "Thanks \(name), I am checking the carrier scan right now."
    try pane.press("Home")
    try pane.type(reply)
    try pane.press("-N", "400", "DC")
    try pane.press("Enter")
    try pane.waitFor(text: "You       \(reply)")
    try pane.press("C-t")
    try pane.waitFor(text: "Save the reply as a template")
    try pane.press("Enter")
    try pane.waitFor(text: "When it is true")
    try pane.press("Enter")
    try pane.waitFor(text: "Saved as template saved.thanks_")

    let file = try String(contentsOf: templates.appendingPathComponent("saved.yaml"), encoding: .utf8)
    #expect(file.contains("Thanks {customer.first_name}, I am checking the carrier scan right now."))

    try pane.press("C-r")
    try pane.waitFor(text: "Chat resolved")
    try pane.waitFor("a waiting customer", timeout: 90) { $0.firstMatch(of: #/[1-9] waiting/#) != nil }
    try pane.press("C-o")
    try pane.waitFor("the next customer's suggestions") { $0.contains("▶1 ") }
    try pane.type("checking the carrier scan right now")
    try pane.waitFor("the saved template ranked first in the next chat") {
      $0.contains("Suggestions · 1: saved.thanks_")
    }
    try pane.press("C-u", "C-r")
    try pane.waitFor(text: "Chat resolved")
    try pane.press("C-q")
    try pane.waitFor("the console to exit", timeout: 10) { _ in (try? pane.hasExited()) == true }

    let events = try ReplyDeskBinary.exportedEvents(home: home)
    let shownGenerated = events.contains { entry in
      let shown = ((entry["event"] as? [String: Any])?["suggestionsShown"] as? [String: Any])?["suggestions"]
      return (shown as? [[String: Any]])?.contains { ($0["source"] as? [String: Any])?["generated"] != nil }
        ?? false
    }
    #expect(shownGenerated)
    let edited = events.compactMap { entry -> [String: Any]? in
      let decision = ((entry["event"] as? [String: Any])?["decision"] as? [String: Any])?["decision"]
      return (decision as? [String: Any])?["edited"] as? [String: Any]
    }
    #expect(edited.first?["suggestionID"] as? String == "generated")
    #expect(edited.first?["rank"] as? Int == 9)
    #expect(edited.first?["final"] as? String == reply)
    #expect(edited.count == 1)
  }

  @Test func aFirstRunOpensAtOnceAndTrainsTheGeneratorInTheBackground() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let pane = try TmuxPane(
      command: [
        ReplyDeskBinary.path, "demo", "--seed", "5", "--speed", "20", "--arrival-gap", "3600", "--ranker",
        "lexical",
      ],
      width: 120, height: 40,
      environment: ["REPLYDESK_HOME": home.path, "TERM": "tmux-256color"])
    try pane.waitFor(text: "to take the next customer")
    try pane.waitFor(text: "generator: training")
    try pane.waitFor("ranked suggestions while the generator trains") {
      $0.contains("▶1 ") && $0.contains("generator: training")
    }
    try pane.press("C-q", "r")
    try pane.waitFor("the console to exit", timeout: 10) { _ in (try? pane.hasExited()) == true }
    let models =
      (try? FileManager.default.contentsOfDirectory(atPath: home.appendingPathComponent("models").path))
    #expect(
      !(models ?? []).contains { $0.hasPrefix("generator-") }, "no generator file after quitting mid-training"
    )
  }
}
