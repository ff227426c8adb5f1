import Foundation
import ReplyDeskCore

/// Looks the key up in the binding table for the current context and draft; a binding that does not
/// apply now (sending a hidden suggestion) only says why, unless the key is printable. Printable
/// keys no binding claims type text: on the main screen every pane writes the reply (control
/// characters and bidi overrides never enter it, see `ComposerInputFilter`).
func handleKey(_ state: inout ConsoleState, _ key: Key) -> [ConsoleEffect] {
  let context = state.context
  let printable = ComposerInputFilter.typed(key)
  if let binding = Bindings.binding(for: key, in: context, draftIsEmpty: state.composer.isEmpty) {
    if binding.condition.holds(in: state.bindingSituation) {
      return perform(&state, binding.action, key: key)
    }
    guard printable != nil else {
      state.say(binding.condition.refusal)
      return []
    }
  }
  guard let text = printable else { return [] }
  return type(text, into: &state, context: context)
}

/// A bracketed paste: text, never keys. It goes where typing goes (the reply from any pane of the
/// main screen, the escalation note, the finder's query, a saved template's intent), filtered like
/// typed text, in one edit; the binding table is never consulted, so a pasted digit never sends a
/// suggestion and a pasted newline never sends the draft. One-line fields get its lines joined
/// with spaces and at most `singleLinePasteLimit` characters. Where typing does not write (help,
/// the reason picker, a question), it is dropped with a word.
func handlePaste(_ state: inout ConsoleState, _ raw: String) -> [ConsoleEffect] {
  let context = state.context
  var text = ComposerInputFilter.pasted(raw)
  switch context {
  case .composer, .suggestions, .conversation, .profile, .escalationNote, .templateFinder, .templateIntent:
    guard !text.isEmpty else {
      state.say("Nothing to paste: the pasted text held only control characters")
      return []
    }
    if context == .templateFinder || context == .templateIntent {
      text = text.replacingOccurrences(of: "\n", with: " ")
      if text.count > singleLinePasteLimit {
        text = String(text.prefix(singleLinePasteLimit))
        state.say("Pasted the first \(singleLinePasteLimit) characters: this field holds one short line")
      }
    }
    return type(text, into: &state, context: context)
  default:
    state.say("Paste ignored here: pasted text goes only where typing writes", warning: true)
    return []
  }
}

/// The most characters a paste puts into a one-line field (the finder's query, a template's intent).
let singleLinePasteLimit = 200

/// Types `text` into the escalation note, or into the reply from any pane of the main screen (the
/// composer takes the focus).
private func type(_ text: String, into state: inout ConsoleState, context: BindingContext) -> [ConsoleEffect]
{
  switch context {
  case .composer:
    return editComposer(&state) { $0.insert(text) }
  case .escalationNote:
    editNote(&state) { $0.insert(text) }
  case .templateFinder:
    typeIntoFinder(&state, text)
  case .templateIntent:
    typeIntoSavePrompt(&state, text)
  case .suggestions, .conversation, .profile:
    guard state.active?.isOpen == true else {
      state.say("No open chat to write in: \(Bindings.label(of: .takeNext)) takes the next customer")
      return []
    }
    state.focus = .composer
    return editComposer(&state) { $0.insert(text) }
  default:
    break
  }
  return []
}

private func perform(_ state: inout ConsoleState, _ action: Action, key: Key) -> [ConsoleEffect] {
  switch action {
  case .sendNumbered, .sendHighlighted, .editHighlighted, .highlightPrevious, .highlightNext:
    return performOnSuggestions(&state, action, key: key)
  case .clearDraft:
    state.say("Draft cleared")
    return editComposer(&state) { $0.clear() }
  case .focusNext, .focusPrevious:
    let all = Focus.allCases
    let index = all.firstIndex(of: state.focus)!
    let step = action == .focusNext ? 1 : all.count - 1
    state.focus = all[(index + step) % all.count]
  case .leaveComposer:
    state.focus = .suggestions
  case .scrollPageUp, .scrollPageDown, .scrollLineUp, .scrollLineDown:
    scroll(&state, action)
  case .startEscalation:
    guard state.active?.isOpen == true else {
      state.say("No open chat to escalate")
      return []
    }
    state.overlay = .escalation(EscalationDraft())
  case .takeNext:
    return takeNextCustomer(&state)
  case .saveAsTemplate:
    return saveAsTemplate(&state)
  case .openFinder:
    return openFinder(&state)
  case .nextChat, .previousChat:
    cycleChat(&state, step: action == .nextChat ? 1 : -1)
  case .jumpToChat:
    guard case .alt(let digit) = key, let number = digit.wholeNumberValue else { return [] }
    jumpToChat(&state, number: number)
  case .resolveChat:
    return resolveChat(&state)
  case .takeEscalated:
    return takeEscalatedChat(&state)
  case .quit:
    return startQuit(&state)
  case .quitHandingOver, .quitResolving:
    return quit(&state, handingOver: action == .quitHandingOver)
  case .showHelp:
    state.overlay = .help(scroll: 0)
  case .pickNumbered:
    guard case .character(let digit) = key, let number = digit.wholeNumberValue else { return [] }
    pickReason(&state, number: number)
  case .toggleAttention:
    toggleAttention(&state)
  case .pickOrder:
    return pickNextOrder(&state)
  default:
    return performEditing(&state, action)
  }
  return []
}

/// Sends, edits or highlights a suggestion of the list on screen.
private func performOnSuggestions(_ state: inout ConsoleState, _ action: Action, key: Key) -> [ConsoleEffect]
{
  let highlighted = (state.active?.suggestions.highlighted ?? 0) + 1
  switch action {
  case .sendNumbered:
    guard case .character(let digit) = key, let rank = digit.wholeNumberValue else { return [] }
    return sendSuggestion(&state, rank: rank)
  case .sendHighlighted:
    return sendSuggestion(&state, rank: highlighted)
  case .editHighlighted:
    guard state.composer.isEmpty else {
      state.say("Your draft stays: \(Bindings.label(of: .clearDraft)) clears it before editing a suggestion")
      return []
    }
    return loadSuggestion(&state, rank: highlighted, reason: nil)
  default:
    guard var chat = state.active, !chat.suggestions.rows.isEmpty else { return [] }
    let step = action == .highlightNext ? 1 : -1
    chat.suggestions.highlighted = min(
      max(chat.suggestions.highlighted + step, 0), chat.suggestions.rows.count - 1)
    state.active = chat
    return []
  }
}

/// Turns the highlight of the words the top suggestion attended to on or off.
private func toggleAttention(_ state: inout ConsoleState) {
  state.highlightAttention.toggle()
  let words = state.active?.suggestions.attended.count ?? 0
  if !state.highlightAttention {
    state.say("Attended words: off")
  } else {
    state.say(
      words == 0
        ? "Attended words: on, but this ranker reports none (the neural ranker does)"
        : "Attended words: on; underlined are the conversation words the top suggestion was chosen for",
      seconds: 8)
  }
}
