import Foundation
import ReplyDeskCore

/// Applies one event to the replay state and returns the work the runner must do. Pure.
func updateReplay(_ state: inout ReplayState, _ event: ReplayEvent) -> [ReplayEffect] {
  switch event {
  case .key(let key, let now):
    state.now = now
    return handleReplayKey(&state, key)
  case .paste(let raw, let now):
    state.now = now
    let text = ComposerInputFilter.pasted(raw)
    guard state.context == .replayNote, !text.isEmpty else {
      state.say("Paste ignored here: pasted text goes only into a QA note", warning: true)
      return []
    }
    editDraft(&state) { $0.text.insert(text) }
    return []
  case .tick(let now):
    state.now = now
    let elapsed = now.timeIntervalSince(state.lastTick ?? now)
    state.lastTick = now
    if elapsed > 0, state.session?.playback.advance(byWallTime: elapsed) ?? 0 > 0 {
      state.session?.conversationScroll = 0
    }
    state.statusLine.expire(now: now)
    return []
  case .resize(let size, let now):
    state.now = now
    state.size = size
    return []
  case .measured(let extents, let now):
    state.now = now
    applyReplayExtents(&state, extents)
    return []
  case .loaded(let chat, let events, let now):
    state.now = now
    guard state.loading == chat else { return [] }
    state.loading = nil
    state.session = ReplaySession(chat: chat, events: events)
    state.overlay = nil
    state.say(events.isEmpty ? "This session has no events" : "Space plays, → steps, n adds a QA note")
    return []
  case .loadFailed(let chat, let reason, let now):
    state.now = now
    guard state.loading == chat else { return [] }
    state.loading = nil
    state.say("Cannot open \(DisplayText.singleLine(chat.rawValue)): \(reason)", warning: true, seconds: 15)
    return []
  case .noteSaved(let note, let now):
    state.now = now
    guard state.session?.chat == note.chat else { return [] }
    state.session?.insert(note)
    state.say("QA note saved")
    return []
  case .noteFailed(let reason, let now):
    state.now = now
    state.say("QA note not saved: \(reason)", warning: true, seconds: 15)
    return []
  }
}

/// Looks the key up in the binding table; unbound printable keys type into the QA note.
private func handleReplayKey(_ state: inout ReplayState, _ key: Key) -> [ReplayEffect] {
  let context = state.context
  if let action = Bindings.action(for: key, in: context) {
    return performReplay(&state, action, key: key)
  }
  guard context == .replayNote, let text = ComposerInputFilter.typed(key) else { return [] }
  editDraft(&state) { $0.text.insert(text) }
  return []
}

private func performReplay(_ state: inout ReplayState, _ action: Action, key: Key) -> [ReplayEffect] {
  switch action {
  case .quit, .backToFloor:
    state.hasQuit = true
    return [.quit]
  case .showHelp:
    state.overlay = .help(scroll: 0)
  case .closeOverlay:
    state.overlay = nil
  case .scrollPageUp, .scrollPageDown:
    scrollConversation(&state, up: action == .scrollPageUp)
  case .scrollLineUp, .scrollLineDown:
    guard case .help(let offset) = state.overlay else { return [] }
    state.overlay = .help(scroll: state.extents.help.scrolled(offset, by: action == .scrollLineUp ? -5 : 5))
  case .highlightPrevious, .highlightNext:
    let step = action == .highlightNext ? 1 : -1
    state.selected = min(max(state.selected + step, 0), max(state.sessions.count - 1, 0))
  case .openSession:
    guard state.sessions.indices.contains(state.selected) else {
      state.say("No sessions to replay")
      return []
    }
    let chat = state.sessions[state.selected].id
    state.loading = chat
    return [.load(chat)]
  case .backToList:
    state.session = nil
    state.lastTick = nil
  case .addNote:
    guard state.session?.timeline.current != nil else {
      state.say("Nothing to annotate in an empty session")
      return []
    }
    state.session?.playback.pause()
    state.overlay = .note(QANoteDraft())
  case .pickNumbered:
    guard case .character(let digit) = key, let rating = digit.wholeNumberValue else { return [] }
    editDraft(&state) {
      $0.rating = rating
      $0.choosingRating = false
    }
  case .skipRating:
    editDraft(&state) { $0.choosingRating = false }
  case .saveNote:
    return saveNote(&state)
  case .deleteBackward: editDraft(&state) { $0.text.deleteBackward() }
  case .deleteForward: editDraft(&state) { $0.text.deleteForward() }
  case .deleteWord: editDraft(&state) { $0.text.deleteWord() }
  case .cursorLeft: editDraft(&state) { $0.text.moveLeft() }
  case .cursorRight: editDraft(&state) { $0.text.moveRight() }
  case .cursorHome: editDraft(&state) { $0.text.moveHome() }
  case .cursorEnd: editDraft(&state) { $0.text.moveEnd() }
  default:
    performPlayback(&state, action)
  }
  return []
}

