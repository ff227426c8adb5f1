/// The help screen, escalation picker, quit and repeat confirmations (and, through
/// `TemplateOverlayRender`, the template finder and save prompt), drawn as boxes over the panes.
enum OverlayRender {
  /// Draws `overlay`; the help screen's scroll extent, or an empty one for the other overlays.
  static func draw(_ overlay: Overlay, state: ConsoleState, grid: inout CellGrid) -> PaneExtent {
    switch overlay {
    case .help(let scroll): return drawHelp(scroll: scroll, situation: state.bindingSituation, grid: &grid)
    case .escalation(let draft): drawEscalation(draft, state: state, grid: &grid)
    case .confirmQuit:
      drawConfirmQuit(openChats: state.openChats.count, escalated: state.escalations.count, grid: &grid)
    case .confirmSend(let repeated): drawConfirmSend(repeated, grid: &grid)
    case .finder(let finder):
      TemplateOverlayRender.drawFinder(finder, total: state.templates.templates.count, grid: &grid)
    case .saveTemplate(let prompt): TemplateOverlayRender.drawSavePrompt(prompt, grid: &grid)
    }
    return PaneExtent()
  }

  /// The help box with the bindings of `contexts` that apply in `situation`, scrolled down `scroll` lines.
  @discardableResult
  static func drawHelp(
    scroll: Int, contexts: [BindingContext] = BindingContext.live, situation: BindingSituation = .standard,
    grid: inout CellGrid
  ) -> PaneExtent {
    let rect = Chrome.centered(width: 76, height: grid.size.height - 2, in: grid.size)
    Chrome.box(rect, title: "Help: keys", grid: &grid)
    let lines = helpLines(for: contexts, in: situation)
    let height = rect.height - 3
    let top = min(scroll, max(lines.count - height, 0))
    for (offset, line) in lines.dropFirst(top).prefix(height).enumerated() {
      grid.draw(TextWrap.styled(line), x: rect.x + 2, y: rect.y + 1 + offset, limit: rect.maxX - 2)
    }
    let footer = "↑/↓ scroll · Esc close · \(top + 1)-\(min(top + height, lines.count)) of \(lines.count)"
    grid.write(footer, x: rect.x + 2, y: rect.maxY - 2, limit: rect.maxX - 2, role: .dim)
    return PaneExtent(lines: lines.count, visible: height)
  }

  private static func drawEscalation(_ draft: EscalationDraft, state: ConsoleState, grid: inout CellGrid) {
    let reasons = state.escalationReasons
    let rect = Chrome.centered(width: 64, height: reasons.count + 8, in: grid.size)
    Chrome.box(rect, title: "Escalate this chat", grid: &grid)
    let inner = rect.maxX - 2
    var y = rect.y + 1
    grid.write(
      draft.writingNote ? "Reason:" : "Choose a reason (1-\(reasons.count), ↑/↓, Enter):",
      x: rect.x + 2, y: y, limit: inner, role: .normal)
    y += 1
    for (index, reason) in reasons.enumerated() where y < rect.maxY - 4 {
      let selected = index == draft.reasonIndex
      let role: StyleRole = selected ? (draft.writingNote ? .help : .selection) : .normal
      grid.write(
        "\(selected ? "▶" : " ")\(index + 1) \(DisplayText.singleLine(reason))", x: rect.x + 2, y: y,
        limit: inner, role: role)
      y += 1
    }
    y = rect.maxY - 4
    let noteLabel =
      draft.writingNote ? "Note (optional), Enter escalates:" : "Note: (after choosing a reason)"
    grid.write(noteLabel, x: rect.x + 2, y: y, limit: inner, role: draft.writingNote ? .normal : .dim)
    let noteWidth = max(inner - rect.x - 3, 1)
    let layout = ComposerPane.visible(draft.note, width: noteWidth, height: 1)
    let row = layout.lines.first ?? []
    grid.draw(TextWrap.truncate(row, width: noteWidth), x: rect.x + 3, y: y + 1, limit: inner)
    if draft.writingNote {
      grid.cursor = Position(x: rect.x + 3 + min(layout.cursor.x, noteWidth - 1), y: y + 1)
    }
    grid.write("Esc cancels", x: rect.x + 2, y: rect.maxY - 2, limit: inner, role: .dim)
  }

  private static func drawConfirmQuit(openChats: Int, escalated: Int, grid: inout CellGrid) {
    let rect = Chrome.centered(width: 70, height: 7, in: grid.size)
    Chrome.box(rect, title: "Quit?", grid: &grid)
    let open = [
      openChats == 0 ? nil : openChats == 1 ? "1 chat is open" : "\(openChats) chats are open",
      escalated == 0 ? nil : "\(escalated) escalated waiting",
    ].compactMap { $0 }.joined(separator: ", ")
    let keys = Bindings.bindings(for: .confirmQuit).map { "\($0.label) \($0.hint)" }.joined(separator: " · ")
    let question =
      open.isEmpty
      ? "Every chat has ended meanwhile; h or r quits now."
      : "\(open). Hand the open chats over, or resolve them?"
    let lines = [
      (question, StyleRole.warning),
      ("Escalated chats end as escalated; no chat is left abandoned.", .normal),
      (keys, .normal),
    ]
    for (offset, line) in lines.enumerated() {
      grid.write(line.0, x: rect.x + 2, y: rect.y + 2 + offset, limit: rect.maxX - 2, role: line.1)
    }
  }

  /// The held reply, why it is held, and the keys from the binding table.
  private static func drawConfirmSend(_ repeated: HeldReply, grid: inout CellGrid) {
    let rect = Chrome.centered(width: 64, height: 7, in: grid.size)
    let (title, warning) =
      switch repeated.reason {
      case .repeated: ("Send the same reply again?", "You already sent this exact reply in this chat:")
      case .contradicts(let reason):
        ("Send a reply that contradicts the profile?", "The profile says \(DisplayText.singleLine(reason)):")
      }
    Chrome.box(rect, title: title, grid: &grid)
    let inner = rect.maxX - 2
    grid.write(warning, x: rect.x + 2, y: rect.y + 2, limit: inner, role: .warning)
    let text = TextWrap.styled([(DisplayText.singleLine(repeated.decision.sentText ?? ""), .agent)])
    grid.draw(
      TextWrap.truncate(text, width: max(inner - rect.x - 4, 1)), x: rect.x + 4, y: rect.y + 3, limit: inner)
    let keys = Bindings.footerHints(for: .confirmSend).map { "\($0.label) \($0.hint)" }
    grid.write(keys.joined(separator: " · "), x: rect.x + 2, y: rect.y + 4, limit: inner, role: .normal)
  }
}
