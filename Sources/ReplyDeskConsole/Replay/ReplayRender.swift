import Foundation
import ReplyDeskCore

/// Draws the replay console into a grid of `size`. Pure: the same state always gives the same grid.
func renderReplay(_ state: ReplayState, size: Size) -> CellGrid { drawReplayFrame(state, size: size).grid }

/// Draws the replay console into a grid of `size`, measuring its scrollable panes as it goes.
func drawReplayFrame(_ state: ReplayState, size: Size) -> DrawnFrame {
  if let notice = CellGrid.tooSmallNotice(size) { return DrawnFrame(grid: notice) }
  var grid = CellGrid(size: size)
  var extents = ScrollExtents()
  drawReplayHeader(state, width: size.width, grid: &grid)
  if let session = state.session {
    extents.conversation = drawSession(session, state: state, grid: &grid)
  } else {
    ReplayPicker.draw(state, in: Rect(x: 0, y: 1, width: size.width, height: size.height - 2), grid: &grid)
  }
  drawReplayFooter(state, in: Rect(x: 0, y: size.height - 1, width: size.width, height: 1), grid: &grid)
  switch state.overlay {
  case .help(let scroll):
    extents.help = OverlayRender.drawHelp(scroll: scroll, contexts: state.helpContexts, grid: &grid)
  case .note(let draft):
    drawNote(draft, grid: &grid)
  case nil:
    break
  }
  return DrawnFrame(grid: grid, extents: extents)
}

/// Where the replay's panes go: conversation left and agent turn right on wide terminals,
/// stacked on narrow ones.
struct ReplayLayout {
  var conversation: Rect
  var turn: Rect
  /// The column of the rule between the wide layout's panes.
  var separatorX: Int?

  init(size: Size) {
    let body = Rect(x: 0, y: 1, width: size.width, height: max(size.height - 2, 0))
    if body.width >= 120 {
      let leftWidth = body.width / 2
      conversation = Rect(x: body.x, y: body.y, width: leftWidth, height: body.height)
      turn = Rect(x: leftWidth + 1, y: body.y, width: body.width - leftWidth - 1, height: body.height)
      separatorX = leftWidth
    } else {
      let topHeight = body.height * 2 / 5
      conversation = Rect(x: body.x, y: body.y, width: body.width, height: topHeight)
      turn = Rect(x: body.x, y: body.y + topHeight, width: body.width, height: body.height - topHeight)
      separatorX = nil
    }
  }
}

/// Draws the session; the conversation's scroll extent.
private func drawSession(_ session: ReplaySession, state: ReplayState, grid: inout CellGrid) -> PaneExtent {
  let layout = ReplayLayout(size: state.size)
  var chat = ReplayConversation.chat(session)
  chat.scroll.conversation = session.conversationScroll
  let settings = ConversationPane.Settings(now: state.now, timeZone: state.timeZone)
  let extent = ConversationPane.draw(chat, settings, in: layout.conversation, focused: false, grid: &grid)
  if let x = layout.separatorX {
    for y in layout.turn.y..<layout.turn.maxY { grid.write("│", x: x, y: y, limit: x + 1, role: .border) }
  }
  ReplayTurnPane.draw(session, in: layout.turn, grid: &grid)
  return extent
}

/// "ReplyDesk replay · customer · chat id · rep · outcome" and the playback state.
private func drawReplayHeader(_ state: ReplayState, width: Int, grid: inout CellGrid) {
  let rect = Rect(x: 0, y: 0, width: width, height: 1)
  grid.fill(rect, role: .title)
  var text = " ReplyDesk replay"
  var right = ""
  if let session = state.session {
    let started = ReplayConversation.startedEvent(session)
    if let started { text += " · \(DisplayText.singleLine(started.customer.fullName))" }
    text += " · \(DisplayText.singleLine(session.chat.rawValue))"
    if let started { text += " · rep \(DisplayText.singleLine(started.representative))" }
    right = playbackText(session) + " "
  } else {
    text += " · \(state.sessions.count) session\(state.sessions.count == 1 ? "" : "s")"
  }
  let rightX = rect.maxX - DisplayText.width(right)
  grid.draw(
    TextWrap.truncateAtWord(TextWrap.styled([(text, .title)]), width: rightX - 1), x: 0, y: 0,
    limit: rightX - 1)
  grid.write(right, x: rightX, y: 0, limit: rect.maxX, role: .title)
}

/// "▶ 4x · turn 5/23 · 02:13" or "❚❚ 1x · …".
func playbackText(_ session: ReplaySession) -> String {
  let playback = session.playback
  let count = session.timeline.steps.count
  let step = count == 0 ? 0 : session.timeline.position + 1
  let elapsed = Int(session.timeline.elapsed.rounded(.down))
  let clock = String(format: "%02d:%02d", elapsed / 60, elapsed % 60)
  return "\(playback.isPlaying ? "▶" : "❚❚") \(Int(playback.speed))x · turn \(step)/\(count) · \(clock)"
}

private func drawReplayFooter(_ state: ReplayState, in rect: Rect, grid: inout CellGrid) {
  grid.fill(rect, role: .status)
  let left = footerMessage(state.status, context: state.context, width: rect.width - 1)
  grid.draw(left, x: rect.x, y: rect.y, limit: rect.maxX - 1)
}

/// The QA note box: the rating, then the note text with the cursor.
private func drawNote(_ draft: QANoteDraft, grid: inout CellGrid) {
  let rect = Chrome.centered(width: 64, height: 8, in: grid.size)
  Chrome.box(rect, title: "QA note at this turn", grid: &grid)
  let inner = rect.maxX - 2
  let rating =
    draft.choosingRating
    ? "Rating: press 1-5, or 0/Enter for none"
    : "Rating:\(draft.rating == nil ? " none" : ReplayConversation.stars(draft.rating))"
  grid.write(rating, x: rect.x + 2, y: rect.y + 2, limit: inner, role: draft.choosingRating ? .help : .normal)
  let label = draft.choosingRating ? "Note: (after the rating)" : "Note, Enter saves:"
  grid.write(label, x: rect.x + 2, y: rect.y + 3, limit: inner, role: draft.choosingRating ? .dim : .normal)
  let noteWidth = max(inner - rect.x - 3, 1)
  let layout = ComposerPane.visible(draft.text, width: noteWidth, height: 1)
  grid.draw(
    TextWrap.truncate(layout.lines.first ?? [], width: noteWidth), x: rect.x + 3, y: rect.y + 4,
    limit: inner)
  if !draft.choosingRating {
    grid.cursor = Position(x: rect.x + 3 + min(layout.cursor.x, noteWidth - 1), y: rect.y + 4)
  }
  grid.write(
    "Esc cancels · notes are added, never edited", x: rect.x + 2, y: rect.maxY - 2, limit: inner, role: .dim)
}