/// Play, pause, speed, steps and jumps.
private func performPlayback(_ state: inout ReplayState, _ action: Action) {
  guard var session = state.session else { return }
  let before = session.timeline.position
  var moved = true
  switch action {
  case .togglePlay:
    if session.playback.isPlaying {
      session.playback.pause()
    } else if session.timeline.isAtEnd {
      state.say("At the end; ← steps back, Home starts over")
    } else {
      session.playback.play()
      state.lastTick = state.now
    }
  case .faster: session.playback.faster()
  case .slower: session.playback.slower()
  case .stepForward: session.playback.navigate { moved = $0.stepForward() }
  case .stepBack: session.playback.navigate { moved = $0.stepBack() }
  case .toStart: session.playback.navigate { $0.jump(to: 0) }
  case .toEnd: session.playback.navigate { $0.jump(to: $0.steps.count - 1) }
  case .nextEscalation: session.playback.navigate { moved = $0.jumpToNextEscalation() }
  case .nextEdit: session.playback.navigate { moved = $0.jumpToNextEdit() }
  default: break
  }
  if session.timeline.position != before { session.conversationScroll = 0 }
  if !moved {
    switch action {
    case .nextEscalation: state.say("No escalation after this turn")
    case .nextEdit: state.say("No edited reply after this turn")
    case .stepBack: state.say("At the first turn")
    default: state.say("At the last turn")
    }
  }
  state.session = session
}

/// Scrolls the conversation a page up or down, within the turns up to the current step.
private func scrollConversation(_ state: inout ReplayState, up: Bool) {
  guard var session = state.session else { return }
  let conversation = state.extents.conversation
  session.conversationScroll = conversation.scrolled(
    session.conversationScroll, by: up ? conversation.page : -conversation.page)
  state.session = session
}

/// Takes the extents a frame measured, and keeps the on-screen offsets within them.
private func applyReplayExtents(_ state: inout ReplayState, _ extents: ScrollExtents) {
  state.extents = extents
  if case .help(let offset) = state.overlay { state.overlay = .help(scroll: extents.help.clamped(offset)) }
  guard var session = state.session else { return }
  session.conversationScroll = extents.conversation.clamped(session.conversationScroll)
  state.session = session
}

/// Records the note at the current turn's time, so it replays right after that turn.
private func saveNote(_ state: inout ReplayState) -> [ReplayEffect] {
  guard case .note(let draft) = state.overlay, let session = state.session,
    let step = session.timeline.current
  else { return [] }
  let text = draft.text.text.trimmingCharacters(in: .whitespacesAndNewlines)
  guard !text.isEmpty else {
    state.say("Write the note first (Esc cancels)", warning: true)
    return []
  }
  state.overlay = nil
  state.say("Saving the QA note…")
  let note = SessionEvent(
    chat: session.chat, time: step.event.time, kind: .qaNote(text: text, rating: draft.rating))
  return [.appendNote(note)]
}

private func editDraft(_ state: inout ReplayState, _ edit: (inout QANoteDraft) -> Void) {
  guard case .note(var draft) = state.overlay else { return }
  edit(&draft)
  state.overlay = .note(draft)
}
