import Foundation
import Testing

/// Keys never misfire in the real console: typing never runs a command, a reply goes only to the open
/// chat, a double press sends once, and the same text twice asks first.
@Suite(.serialized) struct KeysEndToEndTests {
  private static let environment = ["TERM": "tmux-256color"]

  /// The decisions recorded in `home`'s store, across sessions, as (kind, payload) pairs.
  private func decisions(home: URL) throws -> [(kind: String, payload: [String: Any])] {
    let listing = try ReplyDeskBinary.run(["sessions", "--json"], home: home)
    let ids = listing.output.split(separator: "\n").compactMap { line in
      ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["id"] as? String
    }
    return try ids.flatMap { id in
      let export = try ReplyDeskBinary.run(["export", id, "--format", "jsonl", "--no-redact"], home: home)
      return export.output.split(separator: "\n").compactMap { line -> (String, [String: Any])? in
        let entry = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        let decision = (entry?["event"] as? [String: Any])?["decision"] as? [String: Any]
        guard let kind = (decision?["decision"] as? [String: Any])?.first else { return nil }
        return (kind.key, kind.value as? [String: Any] ?? [:])
      }
    }
  }

  private func agentLines(_ screen: String) -> Int {
    speakers(screen).filter { $0 == "You" }.count
  }

  /// Who wrote each turn on screen, oldest first.
  private func speakers(_ screen: String) -> [String] {
    screen.split(separator: "\n").compactMap { line in
      line.firstMatch(of: #/^\d\d:\d\d (\S+)\s/#).map { String($0.1) }
    }
  }

  @Test func typingGoesIntoTheDraftAndEnterSendsItToTheOpenChatOnly() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let panes = try LiveConsolePanes(home: home)
    let console = panes.console
    func customer(_ name: String, says text: String) throws -> TmuxPane {
      try panes.customer(name, says: text)
    }
    let alice = try customer("Alice Park", says: "Hi, my order is late")
    try console.waitFor(text: "1 waiting")
    let bob = try customer("Bob Stone", says: "Hello, anyone there?")
    try console.waitFor(text: "2 waiting")

    try console.press("C-o")
    try console.waitForSettled("Alice's chat") { $0.contains("my order is late") && $0.contains("▶1 ") }
    try console.type("quickly")
    var screen = try console.waitFor(text: "Reply · written")
    #expect(screen.contains(" quickly"))
    #expect(try !console.hasExited())
    #expect(!screen.contains("Quit?"))
    let reply = "quickly: just a moment, no problem at all"
    try console.type(": just a moment, no problem at all")
    try console.waitFor(text: reply)
    try console.press("Enter")
    try alice.waitFor(text: reply)
    screen = try console.waitFor(text: "You       \(reply)")
    #expect(screen.contains("1 waiting"), "Bob still waits: \(screen)")
    #expect(try !bob.screen().contains("just a moment"))

    try console.type(reply)
    try console.press("Enter")
    try console.waitFor(text: "Send the same reply again?")
    try console.press("Escape")
    try console.waitFor(text: "Not sent")
    #expect(agentLines(try console.screen()) == 1)

    try console.press("C-q")
    try console.waitFor(text: "Quit?")
    try console.press("r")
    try console.waitFor("the console to exit", timeout: 10) { _ in (try? console.hasExited()) == true }
    let recorded = try decisions(home: home)
    #expect(recorded.map(\.kind) == ["written"])
    #expect(recorded.first?.payload["text"] as? String == reply)
  }

  @Test func aDoublePressSendsOnceAndRefusesTheSecondKey() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let pane = try TmuxPane(
      command: [
        ReplyDeskBinary.path, "demo", "--seed", "11", "--speed", "20", "--arrival-gap", "3600", "--ranker",
        "lexical", "--generator", "off",
      ],
      width: 120, height: 40, environment: Self.environment.merging(["REPLYDESK_HOME": home.path]) { $1 })
    try pane.waitFor(text: "to take the next customer")
    try pane.waitForSettled("the customer's first message and its list") { screen in
      screen.contains("▶1 ") && self.speakers(screen).last.map { $0 != "You" && $0 != "System" } == true
    }

    try pane.press("1", "1")
    let screen = try pane.waitFor(text: "The suggestions just changed — check them and press again")
    #expect(agentLines(screen) == 1)
    try pane.press("C-q")
    try pane.waitFor(text: "Quit?")
    try pane.press("r")
    try pane.waitFor("the console to exit", timeout: 10) { _ in (try? pane.hasExited()) == true }
    let recorded = try decisions(home: home)
    #expect(recorded.map(\.kind) == ["accepted"])
    #expect(recorded.first?.payload["rank"] as? Int == 1)
  }
}
