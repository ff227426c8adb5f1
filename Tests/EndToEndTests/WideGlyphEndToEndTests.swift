import Foundation
import Testing

/// In the real console under tmux, a customer's flags and emoji never leave their text behind on
/// the next chat's screen (issue 15 item 3).
@Suite(.serialized) struct WideGlyphEndToEndTests {
  @Test func theNextChatShowsNothingOfAFlagFilledMessage() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let panes = try LiveConsolePanes(home: home)
    let console = panes.console
    func customer(_ name: String, says text: String) throws -> TmuxPane {
      try panes.customer(name, says: text)
    }
    let flags = String(repeating: "🇫🇷🇩🇪🇯🇵👍🏽", count: 6)
    let alice = try customer(
      "Alice Park", says: "\(flags) SECRET-ACCOUNT-NUMBER 9911 \(flags) SECRET-PIN 0042")
    try console.waitFor(text: "1 waiting")
    try console.press("C-o")
    let first = try console.waitFor(text: "SECRET-PIN")
    #expect(first.contains("[FR][DE][JP]👍"))
    let bob = try customer("Bob Stone", says: "Hi")
    try console.waitFor(text: "1 waiting")
    try console.press("C-o")
    let screen = try console.waitFor("Bob's chat") {
      $0.contains("Conversation · Bob Stone") && $0.contains(#/\d\d:\d\d Bob\s+Hi\s/#)
    }
    #expect(!screen.contains("SECRET"), "\(screen)")
    #expect(!screen.contains("9911") && !screen.contains("[FR]"), "\(screen)")
    withExtendedLifetime((alice, bob)) {}
  }
}
