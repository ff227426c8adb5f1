import ReplyDeskCore

/// The template finder and the save-as-template prompt, drawn as boxes over the panes.
enum TemplateOverlayRender {
  /// The finder: the query, how many templates match, then two lines per match (id and intent,
  /// then the filled text, a contradiction's reason first), scrolled to keep the highlight in view.
  static func drawFinder(_ finder: TemplateFinder, total: Int, grid: inout CellGrid) {
    let rect = Chrome.centered(width: 110, height: 7 + 2 * max(finder.rows.count, 1), in: grid.size)
    Chrome.box(rect, title: "Find a template", grid: &grid)
    let inner = rect.maxX - 2
    let width = max(inner - rect.x - 2, 1)
    let prompt = "Search: "
    grid.write(prompt, x: rect.x + 2, y: rect.y + 1, limit: inner, role: .help)
    let queryX = rect.x + 2 + prompt.count
    let layout = ComposerPane.lines(finder.query, width: max(inner - queryX, 1))
    let line = layout.lines[layout.cursor.y]
    grid.draw(TextWrap.truncate(line, width: max(inner - queryX, 1)), x: queryX, y: rect.y + 1, limit: inner)
    grid.cursor = Position(x: min(queryX + layout.cursor.x, inner - 1), y: rect.y + 1)
    let shown = finder.rows.count < finder.matches ? " (the best \(finder.rows.count) listed)" : ""
    let count =
      finder.matches == 0
      ? "No template matches: change the search (words, id or intent), or Esc closes"
      : "\(finder.matches) of \(total) templates match\(shown)"
    grid.write(count, x: rect.x + 2, y: rect.y + 2, limit: inner, role: finder.matches == 0 ? .warning : .dim)
    let top = rect.y + 4
    let slots = max((rect.maxY - 2 - top) / 2, 1)
    let first = min(max(finder.selected - slots + 1, 0), max(finder.rows.count - slots, 0))
    for (offset, row) in finder.rows.dropFirst(first).prefix(slots).enumerated() {
      let selected = first + offset == finder.selected
      let y = top + offset * 2
      let head = "\(selected ? "▶" : " ") \(DisplayText.singleLine(row.templateID)) · \(row.intent)"
      grid.write(head, x: rect.x + 2, y: y, limit: inner, role: selected ? .selection : .title)
      grid.draw(
        TextWrap.truncate(TextWrap.styled(runs(row)), width: width - 2), x: rect.x + 4, y: y + 1, limit: inner
      )
    }
    let keys = Bindings.footerHints(for: .templateFinder).map { "\($0.label) \($0.hint)" }
    grid.write(keys.joined(separator: " · "), x: rect.x + 2, y: rect.maxY - 2, limit: inner, role: .dim)
  }

  /// A finder row's filled text as styled runs, a contradiction's reason first.
  static func runs(_ row: FinderRow) -> [(text: String, role: StyleRole)] {
    let warning = row.contradiction.map {
      [(text: "✗ \(DisplayText.singleLine($0)): ", role: StyleRole.warning)]
    }
    return (warning ?? [])
      + row.segments.map { segment in
        switch segment {
        case .literal(let text): return (DisplayText.singleLine(text), .normal)
        case .slot(_, let value): return (DisplayText.singleLine(value), .slot)
        case .missing: return (DisplayText.singleLine(segment.plainText), .missing)
        }
      }
  }

  /// The save prompt: the template text, a near-duplicate warning, the intent, the conditions.
  static func drawSavePrompt(_ prompt: TemplateSavePrompt, grid: inout CellGrid) {
    let rect = Chrome.centered(width: 76, height: prompt.conditions.count + 12, in: grid.size)
    Chrome.box(rect, title: "Save the reply as a template", grid: &grid)
    let inner = rect.maxX - 2
    let width = max(inner - rect.x - 2, 1)
    var y = rect.y + 1
    let text = TextWrap.wrap(
      TextWrap.styled([(DisplayText.singleLine(prompt.templateText), .agent)]), width: width)
    for line in text.prefix(2) {
      grid.draw(line, x: rect.x + 2, y: y, limit: inner)
      y += 1
    }
    if let duplicate = prompt.nearDuplicate {
      let percent = Int((duplicate.similarity * 100).rounded())
      let save = Bindings.binding(for: .enter, in: .templateConditions)?.label ?? ""
      let cancel = Bindings.binding(for: .escape, in: .templateConditions)?.label ?? ""
      let warning =
        "Nearly the same as template \(DisplayText.singleLine(duplicate.id)) (\(percent)% the same words): "
        + "\(save) saves it anyway, \(cancel) cancels."
      for line in TextWrap.wrap(TextWrap.styled([(warning, .warning)]), width: width).prefix(2) {
        grid.draw(line, x: rect.x + 2, y: y, limit: inner)
        y += 1
      }
    }
    y += 1
    let intentLabel = prompt.choosingConditions ? "Intent:" : "Intent (a word, such as refund_status), Enter:"
    grid.write(
      intentLabel, x: rect.x + 2, y: y, limit: inner, role: prompt.choosingConditions ? .dim : .normal)
    let intentX = rect.x + 3 + DisplayText.width(intentLabel)
    let layout = ComposerPane.lines(prompt.intent, width: max(inner - intentX, 1))
    grid.draw(
      TextWrap.truncate(layout.lines[layout.cursor.y], width: max(inner - intentX, 1)), x: intentX, y: y,
      limit: inner)
    if !prompt.choosingConditions {
      grid.cursor = Position(x: min(intentX + layout.cursor.x, inner - 1), y: y)
    }
    y += 2
    drawConditions(prompt, x: rect.x + 2, y: &y, limit: inner, grid: &grid)
    let context: BindingContext = prompt.choosingConditions ? .templateConditions : .templateIntent
    let keys = Bindings.footerHints(for: context).map { "\($0.label) \($0.hint)" }
    grid.write(keys.joined(separator: " · "), x: rect.x + 2, y: rect.maxY - 2, limit: inner, role: .dim)
  }

  private static func drawConditions(
    _ prompt: TemplateSavePrompt, x: Int, y: inout Int, limit: Int, grid: inout CellGrid
  ) {
    let title =
      prompt.conditions.isEmpty
      ? "Conditions: none to offer (no order in question)"
      : "When it is true (kept conditions go into its when:):"
    grid.write(title, x: x, y: y, limit: limit, role: prompt.choosingConditions ? .normal : .dim)
    y += 1
    for (index, offer) in prompt.conditions.enumerated() {
      let selected = prompt.choosingConditions && index == prompt.highlighted
      let line = "\(selected ? "▶" : " ") [\(offer.kept ? "x" : " ")] \(offer.entry)"
      grid.write(line, x: x, y: y, limit: limit, role: selected ? .selection : offer.kept ? .normal : .dim)
      y += 1
    }
  }
}
