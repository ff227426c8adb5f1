/// Pane titles, boxes and rules shared by the panes and overlays.
enum Chrome {
  /// A pane's title line: "─ Title ─────", highlighted when the pane has focus.
  static func title(_ text: String, in rect: Rect, focused: Bool, grid: inout CellGrid) {
    guard rect.height > 0 else { return }
    let rule = String(repeating: "─", count: max(rect.width, 0))
    grid.write(rule, x: rect.x, y: rect.y, limit: rect.maxX, role: .border)
    let label = focused ? " ▶ \(text) " : " \(text) "
    let glyphs = TextWrap.truncate(
      TextWrap.styled([(label, focused ? .help : .border)]), width: max(rect.width - 2, 0))
    grid.draw(glyphs, x: rect.x + 1, y: rect.y, limit: rect.maxX)
  }

  /// A bordered box with a title, its inside cleared.
  static func box(_ rect: Rect, title: String, grid: inout CellGrid) {
    grid.fill(rect, role: .normal)
    let inner = max(rect.width - 2, 0)
    let horizontal = String(repeating: "─", count: inner)
    grid.write("┌" + horizontal + "┐", x: rect.x, y: rect.y, limit: rect.maxX, role: .border)
    for y in rect.y + 1..<max(rect.maxY - 1, rect.y + 1) {
      grid.write("│", x: rect.x, y: y, limit: rect.maxX, role: .border)
      grid.write("│", x: rect.maxX - 1, y: y, limit: rect.maxX, role: .border)
    }
    grid.write("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, limit: rect.maxX, role: .border)
    let label = TextWrap.truncate(TextWrap.styled([(" \(title) ", .help)]), width: max(inner - 2, 0))
    grid.draw(label, x: rect.x + 2, y: rect.y, limit: rect.maxX - 1)
  }

  /// A rectangle of `width` x `height` centred in `size`, shrunk to fit.
  static func centered(width: Int, height: Int, in size: Size) -> Rect {
    let boxWidth = min(width, size.width - 2)
    let boxHeight = min(height, size.height - 2)
    return Rect(
      x: (size.width - boxWidth) / 2, y: (size.height - boxHeight) / 2, width: boxWidth, height: boxHeight)
  }
}
