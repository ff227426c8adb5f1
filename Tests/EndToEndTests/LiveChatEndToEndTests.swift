import Foundation
import Testing

/// The two-terminal demo: a customer client in one tmux pane, the live console in another.
@Suite(.serialized) struct LiveChatEndToEndTests {
  @Test func customerAndConsoleChatThroughTheSocket() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let socket = home.appendingPathComponent("console.sock").path
    let environment = ["REPLYDESK_HOME": home.path, "TERM": "tmux-256color"]
    let console = try TmuxPane(
      command: [
        ReplyDeskBinary.path, "console", "--socket", socket, "--ranker", "lexical", "--generator", "off",
      ], width: 120,
      height: 40,
      environment: environment)
    try console.waitFor(text: "none waiting")

    let customer = try TmuxPane(
      command: [ReplyDeskBinary.path, "customer", "--connect", socket, "--name", "Ada Quinn"], width: 80,
      height: 20, environment: environment)
    try customer.waitFor(text: "Connected")
    try customer.type("Hi, where is my refund? \u{1b}[31mred")
    try customer.press("Enter")

    try console.waitFor(text: "1 waiting")
    try console.press("C-o")
    var screen = try console.waitFor("the customer's message") { $0.contains("where is my refund?") }
    #expect(screen.contains("Ada Quinn"))
    #expect(screen.contains("␛[31mred"), "an escape sequence from a customer shows inert")
    screen = try console.waitFor(text: "▶1 ")

    try console.press("Tab")
    try console.type("Let me check that for you, Ada.")
    try console.press("Enter")
    try customer.waitFor(text: "Let me check that for you, Ada.")

    try customer.type("/bye")
    try customer.press("Enter")
    try console.waitFor(text: "Customer left")
    try customer.waitFor("the client to exit", timeout: 10) { _ in (try? customer.hasExited()) == true }

    try console.press("C-q")
    try console.waitFor("the console to exit", timeout: 10) { _ in (try? console.hasExited()) == true }
    let listing = try ReplyDeskBinary.run(["sessions", "--json"], home: home)
    #expect(listing.output.contains("\"customerName\":\"Ada Quinn\""))
    #expect(listing.output.contains("\"outcome\":\"resolved\""))
  }
}
