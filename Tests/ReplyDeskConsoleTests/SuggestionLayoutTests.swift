import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// How much of each suggestion fits at the common terminal sizes, and the profile's wrapping.
@Suite struct SuggestionLayoutTests {
  static let sizes = [
    Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 160, height: 48),
  ]

  /// The suggestions pane's text with every run of spaces collapsed, so wrapped text reads as one line.
  private func flattened(_ state: ConsoleState) -> String {
    let grid = render(state, size: state.size)
    let pane = ConsoleLayout(size: state.size, focus: state.focus, suggestionCount: 9).suggestions
    var text = ""
    for y in pane.y..<pane.maxY {
      for x in pane.x..<pane.maxX where !grid[x, y].isContinuation { text += grid[x, y].text }
      text += " "
    }
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  @Test(arguments: sizes) func theHighlightedSuggestionIsShownInFull(size: Size) {
    var state = SampleState.busy(size: size)
    for (index, suggestion) in SampleState.suggestions().enumerated() {
      state.active?.suggestions.highlighted = index
      #expect(flattened(state).contains(suggestion.text), "suggestion \(index + 1) at \(size)")
    }
  }

  @Test(arguments: sizes.dropFirst()) func wideLayoutsShowEverySuggestionInFull(size: Size) {
    let screen = flattened(SampleState.busy(size: size))
    for suggestion in SampleState.suggestions() {
      #expect(screen.contains(suggestion.text), "\(suggestion.id) at \(size)")
    }
  }

  @Test func wideLayoutGivesTheLeftColumnToConversationSuggestionsAndComposer() throws {
    let layout = ConsoleLayout(size: Size(width: 120, height: 40), focus: .suggestions, suggestionCount: 9)
    let profile = try #require(layout.profile)
    #expect(layout.suggestions.x == 0 && layout.composer.x == 0)
    #expect(layout.suggestions.width >= 77)
    #expect(layout.suggestions.width - SuggestionList.prefixWidth - 1 >= 68)
    #expect(profile.x > layout.suggestions.maxX && profile.maxX == 120)
    #expect(layout.suggestions.y == (layout.conversation?.maxY ?? 0))
    #expect(layout.composer.y == layout.suggestions.maxY)
  }

  @Test func spareLinesGoToTheHighlightedRowFirst() {
    let plan = SuggestionList.allocate(wanted: [3, 2, 3, 1], highlighted: 2, height: 6)
    #expect(plan.first == 0)
    #expect(plan.lines == [1, 1, 3, 1])
    #expect(plan.gap == 0)
  }

  @Test func rowsNeverGetMoreThanThreeLinesAndGapsOnlyWhenAllFit() {
    let roomy = SuggestionList.allocate(wanted: [5, 1], highlighted: 0, height: 20)
    #expect(roomy.lines == [3, 1])
    #expect(roomy.gap == 1)
    let tight = SuggestionList.allocate(wanted: [2, 2, 2], highlighted: 0, height: 5)
    #expect(tight.lines == [2, 2, 1])
    #expect(tight.gap == 0)
  }

  @Test func aShortPaneScrollsToKeepTheHighlightedRowVisible() {
    let plan = SuggestionList.allocate(wanted: Array(repeating: 2, count: 9), highlighted: 8, height: 4)
    #expect(plan.first + plan.lines.count - 1 == 8)
    #expect(plan.lines.last == 2)
    #expect(plan.lines.reduce(0, +) == 4)
  }

  @Test func wrappedOrderLinesKeepTheirIndentation() throws {
    let state = SampleState.busy(size: Size(width: 80, height: 24))
    let lines = ProfilePane.lines(
      SampleState.profile(), inQuestion: state.active?.orderInQuestion.order?.id, width: 24, now: state.now,
      timeZone: state.timeZone
    ).map {
      $0.map(\.glyph.text).joined()
    }
    let refund = try #require(lines.firstIndex { $0.hasPrefix("  refund:") })
    #expect(lines[refund + 1].hasPrefix("  ") && !lines[refund + 1].hasPrefix("   "))
    let items = try #require(lines.firstIndex { $0.hasPrefix("  2× Ceramic") })
    #expect(lines[items + 1] == "  sampler")
    #expect(lines.allSatisfy { $0.count <= 24 })
  }
}
