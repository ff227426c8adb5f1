/// The reply composer: multi-line text wrapped at the pane width between words (a word wider than
/// the pane breaks anywhere), with the terminal cursor.
enum ComposerPane {
  static func draw(_ state: ConsoleState, in rect: Rect, focused: Bool, grid: inout CellGrid) {
    var title = "Reply"
    if let origin = state.editOrigin {
      title += " · editing suggestion \(origin.rank)"
    } else if !state.composer.isEmpty {
      title += " · written"
    }
    Chrome.title(title, in: rect, focused: focused, grid: &grid)
    let body = Rect(x: rect.x + 1, y: rect.y + 1, width: max(rect.width - 2, 1), height: rect.height - 1)
    guard body.height > 0 else { return }
    if state.composer.isEmpty, !focused {
      let hint = state.active?.isOpen == true ? "Type to write a reply (Tab focuses here)" : ""
      grid.write(hint, x: body.x, y: body.y, limit: body.maxX, role: .dim)
      return
    }
    let view = visible(state.composer, width: body.width, height: body.height)
    for (offset, line) in view.lines.enumerated() {
      grid.draw(line, x: body.x, y: body.y + offset, limit: body.maxX)
    }
    if focused { grid.cursor = Position(x: body.x + view.cursor.x, y: body.y + view.cursor.y) }
  }

  /// The rows of the composer a pane `height` rows high shows, and the cursor among them: the
  /// first rows while the cursor is on one of them, else the rows ending at the cursor's. The same
  /// rows as `lines` (`lines` scrolled to the cursor), but only the characters drawn are sanitised
  /// and measured: rows above them are counted from the composer's cached widths, paragraph by
  /// paragraph back from the cursor, and nothing after the last row drawn is looked at.
  static func visible(_ composer: Composer, width: Int, height: Int) -> (
    lines: [StyledLine], cursor: Position
  ) {
    let width = max(width, 1)
    let height = max(height, 1)
    let cursor = composer.cursor
    let cursorParagraph = composer.lineStart(of: cursor)
    let cursorRow = cursorPosition(composer, in: cursorParagraph, width: width).row
    var first = (paragraph: cursorParagraph, skip: 0)
    if cursorRow >= height - 1 {
      first.skip = cursorRow - (height - 1)
    } else {
      var missing = height - 1 - cursorRow
      var start = cursorParagraph
      while start > 0 {
        let previous = composer.lineStart(of: start - 1)
        let rows = advance(composer, from: previous, to: start - 1, width: width).row + 1
        if rows >= missing {
          first = (previous, rows - missing)
          break
        }
        missing -= rows
        start = previous
        first = (0, 0)
      }
    }
    return rows(composer, from: first.paragraph, skipping: first.skip, height: height, width: width)
  }

  /// Lays out from paragraph start `start`: skips `skip` rows (counting only), draws the next
  /// `height` rows, and stops there.
  private static func rows(
    _ composer: Composer, from start: Int, skipping skip: Int, height: Int, width: Int
  ) -> (lines: [StyledLine], cursor: Position) {
    var lines: [StyledLine] = skip == 0 ? [[]] : []
    var row = 0
    var column = 0
    var cursor: Position?
    func nextRow() {
      row += 1
      column = 0
      if row >= skip, row - skip < height { lines.append([]) }
    }
    var index = start
    let widths = composer.widths
    while index < widths.count, row - skip < height {
      let measured = widths[index]
      if measured == 0 {
        if index == composer.cursor { cursor = Position(x: column, y: row) }
        nextRow()
        index += 1
        continue
      }
      if wrapsWord(composer, at: index, column: column, width: width) { nextRow() }
      if measured != Composer.severalGlyphs {
        if column + Int(measured) > width { nextRow() }
        if index == composer.cursor { cursor = Position(x: column, y: row) }
        if row >= skip, row - skip < height, let glyph = glyphs(composer.characters[index]).first {
          lines[row - skip].append(StyledGlyph(glyph: glyph, role: .composer))
        }
        column += Int(measured)
      } else {
        let drawn = glyphs(composer.characters[index])
        if drawn.isEmpty, index == composer.cursor { cursor = Position(x: column, y: row) }
        for (offset, glyph) in drawn.enumerated() {
          if column + glyph.width > width { nextRow() }
          if offset == 0, index == composer.cursor { cursor = Position(x: column, y: row) }
          if row >= skip, row - skip < height {
            lines[row - skip].append(StyledGlyph(glyph: glyph, role: .composer))
          }
          column += glyph.width
        }
      }
      index += 1
    }
    if cursor == nil, index == widths.count, composer.cursor == widths.count {
      if column >= width { nextRow() }
      cursor = Position(x: column, y: row)
    }
    let at = cursor ?? Position(x: 0, y: skip)
    return (lines, Position(x: at.x, y: at.y - skip))
  }

