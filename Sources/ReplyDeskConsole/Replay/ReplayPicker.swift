import Foundation
import ReplyDeskCore

/// The list of recorded sessions, newest first: date, representative, customer, outcome.
enum ReplayPicker {
  static func draw(_ state: ReplayState, in rect: Rect, grid: inout CellGrid) {
    Chrome.title("Sessions (newest first)", in: rect, focused: true, grid: &grid)
    let body = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 1)
    guard !state.sessions.isEmpty else {
      grid.write("No recorded sessions in this store.", x: body.x, y: body.y, limit: body.maxX, role: .dim)
      return
    }
    let repWidth = min(
      max(state.sessions.map { DisplayText.width(DisplayText.singleLine($0.representative)) }.max() ?? 0, 3),
      20)
    let header = row(
      date: "STARTED", rep: "REP", customer: "CUSTOMER", outcome: "OUTCOME", repWidth: repWidth)
    grid.write("  " + header, x: body.x, y: body.y, limit: body.maxX, role: .dim)
    let visible = max(body.height - 1, 1)
    let first = max(0, min(state.selected - visible + 1, state.sessions.count - visible))
    for (offset, entry) in state.sessions.dropFirst(first).prefix(visible).enumerated() {
      let index = first + offset
      let selected = index == state.selected
      let text = row(
        date: timestamp(entry.startedAt, in: state.timeZone),
        rep: DisplayText.singleLine(entry.representative),
        customer: DisplayText.singleLine(entry.customerName), outcome: entry.outcome?.rawValue ?? "open",
        repWidth: repWidth)
      let y = body.y + 1 + offset
      if selected { grid.fill(Rect(x: body.x, y: y, width: body.width, height: 1), role: .selection) }
      let role: StyleRole = selected ? .selection : (entry.outcome == .escalated ? .warning : .normal)
      grid.write((selected ? "▶ " : "  ") + text, x: body.x, y: y, limit: body.maxX, role: role)
    }
    if state.loading != nil {
      grid.write("Loading…", x: body.maxX - 9, y: rect.y, limit: body.maxX, role: .status)
    }
  }

  /// "2025-11-25 10:00" in `zone`.
  static func timestamp(_ date: Date, in zone: TimeZone) -> String {
    let local = date.addingTimeInterval(Double(zone.secondsFromGMT(for: date)))
    let day = local.formatted(.iso8601.year().month().day())
    return "\(day) \(Formatting.clock(date, in: zone))"
  }

  private static func row(date: String, rep: String, customer: String, outcome: String, repWidth: Int)
    -> String
  {
    "\(padded(date, 17)) \(padded(rep, repWidth)) \(padded(outcome, 10)) \(customer)"
  }

  private static func padded(_ text: String, _ width: Int) -> String {
    let glyphs = TextWrap.truncate(TextWrap.styled([(text, .normal)]), width: width)
    return glyphs.map(\.glyph.text).joined()
      + String(repeating: " ", count: max(width - TextWrap.width(glyphs), 0))
  }
}
