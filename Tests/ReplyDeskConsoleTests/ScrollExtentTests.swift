import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// Scroll keys stay within the extents the last frame measured, and a frame that measures less
/// pulls the offsets back.
@Suite struct ScrollExtentTests {
  static let extents = ScrollExtents(
    conversation: PaneExtent(lines: 30, visible: 10), profile: PaneExtent(lines: 12, visible: 5),
    help: PaneExtent(lines: 40, visible: 19))

  /// A chat whose frames were measured as `extents`, with nothing drawn in between.
  static func measured(_ extents: ScrollExtents = extents) -> ConsoleState {
    var state = Fixture.openChat()
    _ = update(&state, .measured(extents, now: Fixture.start + 20))
    return state
  }

  static func key(_ state: inout ConsoleState, _ keys: Key...) {
    for key in keys { _ = update(&state, .key(key, now: Fixture.start + 30)) }
  }

  @Test func theConversationPagesByItsMeasuredPageAndStopsAtItsFirstLine() {
    var state = Self.measured()
    Self.key(&state, .pageUp)
    #expect(state.active?.scroll.conversation == 9, "a page is the visible lines less one")
    Self.key(&state, .pageUp, .pageUp, .pageUp)
    #expect(state.active?.scroll.conversation == 20, "30 lines, 10 visible: the first line at the top")
    Self.key(&state, .pageDown, .pageDown, .pageDown)
    #expect(state.active?.scroll.conversation == 0)
  }

  @Test func theProfileScrollsUntilItsLastLineIsOnScreen() {
    var state = Self.measured()
    Self.key(&state, .backTab)
    #expect(state.focus == .profile)
    Self.key(&state, .pageDown, .pageDown, .pageDown)
    #expect(state.active?.scroll.profile == 7, "12 lines, 5 visible")
    Self.key(&state, .up)
    #expect(state.active?.scroll.profile == 6)
  }

  @Test func helpPagesWithinItsMeasuredLines() {
    var state = Self.measured()
    Self.key(&state, .function(1), .pageDown, .pageDown)
    #expect(state.overlay == .help(scroll: 21), "40 lines, 19 visible")
  }

  @Test func aShorterMeasurePullsEveryOffsetBack() {
    var state = Self.measured()
    Self.key(&state, .pageUp, .pageUp, .backTab, .pageDown, .pageDown)
    #expect(state.active?.scroll.conversation == 18)
    #expect(state.active?.scroll.profile == 7)
    var shorter = Self.extents
    shorter.conversation.lines = 14
    shorter.profile.lines = 8
    _ = update(&state, .measured(shorter, now: Fixture.start + 40))
    #expect(state.active?.scroll.conversation == 4)
    #expect(state.active?.scroll.profile == 3)
    #expect(state.now == Fixture.start + 40, "the measure carries its time")
  }

  @Test func nothingScrollsBeforeAFrameMeasuredThePanes() {
    var state = Fixture.openChat()
    Self.key(&state, .pageUp)
    #expect(state.active?.scroll.conversation == 0)
  }

  @Test func theDrawnFrameMeasuresWhatItDraws() {
    var state = Fixture.openChat(size: Size(width: 130, height: 16), lines: 20)
    Fixture.press(&state, .tab, .tab)
    for _ in 0..<50 { Fixture.press(&state, .pageUp) }
    let top = renderConsoleText(state)
    #expect(top.contains("Where is my refund") && top.contains("↓"), "the first turn is on screen")
    Fixture.press(&state, .up)
    #expect(renderConsoleText(state) == top, "nothing above the first turn")
    Fixture.press(&state, .end, .tab)
    #expect(state.focus == .profile)
    #expect(renderConsoleText(state).contains("↓"), "the profile does not fit")
    for _ in 0..<50 { Fixture.press(&state, .down) }
    let bottom = renderConsoleText(state)
    #expect(!bottom.contains("↓"), "the profile's last line is on screen: no more below")
  }

  private func renderConsoleText(_ state: ConsoleState) -> String {
    render(state, size: state.size).plainText
  }
}
