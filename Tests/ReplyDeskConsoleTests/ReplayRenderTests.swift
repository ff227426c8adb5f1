import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// Replay screens as plain text (Snapshots/replay-*.txt) and what each must show.
@Suite struct ReplayRenderTests {
  static let sizes = [Size(width: 80, height: 24), Size(width: 160, height: 48)]

  private func check(
    _ state: ReplayState, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  )
    throws
  {
    for size in Self.sizes {
      var sized = state
      sized.size = size
      let grid = renderReplay(sized, size: size)
      try Snapshot.assert(
        grid.plainText, named: "replay-\(name)-\(size.width)x\(size.height)", sourceLocation: sourceLocation)
      for y in 0..<size.height {
        var width = 0
        for x in 0..<size.width where !grid[x, y].isContinuation { width += grid[x, y].width }
        #expect(width == size.width, "row \(y) of \(name)", sourceLocation: sourceLocation)
      }
    }
  }

  @Test func sessionList() throws {
    var state = ReplayFixture.picker()
    ReplayFixture.press(&state, .down)
    try check(state, "list")
    let text = renderReplay(state, size: state.size).plainText
    #expect(text.contains("▶ 2025-11-25 09:00  Sam Lee"))
    #expect(text.contains("escalated"))
  }

  @Test func editedTurnShowsTheWordDiffChosenSuggestionAndTime() throws {
    var state = ReplayFixture.opened()
    ReplayFixture.press(&state, .character("e"))
    try check(state, "edit")
    let text = renderReplay(state, size: Size(width: 160, height: 48)).plainText
    #expect(text.contains("[-I'm sorry-] {+Apologies,+}"))
    #expect(text.contains("{+Thanks for waiting.+}"))
    #expect(text.contains("Edited suggestion 2 (6 words changed) · took 19.0 s"))
    #expect(text.contains("✓2 ███·"))
    #expect(text.contains("❚❚ 1x · turn 5/8 · 00:50"))
    let grid = renderReplay(state, size: state.size)
    #expect(grid.cells.contains { $0.role == .inserted })
    #expect(grid.cells.contains { $0.role == .deleted })
  }

  @Test func escalatedTurnWhilePlayingFast() throws {
    var state = ReplayFixture.opened()
    ReplayFixture.press(&state, .character("x"), .character("+"), .character("+"))
    ReplayFixture.press(&state, .character("h"), .character(" "))
    try check(state, "escalation")
    let text = renderReplay(state, size: state.size).plainText
    #expect(text.contains("▶ 4x · turn 6/8"))
    #expect(text.contains("Agent turn · step 5 (earlier)"))
  }

  @Test func qaNoteBox() throws {
    var state = ReplayFixture.opened()
    ReplayFixture.press(&state, .right, .right, .character("n"), .character("5"))
    for character in "Quick and correct 配達" { ReplayFixture.press(&state, .character(character)) }
    try check(state, "note")
    let grid = renderReplay(state, size: state.size)
    #expect(grid.plainText.contains("Rating: ★★★★★"))
    #expect(grid.cursor != nil)
  }

  @Test func savedNoteShowsInTheConversation() {
    var state = ReplayFixture.opened()
    ReplayFixture.press(&state, .right, .right)
    let time = state.session?.timeline.current?.event.time ?? ReplayFixture.start
    let note = SessionEvent(chat: ReplayFixture.chat, time: time, kind: .qaNote(text: "Fast", rating: 2))
    _ = updateReplay(&state, .noteSaved(note, now: ReplayFixture.start + 900))
    #expect(renderReplay(state, size: state.size).plainText.contains("QA note ★★☆☆☆: Fast"))
  }

  @Test func everyHelpLineFitsTheHelpBox() {
    for contexts in [BindingContext.live, BindingContext.replayContexts] {
      for line in OverlayRender.helpLines(for: contexts) {
        let text = line.map(\.text).joined()
        #expect(DisplayText.width(text) <= 72, "too wide for the help box: \(text)")
      }
    }
  }

  @Test func emptyListAndTooSmall() {
    let empty = ReplayState(size: Size(width: 80, height: 24), now: ReplayFixture.start, sessions: [])
    #expect(renderReplay(empty, size: empty.size).plainText.contains("No recorded sessions"))
    #expect(renderReplay(empty, size: Size(width: 30, height: 8)).plainText.hasPrefix("Terminal too small"))
  }

  @Test func hostileRecordedTextIsNeutralised() {
    var events = ReplayFixture.events()
    events[1].kind = .customerMessage(text: "\u{1B}[2J\u{202E}evil\u{7}")
    var state = ReplayFixture.opened()
    state.session = ReplaySession(chat: ReplayFixture.chat, events: events)
    ReplayFixture.press(&state, .right)
    let text = renderReplay(state, size: state.size).plainText
    #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x202E })
    #expect(text.contains("evil"))
  }
}
