import Foundation
import ReplyDeskCore

/// Applies one event to the state and returns the work the runner must do. Pure: no clocks, no I/O.
/// Afterwards every chat's order in question is current, so rendering never resolves it.
func update(_ state: inout ConsoleState, _ event: ConsoleEvent) -> [ConsoleEffect] {
  let effects = apply(&state, event)
  for index in state.chats.indices { state.chats[index].refreshOrderInQuestion() }
  return effects
}

private func apply(_ state: inout ConsoleState, _ event: ConsoleEvent) -> [ConsoleEffect] {
  state.now = event.time
  switch event {
  case .key(let key, _):
    return handleKey(&state, key)
  case .paste(let text, _):
    return handlePaste(&state, text)
  case .channel(let channelEvent, _):
    return handleChannel(&state, channelEvent)
  case .ranked(let result, _):
    return handleRanking(&state, result)
  case .generated(let reply, _):
    return handleGenerated(&state, reply)
  case .generatorPhase(let phase, _):
    return handleGeneratorPhase(&state, phase)
  case .templateSaved(let template, let directory, _):
    return handleTemplateSaved(&state, template, directory: directory)
  case .templateSaveFailed(let reason, _):
    state.say("Not saved as a template: \(reason)", warning: true, seconds: 15)
    return []
  case .modelReload(let reload, _):
    return handleModelReload(&state, reload)
  case .tick:
    expireTransients(&state)
    showUnsaved(&state)
    showOutbox(&state)
    return checkWaitAlerts(&state) + closeWhenFinished(&state)
  case .resize(let size, _):
    state.size = size
    return []
  case .measured(let extents, _):
    applyExtents(&state, extents)
    return []
  case .committed(let commitment, _):
    return handleCommitted(&state, commitment)
  case .commitFailed(let commitment, let reason, _):
    let what = commitment.decision.sentText == nil ? "Escalation" : "Reply"
    if case .autoSent = commitment.decision, let index = state.index(of: commitment.chat) {
      state.chats[index].autopilot.handOver()
    }
    state.say("\(what) not sent: could not save it (\(reason))", warning: true, seconds: 15)
    return []
  case .unsaved(let count, let reason, _):
    handleUnsaved(&state, count: count, reason: reason)
    return []
  case .unsavedStored:
    state.unsaved = nil
    state.say("Every waiting event is saved now.")
    return []
  case .outbox(let status, _):
    handleOutbox(&state, status)
    return []
  case .channelFinished:
    state.channelFinishedAt = event.time
    state.say("That was the last chat: the console closes in a moment and shows your scorecard.", seconds: 10)
    return []
  }
}

/// Seconds the console stays open after the last chat, so the closing notice can be read.
let closingNoticeSeconds: Double = 3

/// Closes the console once the channel finished a moment ago and no chat or overlay is open.
private func closeWhenFinished(_ state: inout ConsoleState) -> [ConsoleEffect] {
  guard let finished = state.channelFinishedAt, state.now.timeIntervalSince(finished) >= closingNoticeSeconds,
    state.openChats.isEmpty, state.overlay == nil
  else { return [] }
  state.hasQuit = true
  return [.quit]
}

private func expireTransients(_ state: inout ConsoleState) {
  state.statusLine.expire(now: state.now)
  for index in state.chats.indices {
    if let until = state.chats[index].customerTypingUntil, until <= state.now {
      state.chats[index].customerTypingUntil = nil
    }
  }
}

/// Keeps a ranking for the current generation of the chat it was asked for, focused or not (it
/// shows only under that chat); drops results for older generations and closed chats. The chat
/// shows the suggestions `ShownSuggestions` keeps (the confidence and attended words describe the
/// ranker's top suggestion, so they go when it was left out). Autopilot then acts on that list.
private func handleRanking(_ state: inout ConsoleState, _ result: RankingResult) -> [ConsoleEffect] {
  guard let index = state.index(of: result.request.chat), state.chats[index].isOpen,
    result.request.generation >= state.chats[index].generation
  else { return [] }
  var chat = state.chats[index]
  var shown = result
  shown.suggestions = ShownSuggestions.filter(result.suggestions, in: chat, state: state)
  if shown.suggestions.first?.id != result.suggestions.first?.id {
    shown.confidence = nil
    shown.attended = []
  }
  chat.suggestions.attended = shown.attended
  chat.suggestions.confidence = shown.confidence
  chat.suggestions.highlighted = 0
  let list = withGenerated(shown.suggestions, in: &chat)
  chat.suggestions.show(ShownSuggestions.withoutSentReplies(list, in: chat), at: state.now)
  state.rankerName = result.rankerName
  var effects: [ConsoleEffect] = []
  let turn = chat.conversation.lastCustomerTurn?.id
  if result.request.draft.isEmpty, let turn, chat.suggestions.recordedForTurn != turn {
    chat.suggestions.recordedForTurn = turn
    effects.append(recordShown(shown.suggestions, in: &chat, ranker: result.rankerName, at: state.now))
    if let intent = state.templates.intent(of: result.suggestions) {
      effects.append(
        .record(SessionEvent(chat: chat.id, time: state.now, kind: .intentResolved(intent: intent))))
    }
  }
  state.chats[index] = chat
  effects += generationEffects(&state, in: index, after: shown)
  return effects + runAutopilot(&state, in: index, result: shown)
}

