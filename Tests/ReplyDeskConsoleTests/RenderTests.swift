import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

@Suite struct RenderTests {
  private func rows(_ grid: CellGrid) -> [String] { grid.plainText.components(separatedBy: "\n") }

  @Test func attendedWordsAreHighlightedOnlyWhenToggled() {
    var state = SampleState.busy(size: Size(width: 80, height: 24))
    let before = render(state, size: state.size)
    #expect(!before.cells.contains { $0.role == .attended })
    Fixture.press(&state, .alt("a"))
    let after = render(state, size: state.size)
    let marked = after.cells.filter { $0.role == .attended }.map(\.text).joined()
    #expect(marked == "kettle")
  }

  @Test func typingIndicatorShowsUnderTheNewestTurn() {
    var state = Fixture.openChat()
    _ = update(&state, .channel(ChannelEvent(chat: Fixture.chat, kind: .typing), now: Fixture.start + 12))
    let lines = rows(render(state, size: state.size))
    let title = lines.firstIndex { $0.contains("Suggestions") } ?? 0
    #expect(title > 0 && lines[title - 1].contains("customer is typing…"))
    _ = update(&state, .tick(now: Fixture.start + 30))
    #expect(!render(state, size: state.size).plainText.contains("typing"))
  }

  @Test func wideLayoutShowsEveryPaneAndNarrowShowsProfileAsATab() {
    let wide = render(
      SampleState.busy(size: Size(width: 160, height: 48)), size: Size(width: 160, height: 48))
    #expect(wide.plainText.contains("Profile"))
    #expect(wide.plainText.contains("Conversation"))
    var narrowState = SampleState.busy(size: Size(width: 80, height: 24))
    #expect(!render(narrowState, size: narrowState.size).plainText.contains("Profile"))
    Fixture.press(&narrowState, .backTab)
    let narrow = render(narrowState, size: narrowState.size).plainText
    #expect(narrow.contains("Profile"))
    #expect(!narrow.contains("Conversation"))
  }

  @Test func longSuggestionsEndWithAnEllipsis() {
    let long = Suggestion(
      source: .template(id: "long"), segments: [.literal(String(repeating: "word ", count: 60))], score: 0.5)
    let state = Fixture.openChat(suggestions: [long])
    let lines = rows(render(state, size: state.size)).filter { $0.contains("word") }
    #expect(lines.count == 3)
    #expect(lines.last?.hasSuffix("…") == true)
    #expect(lines.allSatisfy { DisplayText.width($0) <= 80 })
  }

  @Test func everyRowIsExactlyTheScreenWidthAtOddSizes() {
    for size in [
      Size(width: 80, height: 24), Size(width: 119, height: 29), Size(width: 120, height: 30),
      Size(width: 41, height: 13),
    ] {
      var state = SampleState.busy(size: size)
      Fixture.press(&state, .tab)
      Fixture.type(&state, "配達😀 wide text")
      let grid = render(state, size: size)
      for y in 0..<size.height {
        var width = 0
        for x in 0..<size.width where !grid[x, y].isContinuation { width += grid[x, y].width }
        #expect(width == size.width, "row \(y) at \(size)")
      }
    }
  }

  @Test func moneyAndClockFormatting() {
    #expect(Formatting.money(Money(minorUnits: 5498)) == "$54.98")
    #expect(Formatting.money(Money(minorUnits: -5, currency: "EUR")) == "-€0.05")
    #expect(Formatting.money(Money(minorUnits: 1200, currency: "CHF")) == "12.00 CHF")
    #expect(Formatting.clock(SampleState.start + 3_599, in: Fixture.utc) == "10:59")
    #expect(Formatting.day(SampleState.start, in: Fixture.utc, today: SampleState.start) == "Nov 25")
    let aYearLater = SampleState.start + 366 * 86_400
    #expect(Formatting.day(SampleState.start, in: Fixture.utc, today: aYearLater) == "Nov 25 2025")
  }

  @Test func composerWrapsAndTracksTheCursorAcrossLines() {
    var composer = Composer("abcdef")
    composer.moveLeft()
    let layout = ComposerPane.lines(composer, width: 4)
    #expect(layout.lines.map { $0.map(\.glyph.text).joined() } == ["abcd", "ef"])
    #expect(layout.cursor == Position(x: 1, y: 1))
    let wide = ComposerPane.lines(Composer("a配達"), width: 4)
    #expect(wide.lines.count == 2)
    #expect(wide.cursor == Position(x: 2, y: 1))
  }
}
