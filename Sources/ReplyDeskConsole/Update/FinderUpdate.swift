import Foundation
import ReplyDeskCore

// The template finder: `/` in an empty draft (or ^F) opens it over every template of the library;
// each key of the query searches again (a pure function of the catalog, the query and the chat),
// and Enter inserts the highlighted template, filled from the order in question, into the draft.

/// Opens the finder over the chat on screen, every template listed until a query narrows them.
func openFinder(_ state: inout ConsoleState) -> [ConsoleEffect] {
  guard state.active?.isOpen == true else {
    state.say("No open chat to write in: \(Bindings.label(of: .takeNext)) takes the next customer")
    return []
  }
  guard !state.templates.templates.isEmpty else {
    state.say(
      "No templates loaded: check the templates directory with replydesk templates check", warning: true)
    return []
  }
  var finder = TemplateFinder()
  search(&finder, state)
  state.overlay = .finder(finder)
  return []
}

/// Keys in the finder: move the highlight, edit the query, insert, close.
func performFinder(_ state: inout ConsoleState, _ action: Action, _ finder: TemplateFinder) -> [ConsoleEffect]
{
  var finder = finder
  switch action {
  case .closeOverlay:
    state.overlay = nil
    return []
  case .insertFound:
    return insertFound(&state, finder)
  case .pickerUp: finder.selected = max(finder.selected - 1, 0)
  case .pickerDown: finder.selected = min(finder.selected + 1, max(finder.rows.count - 1, 0))
  case .deleteBackward: editQuery(&finder, state) { $0.deleteBackward() }
  case .deleteForward: editQuery(&finder, state) { $0.deleteForward() }
  case .deleteWord: editQuery(&finder, state) { $0.deleteWord() }
  case .cursorLeft: finder.query.moveLeft()
  case .cursorRight: finder.query.moveRight()
  case .cursorHome: finder.query.moveHome()
  case .cursorEnd: finder.query.moveEnd()
  default: break
  }
  state.overlay = .finder(finder)
  return []
}

/// Types into the finder's query and searches again.
func typeIntoFinder(_ state: inout ConsoleState, _ text: String) {
  guard case .finder(var finder) = state.overlay else { return }
  editQuery(&finder, state) { $0.insert(text) }
  state.overlay = .finder(finder)
}

private func editQuery(
  _ finder: inout TemplateFinder, _ state: ConsoleState, _ edit: (inout Composer) -> Void
) {
  let before = finder.query.text
  edit(&finder.query)
  if finder.query.text != before { search(&finder, state) }
}

private func search(_ finder: inout TemplateFinder, _ state: ConsoleState) {
  guard let chat = state.active else { return }
  let found = FinderSearch.search(finder.query.text, in: state.templates, chat: chat, now: state.now)
  finder.rows = found.rows
  finder.matches = found.matches
  finder.selected = 0
}

/// Inserts the highlighted template's filled text at the composer's cursor for editing; nothing is
/// sent. Into an empty draft, a template the list on screen shows counts as editing that suggestion.
private func insertFound(_ state: inout ConsoleState, _ finder: TemplateFinder) -> [ConsoleEffect] {
  guard finder.rows.indices.contains(finder.selected) else {
    state.say("No template matches: change the search, or Esc closes the finder", warning: true)
    return []
  }
  let row = finder.rows[finder.selected]
  state.overlay = nil
  state.focus = .composer
  let wasEmpty = state.composer.isEmpty
  let shown = state.active?.suggestions.rows.firstIndex { $0.id == row.templateID && $0.text == row.text }
  let record = wasEmpty && shown != nil ? recordDisplayedList(&state) : []
  let effects = editComposer(&state) { $0.insert(row.text) }
  if wasEmpty, let shown {
    state.editOrigin = EditOrigin(
      suggestionID: row.templateID, rank: shown + 1, original: row.text,
      missingSlots: row.segments.compactMap { if case .missing(let name) = $0 { name } else { nil } })
  }
  let gaps = row.segments.compactMap { if case .missing(let name) = $0 { "[\(name)]" } else { nil } }
  if gaps.isEmpty {
    state.say("Inserted \(DisplayText.singleLine(row.templateID)): edit it, Enter sends")
  } else {
    state.say(
      "Inserted \(DisplayText.singleLine(row.templateID)): fill \(gaps.joined(separator: ", ")) before sending",
      warning: true, seconds: 10)
  }
  return record + effects
}
