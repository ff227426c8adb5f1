import CNcursesw
import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// Emoji sequences terminals draw at another width than `wcwidth` sums (issue 15 item 3): every
/// cell stays owned, and switching chats leaves nothing of the previous customer on screen.
@Suite struct WideGlyphTests {
  static let emoji =
    "Flags 🇫🇷🇩🇪🇯🇵 thumbs 👍🏽👋🏿 family 👨\u{200D}👩\u{200D}👧\u{200D}👦 keycaps 1\u{FE0F}\u{20E3}#\u{FE0F}\u{20E3} end"

  @Test func flagsBecomeTheirLetters() {
    #expect(DisplayText.glyphs("🇫🇷🇩🇪").map(\.text).joined() == "[FR][DE]")
    #expect(DisplayText.width("🇫🇷") == 4)
    #expect(DisplayText.glyphs("🇫").map(\.text).joined() == "[F]")
  }

  @Test func modifiersAndKeycapsLeaveTheBase() {
    #expect(DisplayText.glyphs("👍🏽").map(\.text) == ["👍"])
    #expect(DisplayText.width("👍🏽") == 2)
    #expect(DisplayText.glyphs("1\u{FE0F}\u{20E3}").map(\.text) == ["1"])
    #expect(
      DisplayText.glyphs("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}").map(\.text) == ["🏴"])
    #expect(DisplayText.glyphs("e\u{301}").map(\.text) == ["e\u{301}"])
  }

  @Test func aZWJFamilyIsSeparateEmojiEvenUnsanitised() {
    let glyphs = DisplayText.glyphs("👨\u{200D}👩\u{200D}👧")
    #expect(glyphs.map(\.text) == ["👨", "👩", "👧"])
    #expect(glyphs.allSatisfy { $0.width == 2 })
  }

  /// Every drawn glyph's width as measured equals the width the terminal advances by.
  @Test func measuredWidthIsWhatTheTerminalDraws() {
    for glyph in DisplayText.glyphs(DisplayText.sanitize(Self.emoji)) {
      #expect(TerminalModel.width(of: glyph.text) == glyph.width, "\(glyph.text.unicodeScalars.map(\.value))")
    }
  }

  @Test func emojiSnapshots() throws {
    var state = Fixture.openChat()
    Fixture.say(&state, Fixture.chat, Self.emoji, at: 20)
    for size in [Size(width: 80, height: 24), Size(width: 160, height: 48)] {
      state.size = size
      let grid = render(state, size: size)
      try Snapshot.assert(
        grid.plainText, named: "emoji-\(size.width)x\(size.height)", sourceLocation: #_sourceLocation)
      #expect(TerminalModel.drawn(GridDiff.changes(from: nil, to: grid), size: size) == grid.plainText)
    }
  }

  /// The flushed diff from a chat with a secret behind emoji to another chat, drawn the way the
  /// terminal draws it, equals a fresh full render of the other chat.
  @Test func switchingChatsLeavesNoOldCell() throws {
    for size in [Size(width: 80, height: 24), Size(width: 160, height: 48)] {
      var state = Fixture.twoChats(size: size)
      Fixture.say(&state, Fixture.second, "🇫🇷🇩🇪🇯🇵🇬🇧🇺🇸 SECRET-ACCOUNT-NUMBER 4242 👍🏽👍🏽", at: 16)
      let before = render(state, size: size)
      Fixture.press(&state, .control("n"), at: 17)
      let after = render(state, size: size)
      var model = TerminalModel(size: size)
      model.apply(GridDiff.changes(from: nil, to: before))
      model.apply(GridDiff.changes(from: before, to: after))
      #expect(!model.text.contains("SECRET"))
      #expect(model.text == after.plainText)
    }
  }
}

/// A terminal screen as tmux draws it: a flag (regional-indicator pair) takes one column, every
/// other scalar its `wcwidth` (an emoji modifier is a wide emoji of its own); like ncurses,
/// changes at the column after the last one are written without moving the cursor.
struct TerminalModel {
  let size: Size
  private var rows: [[String]]

  init(size: Size) {
    self.size = size
    rows = Array(repeating: Array(repeating: " ", count: size.width), count: size.height)
  }

  static func width(of text: String) -> Int {
    var width = 0
    var indicators = 0
    for scalar in text.unicodeScalars {
      if (0x1F1E6...0x1F1FF).contains(scalar.value) {
        indicators += 1
        if indicators % 2 == 1 { width += 1 }
        continue
      }
      width += max(Int(wcwidth(wchar_t(bitPattern: scalar.value))), 0)
    }
    return width
  }

  static func drawn(_ changes: [CellChange], size: Size) -> String {
    var model = TerminalModel(size: size)
    model.apply(changes)
    return model.text
  }

  mutating func apply(_ changes: [CellChange]) {
    var expected: Position?
    var cursor = Position(x: 0, y: 0)
    for change in changes {
      if change.position != expected { cursor = change.position }
      expected = Position(x: change.position.x + change.cell.width, y: change.position.y)
      let width = max(Self.width(of: change.cell.text), 1)
      guard cursor.x < size.width else { continue }
      if cursor.x > 0, rows[cursor.y][cursor.x] == "" { rows[cursor.y][cursor.x - 1] = " " }
      rows[cursor.y][cursor.x] = change.cell.text
      for x in cursor.x + 1..<min(cursor.x + width, size.width) { rows[cursor.y][x] = "" }
      if cursor.x + width < size.width, rows[cursor.y][cursor.x + width] == "" {
        rows[cursor.y][cursor.x + width] = " "
      }
      cursor.x += width
    }
  }

  var text: String {
    rows.map { row in
      var line = row.joined()
      while line.last == " " { line.removeLast() }
      return line
    }.joined(separator: "\n") + "\n"
  }
}
