import Foundation
import Testing

/// Templates at hand in the real demo console: `/` finds a template the list does not show and
/// inserts it filled into the draft, and ^T saves a reply of the representative's own as a template
/// file that loads and is offered at once.
@Suite(.serialized) struct TemplateFinderEndToEndTests {
  private static let environment = ["TERM": "tmux-256color"]

  private func demo(home: URL) throws -> TmuxPane {
    try TmuxPane(
      command: [
        ReplyDeskBinary.path, "demo", "--seed", "11", "--speed", "20", "--arrival-gap", "3600", "--ranker",
        "lexical", "--generator", "off",
      ],
      width: 120, height: 40, environment: Self.environment.merging(["REPLYDESK_HOME": home.path]) { $1 })
  }

  private func takeFirstChat(_ pane: TmuxPane) throws -> String {
    try pane.waitFor(text: "to take the next customer")
    return try pane.waitForSettled("the customer's first message and its list") { $0.contains("▶1 ") }
  }

  private func quit(_ pane: TmuxPane) throws {
    try pane.press("C-q")
    try pane.waitFor(text: "Hand the open chats over, or resolve them?")
    try pane.press("r")
    try pane.waitFor("the console to exit", timeout: 10) { _ in (try? pane.hasExited()) == true }
  }

  @Test func slashFindsATemplateTheListDoesNotShowAndInsertsItFilled() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let pane = try demo(home: home)
    let before = try takeFirstChat(pane)
    #expect(!before.contains("The address we have on file"), "the list already shows it: \(before)")

    try pane.type("/")
    try pane.waitFor(text: "Find a template")
    try pane.type("adress on file")
    try pane.waitFor(text: "address.current")
    try pane.press("Enter")
    let screen = try pane.waitFor("the filled template in the draft") { screen in
      !screen.contains("Find a template") && screen.contains("Inserted address.current")
    }
    let draft = screen.split(separator: "\n").drop { !$0.contains("Reply") }.joined(separator: "\n")
    #expect(draft.contains("The address we have on file is"), "draft: \(draft)")
    #expect(!draft.contains("{customer.address}"))
    #expect(!screen.contains("You       The address"), "inserted, not sent: \(screen)")
    try quit(pane)
  }

  @Test func controlTSavesAnOwnReplyAsATemplateThatLoadsAndIsOffered() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let pane = try demo(home: home)
    let screen = try takeFirstChat(pane)
    let title = try #require(screen.firstMatch(of: #/Conversation · (\S+) /#), "no chat title: \(screen)")
    let first = String(title.1)
    let reply = "Thanks \(first), I am looking into this right now and will write back within a minute."
    try pane.type(reply)
    try pane.press("Enter")
    try pane.waitFor(text: "You       Thanks \(first)")
    try pane.press("C-t")
    try pane.waitFor(text: "Save the reply as a template")
    try pane.press("C-w")
    try pane.type("hold_on")
    try pane.press("Enter")
    try pane.waitFor(text: "[ ] order.status: [")
    try pane.press("Space")
    try pane.waitFor(text: "[x] order.status: [")
    try pane.press("Enter")
    try pane.waitFor(text: "Saved as template saved.thanks_i_am_looking")

    let file = home.appendingPathComponent("templates/saved.yaml")
    let yaml = try String(contentsOf: file, encoding: .utf8)
    #expect(yaml.contains("intents: [hold_on]"), "\(yaml)")
    #expect(yaml.contains("Thanks {customer.first_name}, I am looking"), "\(yaml)")
    #expect(yaml.contains("when: {order.status: ["), "\(yaml)")
    let check = try ReplyDeskBinary.run(
      ["templates", "check", "--dir", file.deletingLastPathComponent().path], home: home)
    #expect(check.status == 0, "templates check: \(check.output)")

    try pane.press("C-f")
    try pane.waitFor(text: "Find a template")
    try pane.type("lookng hold_on")
    try pane.waitFor(text: "saved.thanks_i_am_looking")
    try pane.press("Escape")
    try quit(pane)
  }
}
