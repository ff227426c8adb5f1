import Foundation
import ReplyDeskCore

/// Keys on the help screen, the escalation picker, the quit and repeat confirmations, the template
/// finder and the save-as-template prompt.
func performOverlay(_ state: inout ConsoleState, _ action: Action) -> [ConsoleEffect] {
  switch state.overlay {
  case .confirmSend(let repeated): return confirmSend(&state, action, repeated)
  case .finder(let finder): return performFinder(&state, action, finder)
  case .saveTemplate(let prompt): return performSavePrompt(&state, action, prompt)
  default: break
  }
  if action == .closeOverlay {
    state.overlay = nil
    return []
  }
  guard case .escalation(var draft) = state.overlay else { return [] }
  let reasons = state.escalationReasons
  switch action {
  case .pickerUp: draft.reasonIndex = max(draft.reasonIndex - 1, 0)
  case .pickerDown: draft.reasonIndex = min(draft.reasonIndex + 1, reasons.count - 1)
  case .chooseReason: draft.writingNote = true
  case .confirmEscalation:
    state.overlay = nil
    let note = draft.note.text.trimmingCharacters(in: .whitespacesAndNewlines)
    return commit(&state, .escalated(reason: reasons[draft.reasonIndex], note: note))
  case .deleteBackward: draft.note.deleteBackward()
  case .deleteForward: draft.note.deleteForward()
  case .deleteWord: draft.note.deleteWord()
  case .cursorLeft: draft.note.moveLeft()
  case .cursorRight: draft.note.moveRight()
  case .cursorHome: draft.note.moveHome()
  case .cursorEnd: draft.note.moveEnd()
  default: break
  }
  state.overlay = .escalation(draft)
  return []
}

/// Picks escalation reason `number` (1-based) from the digit keys.
func pickReason(_ state: inout ConsoleState, number: Int) {
  guard case .escalation(var draft) = state.overlay, number >= 1, number <= state.escalationReasons.count
  else { return }
  draft.reasonIndex = number - 1
  draft.writingNote = true
  state.overlay = .escalation(draft)
}

/// Types into the escalation note.
func editNote(_ state: inout ConsoleState, _ edit: (inout Composer) -> Void) {
  guard case .escalation(var draft) = state.overlay, draft.writingNote else { return }
  edit(&draft.note)
  state.overlay = .escalation(draft)
}

/// Sends the repeated reply on y/Enter, unless the question opened less than
/// `suggestionSettleSeconds` ago (a second Enter meant for the first send); any other answer keeps
/// the draft unsent.
private func confirmSend(_ state: inout ConsoleState, _ action: Action, _ repeated: HeldReply)
  -> [ConsoleEffect]
{
  guard action == .sendAnyway else {
    state.overlay = nil
    state.say("Not sent")
    return []
  }
  guard state.now.timeIntervalSince(repeated.openedAt) >= suggestionSettleSeconds else {
    state.say("Read the question, then press y or Enter again to send the same reply", warning: true)
    return []
  }
  state.overlay = nil
  return commit(&state, repeated.decision)
}
