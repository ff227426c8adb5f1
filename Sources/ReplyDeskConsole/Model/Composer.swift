/// A multi-line text buffer with a cursor, edited one grapheme at a time.
struct Composer: Equatable, Sendable {
  private(set) var characters: [Character] = []
  /// The cursor, as an index into `characters` (0...count).
  private(set) var cursor = 0

  init(_ text: String = "") {
    characters = Array(text)
    cursor = characters.count
  }

  var text: String { String(characters) }
  var isEmpty: Bool { characters.isEmpty }

  mutating func insert(_ text: String) {
    let inserted = Array(text)
    characters.insert(contentsOf: inserted, at: cursor)
    cursor += inserted.count
  }

  mutating func deleteBackward() {
    guard cursor > 0 else { return }
    cursor -= 1
    characters.remove(at: cursor)
  }

  mutating func deleteForward() {
    guard cursor < characters.count else { return }
    characters.remove(at: cursor)
  }

  /// Deletes the word before the cursor and the spaces after it (Ctrl-W).
  mutating func deleteWord() {
    var start = cursor
    while start > 0, characters[start - 1].isWhitespace { start -= 1 }
    while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
    characters.removeSubrange(start..<cursor)
    cursor = start
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

  private func lineStart(of index: Int) -> Int {
    var start = index
    while start > 0, characters[start - 1] != "\n" { start -= 1 }
    return start
  }

  private func lineEnd(of index: Int) -> Int {
    var end = index
    while end < characters.count, characters[end] != "\n" { end += 1 }
    return end
  }
}
