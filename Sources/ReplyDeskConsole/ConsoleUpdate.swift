import Foundation
import ReplyDeskCore

/// Applies one event to the state and returns the work the runner must do. Pure: no clocks, no I/O.
func update(_ state: inout ConsoleState, _ event: ConsoleEvent) -> [ConsoleEffect] {
  switch event {
  case .key(let key, let now):
    state.now = now
    return handleKey(&state, key)
  case .channel(let channelEvent, let now):
    state.now = now
    return handleChannel(&state, channelEvent)
  case .ranked(let result):
    return handleRanking(&state, result)
  case .tick(let now):
    state.now = now
    expireTransients(&state)
    return []
  case .resize(let size):
    state.size = size
    return []
  case .committed(let commitment, let now):
    state.now = now
    return handleCommitted(&state, commitment)
  case .commitFailed(let commitment, let reason, let now):
    state.now = now
    let what = commitment.decision.sentText == nil ? "Escalation" : "Reply"
    state.say("\(what) not sent: could not save it (\(reason))", warning: true, seconds: 15)
    return []
  case .recordFailed(let reason, let now):
    state.now = now
    state.say("Session log write failed: \(reason)", warning: true, seconds: 15)
    return []
  }
}

private func expireTransients(_ state: inout ConsoleState) {
  if let status = state.status, status.expires <= state.now { state.status = nil }
  if let until = state.active?.customerTypingUntil, until <= state.now {
    state.active?.customerTypingUntil = nil
  }
}

/// Accepts a ranking for the current generation of the active chat; drops anything older.
private func handleRanking(_ state: inout ConsoleState, _ result: RankingResult) -> [ConsoleEffect] {
  guard var chat = state.active, chat.isOpen, result.request.chat == chat.conversation.id,
    result.request.generation >= chat.generation
  else { return [] }
  chat.suggestions = result.suggestions
  chat.attended = result.attended
  chat.highlighted = 0
  state.rankerName = result.rankerName
  var effects: [ConsoleEffect] = []
  let turn = chat.conversation.lastCustomerTurn?.id
  if result.request.draft.isEmpty, let turn, chat.recordedShownForTurn != turn {
    chat.recordedShownForTurn = turn
    let shown = result.suggestions.enumerated().map {
      ShownSuggestion(rank: $0.offset + 1, suggestion: $0.element)
    }
    effects.append(
      .record(
        SessionEvent(
          chat: chat.conversation.id, time: state.now,
          kind: .suggestionsShown(suggestions: shown, ranker: result.rankerName))))
  }
  state.active = chat
  return effects
}

/// A recorded decision took effect: show the reply as sent, or the chat as escalated.
private func handleCommitted(_ state: inout ConsoleState, _ commitment: Commitment) -> [ConsoleEffect] {
  guard var chat = state.active, chat.conversation.id == commitment.chat else { return [] }
  if case .escalated(let reason, let note) = commitment.decision {
    let text = note.isEmpty ? "Escalated: \(reason)" : "Escalated: \(reason) — \(note)"
    appendTurn(&chat, .system, text, at: commitment.time)
    chat.conversation.status = .closed(.escalated)
    chat.suggestions = []
    state.active = chat
    clearComposer(&state)
    state.say("Chat escalated. Press n for the next customer.")
    return []
  }
  guard let text = commitment.decision.sentText else { return [] }
  appendTurn(&chat, .agent, text, at: commitment.time)
  chat.agentReplied = true
  chat.conversationScroll = 0
  state.active = chat
  state.say("Sent")
  guard state.composer.text.trimmingCharacters(in: .whitespacesAndNewlines) == text else { return [] }
  clearComposer(&state)
  return requestRanking(&state)
}

/// Empties the composer, ends any "editing suggestion N" state and gives the suggestions the
/// focus back, so the next customer turn can be answered with one digit.
func clearComposer(_ state: inout ConsoleState) {
  state.composer = Composer()
  state.editOrigin = nil
  if state.focus == .composer { state.focus = .suggestions }
}

/// Appends a turn and caches its sanitised display text.
func appendTurn(_ chat: inout ActiveChat, _ speaker: Speaker, _ text: String, at time: Date) {
  let turn = chat.conversation.append(speaker, text, at: time)
  chat.displayTexts[turn.id] = DisplayText.forDisplay(text)
}

/// A ranking request for the active chat with a new generation and the composer as draft.
func requestRanking(_ state: inout ConsoleState) -> [ConsoleEffect] {
  guard var chat = state.active, chat.isOpen else { return [] }
  state.lastGeneration += 1
  chat.generation = state.lastGeneration
  state.active = chat
  return [
    .rank(
      RankingRequest(
        chat: chat.conversation.id, generation: chat.generation, context: chat.conversation.turns,
        profile: chat.conversation.profile, draft: state.composer.text))
  ]
}
