import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// The footer keeps whole key hints: when the right side is long, the least important hints go,
/// none is cut mid-word.
@Suite struct FooterHintTests {
  private func footer(_ state: ConsoleState) -> String {
    let text = render(state, size: state.size).plainText
    return String(text.split(separator: "\n", omittingEmptySubsequences: false)[state.size.height - 1])
  }

  @Test func aFullStatusLineDropsWholeHintsAt80Columns() throws {
    var state = SampleState.busy(size: Size(width: 80, height: 24))
    state.generator = .training(0.4)
    let line = footer(state)
    try Snapshot.assert(line, named: "footer-full-status-80x24", sourceLocation: #_sourceLocation)
    #expect(!line.contains("…"))
    #expect(line.hasPrefix(" 1-9 send  ^E edit"))
    #expect(line.contains("gen 40% · 2 waiting"))
    let hints = Bindings.footerHints(for: .suggestions).map { "\($0.label) \($0.hint)" }
    let shown = hints.filter { line.contains($0) }
    #expect(shown == Array(hints.prefix(shown.count)))
    #expect(shown.count < hints.count)
  }

  @Test func aWideFooterShowsEveryHint() {
    let state = SampleState.busy(size: Size(width: 160, height: 48))
    let line = footer(state)
    for (label, hint) in Bindings.footerHints(for: .suggestions) {
      #expect(line.contains("\(label) \(hint)"))
    }
  }

  @Test func aStatusMessageIsCutWithAnEllipsis() {
    let status = StatusMessage(
      text: String(repeating: "long message ", count: 10), isWarning: false, expires: SampleState.start)
    let glyphs = footerMessage(status, context: .suggestions, width: 20)
    #expect(TextWrap.width(glyphs) == 20)
    #expect(glyphs.last?.glyph == TextWrap.ellipsis)
  }
}
