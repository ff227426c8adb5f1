import Foundation
import ReplyDeskCore

/// The conversation: turns with their times, wrapped, newest at the bottom, scrolled up by
/// `ActiveChat.conversationScroll` lines, and the customer's typing indicator.
enum ConversationPane {
  static let labelWidth = 9

  /// What the pane needs besides the chat: the time (for the typing indicator), the zone its clock
  /// times are shown in, and whether the words the ranker attended to are highlighted.
  struct Settings {
    var now: Date
    var timeZone: TimeZone
    var highlightAttention = false
  }

  /// The pane with no chat open: how many customers wait, and how many escalations.
  static func drawNoChat(waiting: Int, escalations: Int, in rect: Rect, focused: Bool, grid: inout CellGrid) {
    Chrome.title("Conversation", in: rect, focused: focused, grid: &grid)
    let message =
      waiting == 0
      ? "No chat open. Waiting for customers…"
      : "No chat open. \(waiting) waiting: press \(Bindings.label(of: .takeNext)) to take the next customer."
    grid.write(message, x: rect.x + 1, y: rect.y + 2, limit: rect.maxX, role: .dim)
    if escalations > 0 {
      let escalated =
        "\(escalations) escalated: press \(Bindings.label(of: .takeEscalated)) to take the oldest."
      grid.write(escalated, x: rect.x + 1, y: rect.y + 3, limit: rect.maxX, role: .dim)
    }
  }

  /// The pane showing `chat`.
  @discardableResult
  static func draw(
    _ chat: ActiveChat, _ settings: Settings, in rect: Rect, focused: Bool, grid: inout CellGrid
  ) -> PaneExtent {
    let name = DisplayText.singleLine(chat.conversation.profile.fullName)
    let status = chat.isOpen ? "" : " (closed)"
    Chrome.title("Conversation · \(name)\(status)", in: rect, focused: focused, grid: &grid)
    var body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
    if let handOver = chat.handOver {
      // The summary takes what the turns leave free, and at least half the pane.
      let turns = lines(chat, width: body.width, settings: settings, limit: body.height).count
      let pinned = summaryLines(
        handOver, width: body.width, limit: max(body.height / 2, body.height - turns, 1))
      for (offset, line) in pinned.enumerated() {
        grid.draw(line, x: body.x, y: body.y + offset, limit: body.maxX)
      }
      body = Rect(x: body.x, y: body.y + pinned.count, width: body.width, height: body.height - pinned.count)
    }
    let limit = body.height + chat.scroll.conversation
    let all = lines(chat, width: body.width, settings: settings, limit: limit)
    let scroll = min(chat.scroll.conversation, max(all.count - body.height, 0))
    let end = all.count - scroll
    let start = max(end - body.height, 0)
    var y = body.maxY - (end - start)
    for line in all[start..<end] {
      grid.draw(line, x: body.x, y: y, limit: body.maxX)
      y += 1
    }
    if scroll > 0 {
      let marker = " ↓ \(scroll) more "
      grid.write(
        marker, x: body.maxX - DisplayText.width(marker) - 1, y: body.maxY - 1, limit: body.maxX,
        role: .status)
    }
    // Only the turns on screen are laid out: when older ones may be left, the extent claims a page
    // more, and the frame after a page up, which lays that page out, measures it exactly.
    let more = all.count >= limit ? body.height : 0
    return PaneExtent(lines: all.count + more, visible: body.height)
  }

