import Foundation
import ReplyDeskCore

/// Draws the whole console into a grid of `size`. Pure: the same state always gives the same grid.
func render(_ state: ConsoleState, size: Size) -> CellGrid {
  var grid = CellGrid(size: size)
  guard size.width > 0, size.height > 0 else { return grid }
  var sized = state
  sized.size = size
  let layout = ConsoleLayout(sized)
  if layout.isTooSmall {
    let minimum = ConsoleLayout.minimum
    grid.write(
      "Terminal too small: need \(minimum.width)x\(minimum.height)", x: 0, y: 0, limit: size.width,
      role: .warning)
    return grid
  }
  drawHeader(state, in: layout.header, grid: &grid)
  if let rect = layout.tabs { ChatTabs.draw(state, in: rect, grid: &grid) }
  let noOverlay = state.overlay == nil
  if let rect = layout.conversation {
    ConversationPane.draw(state, in: rect, focused: noOverlay && state.focus == .conversation, grid: &grid)
  }
  if let rect = layout.profile {
    ProfilePane.draw(state, in: rect, focused: noOverlay && state.focus == .profile, grid: &grid)
  }
  SuggestionsPane.draw(
    state, in: layout.suggestions, focused: noOverlay && state.focus == .suggestions, grid: &grid)
  ComposerPane.draw(state, in: layout.composer, focused: noOverlay && state.focus == .composer, grid: &grid)
  if let separator = layout.separator {
    for y in separator.y..<separator.maxY {
      grid.write("│", x: separator.x, y: y, limit: separator.maxX, role: .border)
    }
  }
  drawFooter(state, in: layout.footer, grid: &grid)
  if let overlay = state.overlay {
    grid.cursor = nil
    OverlayRender.draw(overlay, state: state, grid: &grid)
  }
  return grid
}

/// "ReplyDesk · representative · customer · chat id · status" and the clock.
private func drawHeader(_ state: ConsoleState, in rect: Rect, grid: inout CellGrid) {
  grid.fill(rect, role: .title)
  var text = " ReplyDesk · \(DisplayText.singleLine(state.representative))"
  if let chat = state.active {
    let name = DisplayText.singleLine(chat.conversation.profile.fullName)
    let id = DisplayText.singleLine(chat.conversation.id.rawValue)
    text += " · \(name) · \(id) · \(statusText(chat.conversation.status))"
  }
  if !state.waiting.isEmpty, rect.width >= 60 {
    text += " · \(state.waiting.count) waiting"
  }
  let clock = Formatting.clock(state.now, in: state.timeZone) + " "
  let clockX = rect.maxX - DisplayText.width(clock)
  let glyphs = TextWrap.truncate(TextWrap.styled([(text, .title)]), width: clockX - 1)
  grid.draw(glyphs, x: rect.x, y: rect.y, limit: clockX - 1)
  grid.write(clock, x: clockX, y: rect.y, limit: rect.maxX, role: .title)
}

private func statusText(_ status: ConversationStatus) -> String {
  switch status {
  case .open: return "open"
  case .closed(let outcome): return outcome.rawValue
  }
}

/// Hints for the focused context (or the transient message), then ranker name and queue count.
private func drawFooter(_ state: ConsoleState, in rect: Rect, grid: inout CellGrid) {
  grid.fill(rect, role: .status)
  var right: [String] = []
  if let ranker = state.rankerName { right.append(DisplayText.singleLine(ranker)) }
  if let generator = state.generator.label { right.append(generator) }
  if let threshold = state.autopilotThreshold { right.append(autopilotLabel(threshold)) }
  right.append(state.waiting.isEmpty ? "none waiting" : "\(state.waiting.count) waiting")
  let rightText = " " + right.joined(separator: " · ") + " "
  let rightX = rect.maxX - DisplayText.width(rightText)
  let queueLate = state.waiting.contains { isOverdue($0, state) }
  grid.write(rightText, x: rightX, y: rect.y, limit: rect.maxX, role: queueLate ? .warning : .status)
  let leftWidth = max(rightX - rect.x - 1, 0)
  let left = footerMessage(
    state.status, context: state.context, situation: state.bindingSituation, width: leftWidth)
  grid.draw(left, x: rect.x, y: rect.y, limit: rect.x + leftWidth)
}

/// The footer's left side in `width` cells: the transient status message if there is one (cut with
/// an ellipsis), else the key hints from the binding table that apply in the focused context and
/// `situation`, as many whole hints as fit, the last of the table (the least important) dropped first.
func footerMessage(
  _ status: StatusMessage?, context: BindingContext, situation: BindingSituation = .standard, width: Int
) -> [StyledGlyph] {
  if let status {
    let text = TextWrap.styled([
      (" " + DisplayText.singleLine(status.text), status.isWarning ? .warning : .status)
    ])
    return TextWrap.truncate(text, width: width)
  }
  var hints = Bindings.footerHints(for: context, in: situation)
  while !hints.isEmpty {
    var runs: [(text: String, role: StyleRole)] = [(" ", .status)]
    for (index, (label, hint)) in hints.enumerated() {
      runs.append((label, .help))
      runs.append((index == hints.count - 1 ? " \(hint)" : " \(hint)  ", .status))
    }
    let line = TextWrap.styled(runs)
    if TextWrap.width(line) <= width { return line }
    hints.removeLast()
  }
  return []
}
