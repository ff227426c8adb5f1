import ReplyDeskCore

/// One entry of a suggestion list: a live suggestion, or one recorded as it was shown.
struct SuggestionRow {
  var rank: Int
  var runs: [(text: String, role: StyleRole)]
  var score: Double
  var source: String
  /// Written by the generator: marked "gen" where template suggestions show their score bar.
  var generated = false
}

/// Draws numbered suggestions: the rank and a four-cell score bar in front, the text wrapped up
/// to three lines, the source right-aligned on the last line when it fits there. Every row gets
/// one line; spare lines go first to the highlighted row, then to the best-ranked ones.
enum SuggestionList {
  static let prefixWidth = 8
  static let maximumLines = 3

  /// Draws `rows` into `body`, keeping row `highlighted` visible and, when `mark` is given,
  /// marked with it.
  static func draw(
    _ rows: [SuggestionRow], highlighted: Int, mark: String?, in body: Rect, grid: inout CellGrid
  ) {
    guard !rows.isEmpty, body.height > 0 else { return }
    let textWidth = max(body.width - prefixWidth - 1, 4)
    let wrapped = rows.map {
      TextWrap.wrap(TextWrap.styled($0.runs), width: textWidth)
    }
    let plan = allocate(wanted: wrapped.map(\.count), highlighted: highlighted, height: body.height)
    var y = body.y
    for (offset, lines) in plan.lines.enumerated() {
      let index = plan.first + offset
      let rect = Rect(x: body.x, y: y, width: body.width, height: lines)
      drawRow(
        rows[index], lines: wrapped[index], mark: index == highlighted ? mark : nil, in: rect, grid: &grid)
      y += lines + plan.gap
    }
  }

  /// Which rows are visible (from `first`), how many lines each gets, and whether a blank line
  /// separates them (when every row fits with room to spare), for rows wanting `wanted` lines.
  static func allocate(wanted: [Int], highlighted: Int, height: Int) -> (first: Int, lines: [Int], gap: Int) {
    let capped = wanted.map { min(max($0, 1), maximumLines) }
    let focus = min(max(highlighted, 0), capped.count - 1)
    let reserve = capped[focus] - 1
    let visible = min(capped.count, max(1, height - reserve))
    let first = min(max(0, focus - visible + 1), capped.count - visible)
    var lines = Array(repeating: 1, count: visible)
    var spare = height - visible
    let order = [focus - first] + (0..<visible).filter { $0 != focus - first }
    for slot in order where spare > 0 {
      let extra = min(capped[first + slot] - 1, spare)
      lines[slot] += extra
      spare -= extra
    }
    let fitsWithGaps = visible == capped.count && lines == capped && spare >= visible - 1
    return (first, lines, fitsWithGaps ? 1 : 0)
  }

  private static func drawRow(
    _ row: SuggestionRow, lines wrapped: [StyledLine], mark: String?, in rect: Rect, grid: inout CellGrid
  ) {
    let textWidth = max(rect.width - prefixWidth - 1, 4)
    let number = mark.map { "\($0)\(row.rank) " } ?? " \(row.rank) "
    grid.write(number, x: rect.x, y: rect.y, limit: rect.maxX, role: mark == nil ? .normal : .selection)
    if row.generated {
      grid.write("gen", x: rect.x + 3, y: rect.y, limit: rect.x + 7, role: .slot)
    } else {
      drawScore(row.score, x: rect.x + 3, y: rect.y, grid: &grid)
    }
    var shown = Array(wrapped.prefix(rect.height))
    if wrapped.count > shown.count, let last = shown.popLast() {
      shown.append(withEllipsis(last, width: textWidth))
    }
    let textX = rect.x + prefixWidth
    for (offset, line) in shown.enumerated() {
      grid.draw(line, x: textX, y: rect.y + offset, limit: textX + textWidth)
    }
    guard let last = shown.last else { return }
    let source = TextWrap.styled([(DisplayText.singleLine(row.source), .dim)])
    let free = textWidth - TextWrap.width(last) - 2
    if TextWrap.width(source) <= free {
      grid.draw(
        source, x: rect.maxX - 1 - TextWrap.width(source), y: rect.y + shown.count - 1, limit: rect.maxX)
    }
  }

  /// A four-cell bar for a score in 0...1.
  private static func drawScore(_ score: Double, x: Int, y: Int, grid: inout CellGrid) {
    let filled = Int((min(max(score, 0), 1) * 4).rounded())
    grid.write(String(repeating: "█", count: filled), x: x, y: y, limit: x + 4, role: .score)
    grid.write(String(repeating: "·", count: 4 - filled), x: x + filled, y: y, limit: x + 4, role: .dim)
  }

  private static func withEllipsis(_ line: StyledLine, width: Int) -> StyledLine {
    var line = line
    while TextWrap.width(line) > width - 1, !line.isEmpty { line.removeLast() }
    return line + [StyledGlyph(glyph: TextWrap.ellipsis, role: line.last?.role ?? .normal)]
  }
}