  /// The lines of the conversation at `width`, oldest first, including the typing indicator:
  /// every line, or only the newest turns that make up at least `limit` lines.
  static func lines(_ chat: ActiveChat, width: Int, settings: Settings, limit: Int = .max) -> [StyledLine] {
    let prefixWidth = 6 + labelWidth + 1
    let textWidth = max(width - prefixWidth, 8)
    let indent = StyledLine(
      repeating: StyledGlyph(glyph: DisplayText.Glyph(text: " ", width: 1), role: .normal),
      count: width - textWidth)
    var blocks: [[StyledLine]] = []
    var count = 0
    if let until = chat.customerTypingUntil, until > settings.now, chat.isOpen {
      blocks.append([indent + TextWrap.styled([("customer is typing…", .dim)])])
      count = 1
    }
    let attended = settings.highlightAttention ? attendedWords(chat) : [:]
    for turn in chat.conversation.turns.reversed() where count < limit {
      let role = role(for: turn.speaker)
      let text = chat.displayTexts[turn.id] ?? DisplayText.forDisplay(turn.text)
      let runs = highlight(text, role: role, words: attended[turn.id] ?? [])
      let wrapped = TextWrap.wrap(TextWrap.styled(runs), width: textWidth)
      let label = padded(label(for: turn, chat: chat), to: labelWidth)
      let prefix = TextWrap.styled([
        (Formatting.clock(turn.time, in: settings.timeZone) + " ", .dim), (label + " ", role),
      ])
      blocks.append(wrapped.enumerated().map { ($0.offset == 0 ? prefix : indent) + $0.element })
      count += wrapped.count
    }
    return blocks.reversed().flatMap { $0 }
  }

  /// The hand-over summary, pinned above the turns: each fact wrapped, at most `limit` lines. When
  /// it does not fit, the facts in the middle give way to an ellipsis line; the first (why) and the
  /// last (what is still open) stay.
  static func summaryLines(_ handOver: HandOver, width: Int, limit: Int) -> [StyledLine] {
    let facts = handOver.summary.map { fact in
      TextWrap.wrap(TextWrap.styled([(DisplayText.singleLine(fact), .system)]), width: max(width - 3, 8))
        .enumerated().map { TextWrap.styled([($0.offset == 0 ? " " : "   ", .system)]) + $0.element }
    }
    let all = facts.flatMap { $0 }
    guard all.count > limit, let last = facts.last else { return all }
    let cut = TextWrap.styled([("  … (the whole summary is in the transcript)", .dim)])
    let head = facts.dropLast().flatMap { $0 }.prefix(max(limit - last.count - 1, 0))
    return Array((Array(head) + [cut] + last).prefix(limit))
  }

  static func role(for speaker: Speaker) -> StyleRole {
    switch speaker {
    case .customer: return .customer
    case .agent: return .agent
    case .system: return .system
    }
  }

  private static func label(for turn: Turn, chat: ActiveChat) -> String {
    switch turn.speaker {
    case .customer:
      let first = DisplayText.singleLine(chat.conversation.profile.firstName)
      return first.isEmpty ? "Customer" : first
    case .agent: return chat.autopilot.sentTurns.contains(turn.id) ? "Autopilot" : "You"
    case .system: return "System"
    }
  }

  /// Pads or cuts a label to exactly `width` columns.
  private static func padded(_ text: String, to width: Int) -> String {
    let glyphs = TextWrap.truncate(TextWrap.styled([(text, .normal)]), width: width)
    let used = TextWrap.width(glyphs)
    return glyphs.map(\.glyph.text).joined() + String(repeating: " ", count: max(width - used, 0))
  }

  private static func attendedWords(_ chat: ActiveChat) -> [Int: Set<String>] {
    var words: [Int: Set<String>] = [:]
    for word in chat.suggestions.attended { words[word.turnID, default: []].insert(word.word.lowercased()) }
    return words
  }

  /// Splits text into runs, marking the attended words.
  private static func highlight(_ text: String, role: StyleRole, words: Set<String>)
    -> [(text: String, role: StyleRole)]
  {
    guard !words.isEmpty else { return [(text, role)] }
    var runs: [(text: String, role: StyleRole)] = []
    var current = ""
    var currentIsWord = false
    func flush() {
      guard !current.isEmpty else { return }
      let marked = currentIsWord && words.contains(current.lowercased())
      runs.append((current, marked ? .attended : role))
      current = ""
    }
    for character in text {
      let isWord = character.isLetter || character.isNumber
      if isWord != currentIsWord { flush() }
      currentIsWord = isWord
      current.append(character)
    }
    flush()
    return runs
  }
}
