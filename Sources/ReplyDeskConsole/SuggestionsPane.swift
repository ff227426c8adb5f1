import ReplyDeskCore

/// The ranked suggestions, numbered 1..9, with slot values highlighted, missing slots as visible
/// gaps, a score bar and the source.
enum SuggestionsPane {
  static let prefixWidth = 8

  static func draw(_ state: ConsoleState, in rect: Rect, focused: Bool, grid: inout CellGrid) {
    Chrome.title("Suggestions", in: rect, focused: focused, grid: &grid)
    let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
    guard let chat = state.active else {
      grid.write(
        "Suggestions appear when you take a chat.", x: body.x + 1, y: body.y, limit: body.maxX, role: .dim)
      return
    }
    guard chat.isOpen else {
      grid.write(
        "Chat closed. Press n for the next customer.", x: body.x + 1, y: body.y, limit: body.maxX, role: .dim)
      return
    }
    guard !chat.suggestions.isEmpty else {
      let text = chat.conversation.turns.isEmpty ? "Waiting for the customer's first message…" : "Ranking…"
      grid.write(text, x: body.x + 1, y: body.y, limit: body.maxX, role: .dim)
      return
    }
    let count = min(chat.suggestions.count, 9)
    let linesEach = max(1, min(3, body.height / count))
    let visible = max(body.height / linesEach, 1)
    let first = max(0, chat.highlighted - visible + 1)
    var y = body.y
    for index in first..<min(count, first + visible) {
      drawSuggestion(
        chat.suggestions[index], rank: index + 1, highlighted: index == chat.highlighted && focused,
        at: Rect(x: body.x, y: y, width: body.width, height: linesEach), grid: &grid)
      y += linesEach
    }
  }

  private static func drawSuggestion(
    _ suggestion: Suggestion, rank: Int, highlighted: Bool, at rect: Rect, grid: inout CellGrid
  ) {
    let sourceWidth = min(24, rect.width / 4)
    let textWidth = max(rect.width - prefixWidth - sourceWidth - 1, 4)
    let numberRole: StyleRole = highlighted ? .selection : .normal
    grid.write(
      highlighted ? "▶\(rank) " : " \(rank) ", x: rect.x, y: rect.y, limit: rect.maxX, role: numberRole)
    let filled = Int((min(max(suggestion.score, 0), 1) * 4).rounded())
    grid.write(
      String(repeating: "█", count: filled), x: rect.x + 3, y: rect.y, limit: rect.x + 7, role: .score)
    grid.write(
      String(repeating: "·", count: 4 - filled), x: rect.x + 3 + filled, y: rect.y, limit: rect.x + 7,
      role: .dim)
    let wrapped = TextWrap.wrap(TextWrap.styled(runs(suggestion)), width: textWidth)
    var shown = Array(wrapped.prefix(rect.height))
    if wrapped.count > shown.count, let last = shown.popLast() {
      shown.append(withEllipsis(last, width: textWidth))
    }
    for (offset, line) in shown.enumerated() {
      grid.draw(line, x: rect.x + prefixWidth, y: rect.y + offset, limit: rect.x + prefixWidth + textWidth)
    }
    let source = TextWrap.truncate(
      TextWrap.styled([(DisplayText.singleLine(suggestion.source.description), .dim)]), width: sourceWidth)
    grid.draw(source, x: rect.maxX - TextWrap.width(source), y: rect.y, limit: rect.maxX)
  }

  /// The suggestion's text as styled runs: literals plain, slot values in `slot`, gaps in `missing`.
  static func runs(_ suggestion: Suggestion) -> [(text: String, role: StyleRole)] {
    suggestion.segments.map { segment in
      switch segment {
      case .literal(let text): return (DisplayText.singleLine(text), .normal)
      case .slot(_, let value): return (DisplayText.singleLine(value), .slot)
      case .missing: return (DisplayText.singleLine(segment.plainText), .missing)
      }
    }
  }

  private static func withEllipsis(_ line: StyledLine, width: Int) -> StyledLine {
    var line = line
    while TextWrap.width(line) > width - 1, !line.isEmpty { line.removeLast() }
    return line + [StyledGlyph(glyph: TextWrap.ellipsis, role: line.last?.role ?? .normal)]
  }
}
