/// A glyph with the role it is drawn in.
struct StyledGlyph: Equatable, Sendable {
  var glyph: DisplayText.Glyph
  var role: StyleRole
}

/// A line of styled glyphs, at most the width it was wrapped to.
typealias StyledLine = [StyledGlyph]

/// Word wrapping and truncation of styled, sanitised text.
enum TextWrap {
  static let ellipsis = DisplayText.Glyph(text: "…", width: 1)

  /// Styled glyphs for runs of sanitised text; newlines stay as "\n" glyphs (width 0) that `wrap` breaks on.
  static func styled(_ runs: [(text: String, role: StyleRole)]) -> [StyledGlyph] {
    var result: [StyledGlyph] = []
    for run in runs {
      for character in run.text {
        let glyphs =
          character == "\n" ? [DisplayText.Glyph(text: "\n", width: 0)] : DisplayText.glyphs(of: character)
        for glyph in glyphs { result.append(StyledGlyph(glyph: glyph, role: run.role)) }
      }
    }
    return result
  }

  /// Breaks at newlines and between words; words wider than `width` are broken anywhere, never
  /// inside a grapheme. Spaces at a break are dropped.
  static func wrap(_ glyphs: [StyledGlyph], width: Int) -> [StyledLine] {
    guard width > 0 else { return [] }
    var lines: [StyledLine] = []
    var line: StyledLine = []
    var lineWidth = 0
    var softBreak = false
    var index = 0
    func breakLine(soft: Bool) {
      lines.append(line)
      line = []
      lineWidth = 0
      softBreak = soft
    }
    while index < glyphs.count {
      let glyph = glyphs[index]
      if glyph.glyph.text == "\n" {
        breakLine(soft: false)
        index += 1
        continue
      }
      if glyph.glyph.text == " " {
        if lineWidth + 1 > width {
          breakLine(soft: true)
        } else if !(line.isEmpty && softBreak) {
          line.append(glyph)
          lineWidth += 1
        }
        index += 1
        continue
      }
      var end = index
      var wordWidth = 0
      while end < glyphs.count, glyphs[end].glyph.text != " ", glyphs[end].glyph.text != "\n" {
        wordWidth += glyphs[end].glyph.width
        end += 1
      }
      if lineWidth + wordWidth > width, wordWidth <= width, !line.isEmpty {
        while line.last?.glyph.text == " " { line.removeLast() }
        breakLine(soft: true)
      }
      for position in index..<end {
        let piece = glyphs[position]
        if lineWidth + piece.glyph.width > width { breakLine(soft: true) }
        line.append(piece)
        lineWidth += piece.glyph.width
      }
      index = end
    }
    if !line.isEmpty || lines.isEmpty || !softBreak { lines.append(line) }
    return lines
  }

  /// Cuts a line to `width` columns, ending in an ellipsis when anything was cut.
  static func truncate(_ line: StyledLine, width: Int) -> StyledLine {
    guard width > 0 else { return [] }
    let total = line.reduce(0) { $0 + $1.glyph.width }
    guard total > width else { return line }
    var result: StyledLine = []
    var used = 0
    for glyph in line {
      if used + glyph.glyph.width > width - 1 { break }
      result.append(glyph)
      used += glyph.glyph.width
    }
    result.append(StyledGlyph(glyph: ellipsis, role: line.last?.role ?? .normal))
    return result
  }

  /// `line` cut to `width` like `truncate`, but after the last whole word that fits, without a
  /// dangling separator (mid-word only when the first word alone is too wide).
  static func truncateAtWord(_ line: StyledLine, width: Int) -> StyledLine {
    var cut = truncate(line, width: width)
    guard cut != line, let ellipsisGlyph = cut.popLast() else { return cut }
    let endsAtWord = cut.count < line.count && line[cut.count].glyph.text == " "
    if !endsAtWord, let space = cut.lastIndex(where: { $0.glyph.text == " " }), space > 0 {
      cut.removeSubrange(space...)
    }
    while let last = cut.last?.glyph.text, last == " " || last == "·", cut.count > 1 { cut.removeLast() }
    return cut + [ellipsisGlyph]
  }

  /// The display width of a line.
  static func width(_ line: StyledLine) -> Int { line.reduce(0) { $0 + $1.glyph.width } }
}

extension CellGrid {
  /// Draws a styled line from column `x` on row `y`, clipped at `limit`.
  @discardableResult
  mutating func draw(_ line: StyledLine, x: Int, y: Int, limit: Int) -> Int {
    var column = x
    for styled in line {
      guard let next = drawGlyph(styled.glyph, x: column, y: y, limit: limit, role: styled.role) else {
        break
      }
      column = next
    }
    return column
  }
}
