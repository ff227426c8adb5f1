import Foundation
import ReplyDeskCore

/// The open chats grouped by representative: a line per representative, then a line per chat
/// with its customer, channel, start and how long the customer has waited for a reply.
enum FloorChatList {
  /// One line of the list: a representative's heading or a chat (its index in `chats`).
  private enum Line {
    case representative(String, open: Int, waiting: Int)
    case chat(Int)
  }

  static func draw(_ state: FloorState, in rect: Rect, grid: inout CellGrid) {
    Chrome.title("Open chats by representative", in: rect, focused: state.overlay == nil, grid: &grid)
    let body = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 1)
    guard state.snapshot != nil else {
      grid.write("Reading the store…", x: body.x, y: body.y, limit: body.maxX, role: .dim)
      return
    }
    let chats = state.chats
    guard !chats.isEmpty else {
      grid.write(
        "No open chats. A chat shows here as soon as a representative takes it.", x: body.x, y: body.y,
        limit: body.maxX, role: .dim)
      return
    }
    let lines = lines(chats)
    let selectedLine =
      lines.firstIndex { if case .chat(let index) = $0 { index == state.selectedIndex } else { false } } ?? 0
    let visible = max(body.height, 1)
    let first = max(0, min(selectedLine - visible + 1, lines.count - visible))
    let customerWidth = max(body.width - 40, 8)
    for (offset, line) in lines.dropFirst(first).prefix(visible).enumerated() {
      let y = body.y + offset
      switch line {
      case .representative(let name, let open, let waiting):
        let text = "\(DisplayText.singleLine(name)) · \(open) open · \(waiting) waiting"
        grid.write(text, x: body.x, y: y, limit: body.maxX, role: .help)
      case .chat(let index):
        drawChat(
          chats[index], selected: index == state.selectedIndex, customerWidth: customerWidth, state: state,
          row: Rect(x: body.x, y: y, width: body.width, height: 1), grid: &grid)
      }
    }
  }

  private static func lines(_ chats: [FloorSnapshot.Chat]) -> [Line] {
    var lines: [Line] = []
    for (index, chat) in chats.enumerated() {
      if index == 0 || chats[index - 1].representative != chat.representative {
        let theirs = chats.filter { $0.representative == chat.representative }
        lines.append(
          .representative(
            chat.representative, open: theirs.count, waiting: theirs.count { $0.waitingSince != nil }))
      }
      lines.append(.chat(index))
    }
    return lines
  }

  private static func drawChat(
    _ chat: FloorSnapshot.Chat, selected: Bool, customerWidth: Int, state: FloorState, row: Rect,
    grid: inout CellGrid
  ) {
    if selected { grid.fill(row, role: .selection) }
    let wait = chat.wait(at: state.now)
    let text =
      (selected ? "▶ " : "  ") + FloorText.padded(DisplayText.singleLine(chat.customerName), customerWidth)
      + " "
      + FloorText.padded(DisplayText.singleLine(chat.channel), 8) + " since "
      + Formatting.clock(chat.startedAt, in: state.timeZone) + "  "
    let x = grid.write(text, x: row.x, y: row.y, limit: row.maxX, role: selected ? .selection : .normal)
    let late = (wait ?? 0) >= floorLateSeconds
    let role: StyleRole = selected ? .selection : late ? .warning : wait == nil ? .dim : .normal
    grid.write(
      wait.map { "waits \(FloorText.wait($0))" } ?? "answered", x: x, y: row.y, limit: row.maxX, role: role)
  }
}

/// The waiting queue on wide screens: every customer waiting for a reply, the longest wait first.
enum FloorQueuePane {
  static func draw(_ state: FloorState, in rect: Rect, grid: inout CellGrid) {
    Chrome.title("Waiting for a reply (longest first)", in: rect, focused: false, grid: &grid)
    guard let snapshot = state.snapshot else { return }
    let waiting = snapshot.waiting(at: state.now)
    guard !waiting.isEmpty else {
      grid.write("No customer is waiting.", x: rect.x + 1, y: rect.y + 1, limit: rect.maxX, role: .dim)
      return
    }
    for (offset, chat) in waiting.prefix(max(rect.height - 1, 0)).enumerated() {
      let wait = chat.wait(at: state.now) ?? 0
      let y = rect.y + 1 + offset
      let x = grid.write(
        FloorText.padded(FloorText.wait(wait), 6), x: rect.x + 1, y: y, limit: rect.maxX,
        role: wait >= floorLateSeconds ? .warning : .normal)
      grid.write(
        "\(DisplayText.singleLine(chat.customerName)) · \(DisplayText.singleLine(chat.representative))", x: x,
        y: y, limit: rect.maxX, role: .normal)
    }
  }
}

extension FloorText {
  /// `text` cut or padded to `width` cells.
  static func padded(_ text: String, _ width: Int) -> String {
    let glyphs = TextWrap.truncate(TextWrap.styled([(text, .normal)]), width: width)
    return glyphs.map(\.glyph.text).joined()
      + String(repeating: " ", count: max(width - TextWrap.width(glyphs), 0))
  }
}
