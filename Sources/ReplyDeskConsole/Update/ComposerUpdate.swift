import Foundation
import ReplyDeskCore

/// Sends suggestion `rank` (1-based) unchanged, or loads it into the composer when it has gaps. A
/// row that changed less than `suggestionSettleSeconds` ago is refused with a notice.
func sendSuggestion(_ state: inout ConsoleState, rank: Int) -> [ConsoleEffect] {
  guard let chat = state.active, chat.isOpen else {
    state.say("No open chat", warning: true)
    return []
  }
  guard rank >= 1, rank <= chat.suggestions.rows.count else {
    state.say("No suggestion \(rank)", warning: true)
    return []
  }
  guard !chat.suggestions.rowIsSettling(rank: rank, at: state.now) else {
    state.say(suggestionsJustChangedNotice, warning: true)
    return []
  }
  let suggestion = chat.suggestions.rows[rank - 1]
  guard suggestion.isSendableUnedited else {
    let gaps = suggestion.missingSlots.map { "[\($0)]" }.joined(separator: ", ")
    let reason =
      if case .generated = suggestion.source {
        "Generated reply \(rank) needs what the profile lacks: fill \(gaps) before sending"
      } else {
        "Suggestion \(rank) has gaps: fill \(gaps) before sending"
      }
    return loadSuggestion(&state, rank: rank, reason: reason)
  }
  let record = recordDisplayedList(&state)
  return record + sendReply(&state, .accepted(suggestionID: suggestion.id, rank: rank, text: suggestion.text))
}

/// Puts suggestion `rank` into the composer for editing and focuses it; records the list on screen
/// first when it was not recorded yet (the edit's rank refers to it).
func loadSuggestion(_ state: inout ConsoleState, rank: Int, reason: String?) -> [ConsoleEffect] {
  guard let chat = state.active, chat.isOpen, rank >= 1, rank <= chat.suggestions.rows.count else {
    state.say("No suggestion to edit", warning: true)
    return []
  }
  let record = recordDisplayedList(&state)
  let suggestion = chat.suggestions.rows[rank - 1]
  state.composer = Composer(suggestion.text)
  state.editOrigin = EditOrigin(
    suggestionID: suggestion.id, rank: rank, original: suggestion.text, missingSlots: suggestion.missingSlots)
  state.focus = .composer
  if let reason {
    state.say(reason, warning: true, seconds: 10)
  } else {
    state.say("Editing suggestion \(rank); Enter sends, Esc returns to suggestions")
  }
  return record
}

/// Sends the composer: accepted if an unedited suggestion, edited if changed, written otherwise.
func sendComposer(_ state: inout ConsoleState) -> [ConsoleEffect] {
  guard state.active?.isOpen == true else {
    state.say("This chat is closed; \(Bindings.label(of: .takeNext)) takes the next customer", warning: true)
    return []
  }
  let text = state.composer.text.trimmingCharacters(in: .whitespacesAndNewlines)
  guard !text.isEmpty else {
    state.say("Nothing to send")
    return []
  }
  guard let origin = state.editOrigin else { return sendReply(&state, .written(text: text)) }
  let unfilled = origin.missingSlots.filter { text.contains("[\($0)]") }
  guard unfilled.isEmpty else {
    let gaps = unfilled.map { "[\($0)]" }.joined(separator: ", ")
    state.say("Fill \(gaps) before sending", warning: true, seconds: 10)
    return []
  }
  if text == origin.original {
    return sendReply(&state, .accepted(suggestionID: origin.suggestionID, rank: origin.rank, text: text))
  }
  return sendReply(
    &state,
    .edited(suggestionID: origin.suggestionID, rank: origin.rank, original: origin.original, final: text))
}

/// Commits `decision` for the focused chat, or asks first when its text repeats a reply already sent
/// in that chat or it sends, unedited, a suggestion that contradicts the profile.
func sendReply(_ state: inout ConsoleState, _ decision: Decision) -> [ConsoleEffect] {
  guard let text = decision.sentText, let chat = state.active else { return commit(&state, decision) }
  let reason: HeldReply.Reason
  if ShownSuggestions.repeatsSentReply(text, in: chat) {
    reason = .repeated
  } else if case .accepted(let id, _, _) = decision,
    let contradiction = chat.suggestions.rows.first(where: { $0.id == id })?.grounding.contradictionReason
  {
    reason = .contradicts(contradiction)
  } else {
    return commit(&state, decision)
  }
  state.overlay = .confirmSend(HeldReply(decision: decision, openedAt: state.now, reason: reason))
  return []
}

/// Asks the runner to record `decision` for chat `index` (the focused chat by default) and then
/// deliver it.
func commit(_ state: inout ConsoleState, _ decision: Decision, in index: Int? = nil) -> [ConsoleEffect] {
  guard let index = index ?? state.focusedChat, state.chats[index].isOpen else {
    state.say("This chat is already closed", warning: true)
    return []
  }
  let chat = state.chats[index]
  let shownAt = chat.customerTurnShownAt ?? chat.conversation.startedAt
  let commitment = Commitment(
    chat: chat.id, decision: decision,
    responseSeconds: max(state.now.timeIntervalSince(shownAt), 0), time: state.now)
  return [.commit(commitment)]
}

/// Composer and escalation-note editing, the overlay pickers, and sending.
func performEditing(_ state: inout ConsoleState, _ action: Action) -> [ConsoleEffect] {
  if state.overlay != nil {
    return performOverlay(&state, action)
  }
  switch action {
  case .sendComposer: return sendComposer(&state)
  case .insertNewline: return editComposer(&state) { $0.insert("\n") }
  case .deleteBackward: return editComposer(&state) { $0.deleteBackward() }
  case .deleteForward: return editComposer(&state) { $0.deleteForward() }
  case .deleteWord: return editComposer(&state) { $0.deleteWord() }
  case .cursorLeft: state.composer.moveLeft()
  case .cursorRight: state.composer.moveRight()
  case .cursorUp: state.composer.moveUp()
  case .cursorDown: state.composer.moveDown()
  case .cursorHome: state.composer.moveHome()
  case .cursorEnd: state.composer.moveEnd()
  default: break
  }
  return []
}

/// Edits the composer; a changed text re-ranks with the new draft and tells the customer side
/// the representative is typing (at most every few seconds). Whether the text changed comes from
/// the composer's revision, so an edit never compares or rebuilds the whole text.
func editComposer(_ state: inout ConsoleState, _ edit: (inout Composer) -> Void) -> [ConsoleEffect] {
  let before = (revision: state.composer.revision, count: state.composer.count)
  edit(&state.composer)
  let changed = state.composer.revision != before.revision || state.composer.count != before.count
  guard changed, let chat = state.active, chat.isOpen else { return [] }
  if state.composer.isEmpty { state.editOrigin = nil }
  var effects = requestRanking(&state)
  if let last = state.lastTypingNotice, state.now.timeIntervalSince(last) < 3 { return effects }
  state.lastTypingNotice = state.now
  effects.append(.agentTyping(chat.conversation.id))
  return effects
}
