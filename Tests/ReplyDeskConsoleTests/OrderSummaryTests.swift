import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// The order in question stays on one line at every size; headers and footers give up whole parts,
/// least important first, instead of cutting words or the most important key hints.
@Suite struct OrderSummaryTests {
  private static let sizes = [
    Size(width: 40, height: 12), Size(width: 80, height: 24), Size(width: 120, height: 40),
    Size(width: 160, height: 48),
  ]

  @Test func theOrderInQuestionIsTheOneTheNewestTurnNamesInFullOrCompact() {
    var state = Fixture.openChat()
    #expect(Fixture.row(state, 2) == " #A1234 delivered · $54.98 · Nov 15 · refund $25.00 issued")
    state.size = Size(width: 160, height: 48)
    #expect(
      Fixture.row(state, 2).trimmingCharacters(in: .whitespaces)
        == "Order #A1234 delivered · $54.98 · delivery Nov 15 · refund $25.00 issued, due Nov 27")
  }

  @Test func theLineFollowsTheOrderInQuestionAsTheChatMovesAndAPick() throws {
    var state = Fixture.openChat()
    Fixture.say(&state, Fixture.chat, "Actually, the kettle one", at: 40)
    #expect(Fixture.row(state, 2) == " Order #A1311 delayed · $69.00 · delivery Nov 26, 9am-1pm · no refund")
    _ = Fixture.press(&state, .function(4), at: 41)
    #expect(Fixture.row(state, 2).hasPrefix(" #A1234 delivered"))
  }

  @Test func itIsOnScreenAtEverySizeAndInEveryFocus() {
    for size in Self.sizes {
      for focus in Focus.allCases {
        var state = Fixture.openChat(size: size)
        state.focus = focus
        #expect(render(state, size: size).plainText.contains("#A1234"), "\(size) \(focus)")
      }
    }
  }

  @Test func aNarrowLineDropsWholeSegmentsAndSaysSo() {
    let order = SampleState.profile().orders[0]
    let segments = OrderSummary.segments(order, zone: Fixture.utc, today: SampleState.start)
    let line = OrderSummary.fitted(segments, width: 37).map(\.glyph.text).joined()
    #expect(line == " #A1234 delivered · $54.98 · Nov 15 …")
  }

  @Test func aNarrowHeaderDropsWholePartsAndNeverCutsAWord() {
    var state = SampleState.busy(size: Size(width: 60, height: 24))
    state.active?.conversation.status = .closed(.escalated)
    let header = Fixture.row(state, 0)
    #expect(header.hasPrefix(" ReplyDesk · Alex Morgan · Dana Whitfield · escalated"), "\(header)")
    #expect(!header.contains("…"))
    state.size = Size(width: 50, height: 24)
    let narrow = Fixture.row(state, 0)
    #expect(narrow.hasPrefix(" ReplyDesk · Dana Whitfield · escalated"), "\(narrow)")
  }

  @Test func theFooterKeepsItsEssentialHintsWhileTheGeneratorTrains() {
    var state = SampleState.busy(size: Size(width: 80, height: 24))
    state.generator = .training(0.4)
    let footer = Fixture.row(state, 23)
    let essential = Bindings.footerHints(for: .suggestions).prefix(footerEssentialHints)
    for (label, hint) in essential { #expect(footer.contains("\(label) \(hint)"), "\(footer)") }
    #expect(footer.hasSuffix("gen 40% · 2 waiting"))
  }
}
