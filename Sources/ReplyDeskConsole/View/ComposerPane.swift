/// The reply composer: multi-line text wrapped at the pane width, with the terminal cursor.
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
    let layout = lines(state.composer, width: body.width)
    let scroll = max(layout.cursor.y - body.height + 1, 0)
    for (offset, line) in layout.lines.dropFirst(scroll).prefix(body.height).enumerated() {
      grid.draw(line, x: body.x, y: body.y + offset, limit: body.maxX)
    }
    if focused {
      grid.cursor = Position(x: body.x + layout.cursor.x, y: body.y + layout.cursor.y - scroll)
    }
  }

  /// The composer broken into lines at newlines and at `width` (by grapheme, so the cursor maps
  /// exactly), and the cursor's row and column.
  static func lines(_ composer: Composer, width: Int) -> (lines: [StyledLine], cursor: Position) {
    var lines: [StyledLine] = [[]]
    var column = 0
    var cursor = Position(x: 0, y: 0)
    for (index, character) in composer.characters.enumerated() {
      if index == composer.cursor { cursor = Position(x: column, y: lines.count - 1) }
      if character == "\n" {
        lines.append([])
        column = 0
        continue
      }
      let clean = DisplayText.sanitize(String(character))
      for glyph in DisplayText.glyphs(clean) {
        if column + glyph.width > width {
          lines.append([])
          column = 0
          if index == composer.cursor { cursor = Position(x: 0, y: lines.count - 1) }
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
