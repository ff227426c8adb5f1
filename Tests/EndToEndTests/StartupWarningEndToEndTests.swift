import Foundation
import Testing

/// Problems found while the console starts are said on its screen, not only on stderr (which the
/// full-screen console hides).
@Suite struct StartupWarningEndToEndTests {
  @Test func aBrokenTemplateFileIsReportedOnScreenAndTheRestLoad() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let templates = home.appendingPathComponent("templates")
    try FileManager.default.copyItem(
      at: ReplyDeskBinary.packageRoot.appendingPathComponent("Templates"), to: templates)
    try Data("- id: broken\n  text: [not, a, text\n".utf8)
      .write(to: templates.appendingPathComponent("zz-broken.yaml"))
    let pane = try TmuxPane(
      command: [
        ReplyDeskBinary.path, "console", "--socket", home.appendingPathComponent("console.sock").path,
        "--ranker", "lexical", "--generator", "off", "--templates", templates.path,
      ],
      width: 160, height: 40, environment: ["REPLYDESK_HOME": home.path, "TERM": "tmux-256color"])
    let screen = try pane.waitFor(text: "template problem was found")
    #expect(screen.contains("replydesk templates check"))
    #expect(screen.contains("none waiting"), "the console opened with the other templates")
    try pane.press("C-q")
    try pane.waitFor("the console to exit", timeout: 10) { _ in (try? pane.hasExited()) == true }
  }
}
