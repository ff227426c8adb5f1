/// A multi-line text buffer with a cursor, edited one grapheme at a time. Every edit costs what it
/// touches, not the length of the text: a paste is inserted in one step, each character is measured
/// for the screen once when it enters (`widths`), and nothing rebuilds the text per key.
struct Composer: Sendable {
  private(set) var characters: [Character] = []
  /// What each character of `characters` takes on screen: 0 for a newline, 1 or 2 for a character
  /// drawn as one glyph of that width, `Composer.severalGlyphs` for one drawn as several (a flag is
  /// `[FR]`). The composer pane wraps with these and measures only the characters it draws.
  private(set) var widths: [UInt8] = []
  /// The cursor, as an index into `characters` (0...count).
  private(set) var cursor = 0
  /// Changes whenever the text does (not when only the cursor moves).
  private(set) var revision = 0

  /// The `widths` entry of a character drawn as several glyphs (measured again when drawn).
  static let severalGlyphs: UInt8 = 255
  /// At most this many characters of a draft go to re-ranking (see `rankingDraft`).
  static let rankingCharacterLimit = 2000

  init(_ text: String = "") {
    characters = Array(text)
    widths = characters.map(Self.width)
    cursor = characters.count
  }

  var text: String { String(characters) }
  var isEmpty: Bool { characters.isEmpty }
  var count: Int { characters.count }

  /// Inserts `text` at the cursor in one step (a whole paste included) and moves past it.
  mutating func insert(_ text: String) {
    let inserted = Array(text)
    guard !inserted.isEmpty else { return }
    characters.insert(contentsOf: inserted, at: cursor)
    widths.insert(contentsOf: inserted.map(Self.width), at: cursor)
    cursor += inserted.count
    revision &+= 1
  }

  mutating func deleteBackward() {
    guard cursor > 0 else { return }
    cursor -= 1
    characters.remove(at: cursor)
    widths.remove(at: cursor)
    revision &+= 1
  }

  mutating func deleteForward() {
    guard cursor < characters.count else { return }
    characters.remove(at: cursor)
    widths.remove(at: cursor)
    revision &+= 1
  }

  /// Deletes the word before the cursor and the spaces after it (Ctrl-W).
  mutating func deleteWord() {
    var start = cursor
    while start > 0, characters[start - 1].isWhitespace { start -= 1 }
    while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
    guard start < cursor else { return }
    characters.removeSubrange(start..<cursor)
    widths.removeSubrange(start..<cursor)
    cursor = start
    revision &+= 1
  }

  /// Empties the composer (a change, when there was text).
  mutating func clear() {
    guard !characters.isEmpty else { return }
    characters = []
    widths = []
    cursor = 0
    revision &+= 1
  }

  mutating func moveLeft() { cursor = max(cursor - 1, 0) }
  mutating func moveRight() { cursor = min(cursor + 1, characters.count) }
  mutating func moveHome() { cursor = lineStart(of: cursor) }
  mutating func moveEnd() { cursor = lineEnd(of: cursor) }

  /// Moves to the same column of the previous line, or to the start of the text.
  mutating func moveUp() {
    let start = lineStart(of: cursor)
    guard start > 0 else {
      cursor = 0
      return
    }
    let column = cursor - start
    let previousStart = lineStart(of: start - 1)
    cursor = min(previousStart + column, start - 1)
  }

  /// Moves to the same column of the next line, or to the end of the text.
  mutating func moveDown() {
    let end = lineEnd(of: cursor)
    guard end < characters.count else {
      cursor = characters.count
      return
    }
    let column = cursor - lineStart(of: cursor)
    cursor = min(end + 1 + column, lineEnd(of: end + 1))
  }

  /// The start of the line (after the previous newline) holding `index`.
  func lineStart(of index: Int) -> Int {
    var start = index
    while start > 0, widths[start - 1] != 0 { start -= 1 }
    return start
  }

  /// The end of the line (its newline, or the end of the text) holding `index`.
  func lineEnd(of index: Int) -> Int {
    var end = index
    while end < widths.count, widths[end] != 0 { end += 1 }
    return end
  }

  /// The draft as the ranker sees it: at most `limit` characters, those nearest the cursor (the
  /// ones just before it, or the first `limit` when the cursor is nearer the start), without a word
  /// cut in two at either edge. The words being written now steer the ranking, so typing after a
  /// long paste still changes it, and a 30 KB draft costs the ranker what a 2 KB one does.
  func rankingDraft(limit: Int = Composer.rankingCharacterLimit) -> String {
    guard characters.count > limit else { return text }
    var end = min(characters.count, max(cursor, limit))
    var start = end - limit
    if start > 0, !characters[start - 1].isWhitespace {
      let wordEnd = characters[start..<end].firstIndex(where: \.isWhitespace)
      if let wordEnd, wordEnd < end - 1 { start = wordEnd + 1 }
    }
    if end < characters.count, end > cursor, !characters[end].isWhitespace {
      let wordStart = characters[start..<end].lastIndex(where: \.isWhitespace)
      if let wordStart, wordStart > start { end = wordStart }
    }
    return String(characters[start..<end])
  }

  /// The `widths` entry for one character (see `widths`).
  static func width(_ character: Character) -> UInt8 {
    if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
    if character == "\n" { return 0 }
    let glyphs = DisplayText.glyphs(DisplayText.sanitize(String(character)))
    return glyphs.count == 1 ? UInt8(glyphs[0].width) : severalGlyphs
  }
}

extension Composer: Equatable {
  /// Equal text and cursor (the revision counts edits, it is not part of the value).
  static func == (lhs: Composer, rhs: Composer) -> Bool {
    lhs.cursor == rhs.cursor && lhs.characters == rhs.characters
  }
}
