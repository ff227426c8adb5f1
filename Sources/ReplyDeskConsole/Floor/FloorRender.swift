import Foundation
import ReplyDeskCore

/// A customer waiting this long for a reply is drawn as a warning (the console's default
/// `--wait-alert`).
let floorLateSeconds: TimeInterval = ConsoleOptions.defaultWaitAlertSeconds

/// Draws the floor (or the replay opened from it) into a grid of `size`. Pure.
func renderFloor(_ state: FloorState, size: Size) -> CellGrid { drawFloorFrame(state, size: size).grid }

/// Draws the floor (or the replay opened from it), measuring the help screen (or the replay's
/// panes) as it goes.
func drawFloorFrame(_ state: FloorState, size: Size) -> DrawnFrame {
  if let replay = state.replay { return drawReplayFrame(replay, size: size) }
  if let notice = CellGrid.tooSmallNotice(size) { return DrawnFrame(grid: notice) }
  var extents = ScrollExtents()
  var grid = CellGrid(size: size)
  drawFloorHeader(state, width: size.width, grid: &grid)
  drawFigures(state, width: size.width, grid: &grid)
  let body = Rect(x: 0, y: 3, width: size.width, height: size.height - 4)
  if size.width >= 110 {
    let queueWidth = size.width / 3
    let chats = Rect(x: 0, y: body.y, width: size.width - queueWidth - 1, height: body.height)
    FloorChatList.draw(state, in: chats, grid: &grid)
    for y in body.y..<body.maxY { grid.write("│", x: chats.maxX, y: y, limit: chats.maxX + 1, role: .border) }
    FloorQueuePane.draw(
      state, in: Rect(x: chats.maxX + 1, y: body.y, width: queueWidth, height: body.height), grid: &grid)
  } else {
    FloorChatList.draw(state, in: body, grid: &grid)
  }
  let footer = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
  grid.fill(footer, role: .status)
  grid.draw(
    footerMessage(state.status, context: state.context, width: size.width - 1), x: 0, y: footer.y,
    limit: footer.maxX - 1)
  if case .help(let scroll) = state.overlay {
    extents.help = OverlayRender.drawHelp(scroll: scroll, contexts: BindingContext.floorContexts, grid: &grid)
  }
  return DrawnFrame(grid: grid, extents: extents)
}

/// "ReplyDesk floor · store · 3 open chats" and, on the right, when the store was last read.
private func drawFloorHeader(_ state: FloorState, width: Int, grid: inout CellGrid) {
  let rect = Rect(x: 0, y: 0, width: width, height: 1)
  grid.fill(rect, role: .title)
  let count = state.chats.count
  let chats = state.snapshot == nil ? "" : " · \(count) open chat\(count == 1 ? "" : "s")"
  let text = " ReplyDesk floor\(chats) · \(DisplayText.singleLine(state.storeName))"
  let right = state.updatedAt.map { "updated \(FloorText.clockWithSeconds($0, in: state.timeZone)) " } ?? ""
  let rightX = rect.maxX - DisplayText.width(right)
  grid.draw(
    TextWrap.truncate(TextWrap.styled([(text, .title)]), width: rightX - 1), x: 0, y: 0, limit: rightX - 1)
  grid.write(right, x: rightX, y: 0, limit: rect.maxX, role: .title)
}

/// The floor's figures: the waiting queue, its longest wait and escalations in the last hour on
/// one line, today's acceptance on the next.
private func drawFigures(_ state: FloorState, width: Int, grid: inout CellGrid) {
  guard let snapshot = state.snapshot else { return }
  let waiting = snapshot.waiting(at: state.now)
  let longest = snapshot.longestWait(at: state.now)
  var runs: [(text: String, role: StyleRole)] = [
    (" Waiting \(waiting.count)", waiting.isEmpty ? .normal : .help)
  ]
  if let longest {
    runs.append((" · longest ", .normal))
    runs.append((FloorText.wait(longest), longest >= floorLateSeconds ? .warning : .normal))
  }
  let escalations = snapshot.escalationsInLastHour(at: state.now)
  runs.append((" · escalated in the last hour \(escalations)", escalations > 0 ? .warning : .normal))
  grid.draw(TextWrap.truncateAtWord(TextWrap.styled(runs), width: width - 1), x: 0, y: 1, limit: width)
  let today = TextWrap.styled([(" Today " + FloorText.acceptance(snapshot.acceptance), .normal)])
  grid.draw(TextWrap.truncateAtWord(today, width: width - 1), x: 0, y: 2, limit: width)
}

/// The floor's ways of writing times and rates.
enum FloorText {
  /// "0:07", "10:30", "75:02": minutes and seconds.
  static func wait(_ seconds: TimeInterval) -> String {
    let whole = max(Int(seconds.rounded(.down)), 0)
    return "\(whole / 60):\(String(format: "%02d", whole % 60))"
  }

  /// "top-1 acceptance 17% · top-4 33% over 6 customer turns", or that there were none yet.
  static func acceptance(_ acceptance: FloorSnapshot.Acceptance) -> String {
    guard acceptance.customerTurns > 0 else { return "no customer turns yet" }
    func percent(_ rate: Double?) -> String { rate.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }
    let turns = acceptance.customerTurns
    return "top-1 acceptance \(percent(acceptance.top1)) · top-4 \(percent(acceptance.top4)) over \(turns) "
      + "customer turn\(turns == 1 ? "" : "s")"
  }

  /// "HH:mm:ss" in `zone`.
  static func clockWithSeconds(_ date: Date, in zone: TimeZone) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
    return Formatting.clock(date, in: zone) + String(format: ":%02d", (seconds % 60 + 60) % 60)
  }
}
