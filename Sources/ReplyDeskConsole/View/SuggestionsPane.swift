import ReplyDeskCore

/// The ranked suggestions, numbered 1..9, with slot values highlighted and missing slots as
/// visible gaps, and the generated reply (marked "gen") last; the highlighted suggestion's source is
/// in the title, and "just changed" while a row is too new to send. A suggestion that contradicts the
/// profile starts with ✗ and the reason.
enum SuggestionsPane {
  static func draw(_ state: ConsoleState, in rect: Rect, focused: Bool, grid: inout CellGrid) {
    var title = state.hideSuggestions ? "Suggestions · hidden for practice" : "Suggestions"
    if !state.hideSuggestions, let chat = state.active, chat.isOpen,
      chat.suggestions.rows.indices.contains(chat.suggestions.highlighted)
    {
      if chat.suggestions.listIsSettling(at: state.now) { title += " · just changed" }
      let source = DisplayText.singleLine(
        chat.suggestions.rows[chat.suggestions.highlighted].source.description)
      title += " · \(chat.suggestions.highlighted + 1): \(source)"
      if let confidence = chat.suggestions.confidence { title += String(format: " · p %.2f", confidence) }
    }
    Chrome.title(title, in: rect, focused: focused, grid: &grid)
    let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
    let hiddenText = "Suggestions are hidden for practice: type your own reply."
    guard let chat = state.active else {
      let text = state.hideSuggestions ? hiddenText : "Suggestions appear when you take a chat."
      grid.write(text, x: body.x + 1, y: body.y, limit: body.maxX, role: .dim)
      return
    }
    guard chat.isOpen else {
      grid.write(
        "Chat closed. Press \(Bindings.label(of: .takeNext)) for the next customer.", x: body.x + 1,
        y: body.y, limit: body.maxX, role: .dim)
      return
    }
    guard !state.hideSuggestions else {
      grid.write(hiddenText, x: body.x + 1, y: body.y, limit: body.maxX, role: .dim)
      return
    }
    guard !chat.suggestions.rows.isEmpty else {
      let text = chat.conversation.turns.isEmpty ? "Waiting for the customer's first message…" : "Ranking…"
      grid.write(text, x: body.x + 1, y: body.y, limit: body.maxX, role: .dim)
      return
    }
    let rows = chat.suggestions.rows.prefix(9).enumerated().map { index, suggestion in
      SuggestionRow(
        rank: index + 1, runs: runs(suggestion), score: suggestion.score,
        source: suggestion.source.description, generated: suggestion.isGenerated)
    }
    SuggestionList.draw(
      rows, highlighted: chat.suggestions.highlighted, mark: focused ? "▶" : nil, in: body, grid: &grid)
  }

  /// The suggestion's text as styled runs: literals plain, slot values in `slot`, gaps in `missing`;
  /// a contradiction's reason first, as a warning.
  static func runs(_ suggestion: Suggestion) -> [(text: String, role: StyleRole)] {
    let warning = suggestion.grounding.contradictionReason.map { reason in
      [(text: "✗ \(DisplayText.singleLine(reason)): ", role: StyleRole.warning)]
    }
    return (warning ?? [])
      + suggestion.segments.map { segment in
        switch segment {
        case .literal(let text): return (DisplayText.singleLine(text), .normal)
        case .slot(_, let value): return (DisplayText.singleLine(value), .slot)
        case .missing: return (DisplayText.singleLine(segment.plainText), .missing)
        }
      }
  }
}
