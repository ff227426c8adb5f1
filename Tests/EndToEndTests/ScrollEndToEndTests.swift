import Foundation
import Testing

/// Scrolling in the real console stops where the drawn pane ends: the runner feeds each frame's
/// measured extents back, and update clamps every scroll key to them.
@Suite(.serialized) struct ScrollEndToEndTests {
  /// The help footer's "first-last of total" range.
  private func range(_ screen: String) -> (first: Int, last: Int, total: Int)? {
    screen.firstMatch(of: #/(\d+)-(\d+) of (\d+)/#).map { (Int($0.1)!, Int($0.2)!, Int($0.3)!) }
  }

  @Test func helpPagesDownToItsLastLineAndNoFurther() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let console = try LiveConsolePanes(home: home, width: 100, height: 20).console
    try console.press("F1")
    let opened = try console.waitFor(text: "Help: keys")
    let top = try #require(range(opened))
    #expect(top.first == 1 && top.last < top.total, "the help does not fit in 20 rows: \(opened)")
    for _ in 0..<(top.total / max(top.last - 1, 1) + 2) { try console.press("NPage") }
    let visible = top.last
    let bottomFirst = top.total - visible + 1
    try console.waitFor(text: "\(bottomFirst)-\(top.total) of \(top.total)")
    try console.press("Down", "Down", "Up")
    let screen = try console.waitFor(text: "\(bottomFirst - 1)-\(top.total - 1) of \(top.total)")
    #expect(screen.contains("Help: keys"), "a key past the end does nothing, so one Up moves one line")
    try console.press("Escape", "C-q")
    try console.waitFor("the console to exit", timeout: 10) { _ in (try? console.hasExited()) == true }
  }
}