  /// The row (within its paragraph) and column of the cursor, the paragraph starting at `start`.
  private static func cursorPosition(_ composer: Composer, in start: Int, width: Int) -> (
    row: Int, column: Int
  ) {
    let cursor = composer.cursor
    var (row, column) = advance(composer, from: start, to: cursor, width: width)
    if cursor == composer.count {
      if column >= width { (row, column) = (row + 1, 0) }
    } else if composer.widths[cursor] != 0 {
      if wrapsWord(composer, at: cursor, column: column, width: width) { (row, column) = (row + 1, 0) }
      let first = firstGlyphWidth(composer, at: cursor)
      if first > 0, column + first > width { (row, column) = (row + 1, 0) }
    }
    return (row, column)
  }

  /// The row and column after laying out characters `start..<end` of one paragraph from column 0,
  /// from the cached widths alone (a character of several glyphs is measured again).
  private static func advance(_ composer: Composer, from start: Int, to end: Int, width: Int) -> (
    row: Int, column: Int
  ) {
    var row = 0
    var column = 0
    let widths = composer.widths
    var index = start
    while index < end {
      let measured = widths[index]
      if wrapsWord(composer, at: index, column: column, width: width) { (row, column) = (row + 1, 0) }
      if measured == Composer.severalGlyphs {
        for glyph in glyphs(composer.characters[index]) {
          if column + glyph.width > width { (row, column) = (row + 1, 0) }
          column += glyph.width
        }
      } else {
        if column + Int(measured) > width { (row, column) = (row + 1, 0) }
        column += Int(measured)
      }
      index += 1
    }
    return (row, column)
  }

  /// True when character `index` starts a word (after a space, a newline or the start) that does
  /// not fit in the rest of a row already filled to `column`: the word moves to the next row.
  private static func wrapsWord(_ composer: Composer, at index: Int, column: Int, width: Int) -> Bool {
    let characters = composer.characters
    guard column > 0, index < characters.count, !isBreak(characters[index]),
      index == 0 || isBreak(characters[index - 1])
    else { return false }
    var end = column
    var next = index
    while next < characters.count, !isBreak(characters[next]) {
      let measured = composer.widths[next]
      end +=
        measured == Composer.severalGlyphs
        ? glyphs(characters[next]).reduce(0) { $0 + $1.width } : Int(measured)
      if end > width { return true }
      next += 1
    }
    return false
  }

  private static func isBreak(_ character: Character) -> Bool { character == " " || character == "\n" }

  private static func firstGlyphWidth(_ composer: Composer, at index: Int) -> Int {
    let measured = composer.widths[index]
    guard measured == Composer.severalGlyphs else { return Int(measured) }
    return glyphs(composer.characters[index]).first?.width ?? 0
  }

  /// The glyphs one composer character is drawn as.
  private static func glyphs(_ character: Character) -> [DisplayText.Glyph] {
    if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
      return [DisplayText.Glyph(text: String(character), width: 1)]
    }
    return DisplayText.glyphs(DisplayText.sanitize(String(character)))
  }

  /// The whole composer broken into lines at newlines and between words at `width` (a long word by
  /// grapheme, so the cursor maps exactly), and the cursor's row and column: the rule `visible` follows, measuring every
  /// character (the pane draws with `visible`; this one is for short texts and for checking it).
  static func lines(_ composer: Composer, width: Int) -> (lines: [StyledLine], cursor: Position) {
    var lines: [StyledLine] = [[]]
    var column = 0
    var cursor = Position(x: 0, y: 0)
    for (index, character) in composer.characters.enumerated() {
      if wrapsWord(composer, at: index, column: column, width: width) {
        lines.append([])
        column = 0
      }
      if index == composer.cursor { cursor = Position(x: column, y: lines.count - 1) }
      if character == "\n" {
        lines.append([])
        column = 0
        continue
      }
      let clean = DisplayText.sanitize(String(character))
      for (offset, glyph) in DisplayText.glyphs(clean).enumerated() {
        if column + glyph.width > width {
          lines.append([])
          column = 0
          if offset == 0, index == composer.cursor { cursor = Position(x: 0, y: lines.count - 1) }
        }
        lines[lines.count - 1].append(StyledGlyph(glyph: glyph, role: .composer))
        column += glyph.width
      }
    }
    if composer.cursor == composer.characters.count {
      if column >= width {
        lines.append([])
        column = 0
      }
      cursor = Position(x: column, y: lines.count - 1)
    }
    return (lines, cursor)
  }
}
