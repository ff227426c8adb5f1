import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// The composer wraps between words; a word wider than the pane breaks anywhere.
@Suite struct ComposerWrapTests {
  private func rows(_ text: String, width: Int, cursorBack: Int = 0) -> (rows: [String], cursor: Position) {
    var composer = Composer(text)
    for _ in 0..<cursorBack { composer.moveLeft() }
    let layout = ComposerPane.lines(composer, width: width)
    return (layout.lines.map { $0.map(\.glyph.text).joined() }, layout.cursor)
  }

  @Test func wordsMoveWholeToTheNextRow() {
    let wrapped = rows("the quick brown fox", width: 12)
    #expect(wrapped.rows == ["the quick ", "brown fox"])
    #expect(wrapped.cursor == Position(x: 9, y: 1))
    #expect(rows("the quick brown fox", width: 12, cursorBack: 9).cursor == Position(x: 0, y: 1), "on the b")
    #expect(
      rows("the quick brown fox", width: 12, cursorBack: 10).cursor == Position(x: 9, y: 0), "on the space")
  }

  @Test func aWordWiderThanThePaneStillBreaks() {
    #expect(rows("a supercalifragilistic", width: 8).rows == ["a ", "supercal", "ifragili", "stic"])
    #expect(rows("配達配達配達", width: 4).rows == ["配達", "配達", "配達", ""], "the cursor after a full row")
  }

  @Test func theVisibleRowsWrapTheSameWay() {
    var composer = Composer("one two three four six seven eight")
    for _ in 0..<7 { composer.moveLeft() }
    let view = ComposerPane.visible(composer, width: 9, height: 2)
    #expect(view.lines.map { $0.map(\.glyph.text).joined() } == ["four six ", "seven "])
    #expect(view.cursor == Position(x: 4, y: 1), "on the n of seven")
  }

  @Test func theComposerPaneAt80x24BreaksOnlyBetweenWords() throws {
    for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
      var state = Fixture.openChat(size: size)
      let text =
        "Thank you for waiting, Dana. Your refund of $25.00 for order A1311 was issued on November 16 "
        + "and should reach your card within five business days, sooner with most banks."
      Fixture.type(&state, text)
      let grid = render(state, size: size)
      let screen = grid.plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      let title = try #require(screen.firstIndex { $0.contains(" Reply · written") })
      let composerRows = screen[(title + 1)...].prefix { !$0.contains("Enter send") }.map { row in
        String(row.prefix { $0 != "│" }).trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
      #expect(composerRows.count >= 2, "\(size): the reply spans rows: \(composerRows)")
      let words = Set(text.split(separator: " "))
      for row in composerRows {
        #expect(row.split(separator: " ").allSatisfy(words.contains), "\(size): a word cut in \(row)")
      }
      let last = try #require(composerRows.last)
      let cursor = try #require(grid.cursor)
      #expect(screen[cursor.y].contains(last), "\(size): the cursor is on the last row")
      let end = screen[cursor.y].range(of: last).map {
        screen[cursor.y].distance(from: screen[cursor.y].startIndex, to: $0.upperBound)
      }
      #expect(end == cursor.x, "\(size): the cursor follows the last word")
    }
  }
}
