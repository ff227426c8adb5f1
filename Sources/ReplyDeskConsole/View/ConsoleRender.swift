import Foundation
import ReplyDeskCore

/// Draws the whole console into a grid of `size`. Pure: the same state always gives the same grid.
func render(_ state: ConsoleState, size: Size) -> CellGrid { drawFrame(state, size: size).grid }

/// Draws the whole console into a grid of `size`, measuring its scrollable panes as it goes.
func drawFrame(_ state: ConsoleState, size: Size) -> DrawnFrame {
  if let notice = CellGrid.tooSmallNotice(size) { return DrawnFrame(grid: notice) }
  var grid = CellGrid(size: size)
  var extents = ScrollExtents()
  var sized = state
  sized.size = size
  let layout = ConsoleLayout(sized)
  drawHeader(state, in: layout.header, grid: &grid)
  if let rect = layout.tabs { ChatTabs.draw(state, in: rect, grid: &grid) }
  if let rect = layout.orderSummary { OrderSummary.draw(state, in: rect, grid: &grid) }
  let noOverlay = state.overlay == nil
  if let rect = layout.conversation {
    let focused = noOverlay && state.focus == .conversation
    if let chat = state.active {
      extents.conversation = ConversationPane.draw(
        chat, state.conversationSettings, in: rect, focused: focused, grid: &grid)
    } else {
      ConversationPane.drawNoChat(
        waiting: state.waiting.count, escalations: state.escalations.count, in: rect, focused: focused,
        grid: &grid)
    }
  }
  if let rect = layout.profile {
    extents.profile = ProfilePane.draw(
      state.active, now: state.now, timeZone: state.timeZone, in: rect,
      focused: noOverlay && state.focus == .profile, grid: &grid)
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
    extents.help = OverlayRender.draw(overlay, state: state, grid: &grid)
  }
  return DrawnFrame(grid: grid, extents: extents)
}

/// "ReplyDesk · representative · customer · chat id · status · N waiting" and the clock. When it
/// does not fit, whole parts go (the queue, which the footer also shows, then the chat id, then the
/// representative) before anything is cut, and a cut falls between words.
private func drawHeader(_ state: ConsoleState, in rect: Rect, grid: inout CellGrid) {
  grid.fill(rect, role: .title)
  var parts: [(text: String, dropOrder: Int?)] = [
    ("ReplyDesk", nil), (DisplayText.singleLine(state.representative), 3),
  ]
  if let chat = state.active {
    parts.append((DisplayText.singleLine(chat.conversation.profile.fullName), nil))
    parts.append((DisplayText.singleLine(chat.conversation.id.rawValue), 2))
    parts.append((statusText(chat.conversation.status), nil))
  }
  if !state.waiting.isEmpty { parts.append(("\(state.waiting.count) waiting", 1)) }
  if !state.escalations.isEmpty { parts.append(("\(state.escalations.count) escalated", 1)) }
  let clock = Formatting.clock(state.now, in: state.timeZone) + " "
  let clockX = rect.maxX - DisplayText.width(clock)
  func text() -> String { " " + parts.map(\.text).joined(separator: " · ") }
  while DisplayText.width(text()) > clockX - 1,
    let drop = parts.indices.filter({ parts[$0].dropOrder != nil }).min(by: {
      parts[$0].dropOrder! < parts[$1].dropOrder!
    })
  {
    parts.remove(at: drop)
  }
  let glyphs = TextWrap.truncateAtWord(TextWrap.styled([(text(), .title)]), width: clockX - 1)
  grid.draw(glyphs, x: rect.x, y: rect.y, limit: clockX - 1)
  grid.write(clock, x: clockX, y: rect.y, limit: rect.maxX, role: .title)
}

private func statusText(_ status: ConversationStatus) -> String {
  switch status {
  case .open: return "open"
  case .closed(let outcome): return outcome.rawValue
  }
}

extension ConsoleState {
  /// What the conversation pane draws with, besides the chat.
  var conversationSettings: ConversationPane.Settings {
    ConversationPane.Settings(now: now, timeZone: timeZone, highlightAttention: highlightAttention)
  }
}