/// A recorded decision took effect: show the reply as sent, or hand the chat over. After a send
/// the reply leaves the list at once and every row settles again (a double press sends nothing),
/// and the chat is ranked again with the reply in it, so what the pipeline holds back once the
/// representative has written (a second greeting, an offer's follow-up that no longer fits) goes.
private func handleCommitted(_ state: inout ConsoleState, _ commitment: Commitment) -> [ConsoleEffect] {
  guard let index = state.index(of: commitment.chat) else { return [] }
  var chat = state.chats[index]
  let focused = state.isFocused(index)
  if case .escalated(let reason, let note) = commitment.decision {
    return handOverCommitted(&state, at: index, reason: reason, note: note, time: commitment.time)
  }
  guard let text = commitment.decision.sentText else { return [] }
  let turn = appendTurn(&chat, .agent, text, at: commitment.time)
  chat.agentReplied = true
  chat.wait = .none
  chat.autopilot.replySent()
  chat.savableReply = savableReply(commitment, in: chat)
  chat.suggestions.show(ShownSuggestions.withoutSentReplies(chat.suggestions.rows, in: chat), at: state.now)
  chat.suggestions.highlighted = min(chat.suggestions.highlighted, max(chat.suggestions.rows.count - 1, 0))
  chat.suggestions.markEveryRowChanged(at: state.now)
  if case .autoSent = commitment.decision { chat.autopilot.sentTurns.insert(turn.id) }
  if focused { chat.scroll.conversation = 0 }
  state.chats[index] = chat
  if case .autoSent(_, let rank, _, let confidence) = commitment.decision {
    let name = DisplayText.singleLine(chat.conversation.profile.fullName)
    state.say(
      "Autopilot sent suggestion \(rank) to \(name) (confidence \(String(format: "%.2f", confidence)))")
    return requestRanking(&state, for: chat.id)
  }
  state.say(chat.savableReply == nil ? "Sent" : "Sent · ^T saves it as a template")
  if focused, state.composer.text.trimmingCharacters(in: .whitespacesAndNewlines) == text {
    clearComposer(&state)
  }
  return requestRanking(&state, for: chat.id)
}

/// Empties the composer, ends any "editing suggestion N" state and gives the suggestions the
/// focus back, so the next customer turn can be answered with one digit.
func clearComposer(_ state: inout ConsoleState) {
  state.composer = Composer()
  state.editOrigin = nil
  if state.focus == .composer { state.focus = .suggestions }
}

/// Appends a turn and caches its sanitised display text.
@discardableResult
func appendTurn(_ chat: inout ActiveChat, _ speaker: Speaker, _ text: String, at time: Date) -> Turn {
  let turn = chat.conversation.append(speaker, text, at: time)
  chat.displayTexts[turn.id] = DisplayText.forDisplay(text)
  return turn
}

/// A ranking request for chat `id` (the focused chat by default) with a new generation and its
/// draft: the composer when focused, the parked draft otherwise, capped at
/// `Composer.rankingCharacterLimit` characters around the cursor (`Composer.rankingDraft`).
func requestRanking(_ state: inout ConsoleState, for id: ChatID? = nil) -> [ConsoleEffect] {
  guard let index = id.flatMap({ state.index(of: $0) }) ?? state.focusedChat, state.chats[index].isOpen
  else { return [] }
  state.lastGeneration += 1
  state.chats[index].generation = state.lastGeneration
  let chat = state.chats[index]
  return [
    .rank(
      RankingRequest(
        chat: chat.id, generation: chat.generation, context: chat.conversation.turns,
        profile: chat.conversation.profile, draft: state.draft(of: index).rankingDraft(),
        limit: ShownSuggestions.rows(state), pin: chat.orderPin, time: state.now))
  ]
}
