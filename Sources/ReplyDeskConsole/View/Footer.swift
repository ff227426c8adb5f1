import Foundation
import ReplyDeskCore

/// How many key hints the footer keeps before it gives up room on its right side.
let footerEssentialHints = 5

/// The key hints of the focused context (or the transient message) on the left; the ranker, the
/// generator, autopilot and the queue on the right. When the essential hints would not fit, the
/// right side gives way: the model's date goes, then the ranker's name, then the generator's label
/// shortens, then it goes.
func drawFooter(_ state: ConsoleState, in rect: Rect, grid: inout CellGrid) {
  grid.fill(rect, role: .status)
  let wanted = TextWrap.width(essentialLeft(state))
  var right = footerRight(state)
  for level in 1...4 where rect.width - DisplayText.width(right) - 1 < wanted {
    right = footerRight(state, giveWay: level)
  }
  let rightX = rect.maxX - DisplayText.width(right)
  let queueLate = state.waiting.contains { isOverdue($0, state) }
  grid.write(right, x: rightX, y: rect.y, limit: rect.maxX, role: queueLate ? .warning : .status)
  let leftWidth = max(rightX - rect.x - 1, 0)
  let left = footerMessage(
    state.status, context: state.context, situation: state.bindingSituation, width: leftWidth)
  grid.draw(left, x: rect.x, y: rect.y, limit: rect.x + leftWidth)
}

/// The right side, after giving way `giveWay` steps (1: the ranker without its model's date, 2: no
/// ranker, 3: short generator, 4: none).
private func footerRight(_ state: ConsoleState, giveWay: Int = 0) -> String {
  var items: [String] = []
  if giveWay < 2, let ranker = rankerLabel(state, dated: giveWay < 1) { items.append(ranker) }
  if let generator = giveWay < 3 ? state.generator.label : giveWay < 4 ? state.generator.shortLabel : nil {
    items.append(generator)
  }
  if let threshold = state.autopilotThreshold { items.append(autopilotLabel(threshold)) }
  items.append(state.waiting.isEmpty ? "none waiting" : "\(state.waiting.count) waiting")
  if !state.escalations.isEmpty { items.append("\(state.escalations.count) escalated") }
  return " " + items.joined(separator: " · ") + " "
}

/// The ranker's name; with the neural model, its model's name and, when `dated`, its date.
private func rankerLabel(_ state: ConsoleState, dated: Bool) -> String? {
  guard let model = state.modelIdentity else { return state.rankerName.map(DisplayText.singleLine) }
  return dated ? model.label(in: state.timeZone) : DisplayText.singleLine(model.name)
}

/// What the left side needs room for: the whole status message, or the essential hints.
private func essentialLeft(_ state: ConsoleState) -> [StyledGlyph] {
  if let status = state.status { return statusGlyphs(status) }
  let hints = Bindings.footerHints(for: state.context, in: state.bindingSituation)
  return hintGlyphs(Array(hints.prefix(footerEssentialHints)))
}

/// The footer's left side in `width` cells: the transient status message if there is one (cut with
/// an ellipsis), else the key hints from the binding table that apply in the focused context and
/// `situation`, as many whole hints as fit, the last of the table (the least important) dropped first.
func footerMessage(
  _ status: StatusMessage?, context: BindingContext, situation: BindingSituation = .standard, width: Int
) -> [StyledGlyph] {
  if let status { return TextWrap.truncate(statusGlyphs(status), width: width) }
  var hints = Bindings.footerHints(for: context, in: situation)
  while !hints.isEmpty {
    let line = hintGlyphs(hints)
    if TextWrap.width(line) <= width { return line }
    hints.removeLast()
  }
  return []
}

private func statusGlyphs(_ status: StatusMessage) -> [StyledGlyph] {
  TextWrap.styled([(" " + DisplayText.singleLine(status.text), status.isWarning ? .warning : .status)])
}

private func hintGlyphs(_ hints: [(label: String, hint: String)]) -> [StyledGlyph] {
  var runs: [(text: String, role: StyleRole)] = [(" ", .status)]
  for (index, (label, hint)) in hints.enumerated() {
    runs.append((label, .help))
    runs.append((index == hints.count - 1 ? " \(hint)" : " \(hint)  ", .status))
  }
  return TextWrap.styled(runs)
}
