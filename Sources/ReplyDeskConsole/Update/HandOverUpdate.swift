import Foundation
import ReplyDeskCore

/// The reason recorded when quitting hands the open chats over.
let shiftEndedReason = "shift ended"

/// The recorded escalation took effect: the chat leaves the strip for the escalation queue with its
/// hand-over summary, recorded as a system note; the customer stays connected and was told.
func handOverCommitted(
  _ state: inout ConsoleState, at index: Int, reason: String, note: String, time: Date
) -> [ConsoleEffect] {
  var chat = state.chats[index]
  guard chat.isOpen else { return [] }
  let summary = HandOverSummary.lines(
    of: chat, reason: reason, note: note, representative: state.representative, at: time, zone: state.timeZone
  )
  appendTurn(
    &chat, .system, note.isEmpty ? "Escalated: \(reason)" : "Escalated: \(reason) — \(note)", at: time)
  chat.handOver = HandOver(reason: reason, note: note, escalatedAt: time, summary: summary)
  chat.suggestions.rows = []
  chat.generatedReply.forgetShown()
  chat.parked = ParkedDraft()
  chat.unread = 0
  let focused = state.isFocused(index)
  removeChat(&state, at: index)
  state.escalations.append(chat)
  if focused { clearComposer(&state) }
  state.say(
    "Handed over: \(Bindings.label(of: .takeEscalated)) takes it, "
      + "\(Bindings.label(of: .takeNext)) the next customer"
  )
  return [
    .record(SessionEvent(chat: chat.id, time: time, kind: .systemNote(text: summary.joined(separator: "\n"))))
  ]
}

/// Takes the oldest chat of the escalation queue into the strip and focuses it; its hand-over summary
/// shows at the top of the conversation. Records who took it.
func takeEscalatedChat(_ state: inout ConsoleState) -> [ConsoleEffect] {
  guard !state.escalations.isEmpty else {
    state.say("No escalated chats are waiting: \(Bindings.label(of: .startEscalation)) hands a chat over")
    return []
  }
  guard state.openChats.count < maximumOpenChats else {
    state.say("\(maximumOpenChats) chats open: finish one before taking another", warning: true)
    return []
  }
  var chat = state.escalations.removeFirst()
  let note = "\(state.representative) took the chat from the escalation queue"
  appendTurn(&chat, .system, note, at: state.now)
  chat.scroll.conversation = 0
  chat.customerTurnShownAt = state.now
  state.chats.append(chat)
  focusChat(&state, chat.id)
  state.overlay = nil
  state.say(
    "Read the hand-over summary at the top first, then reply to "
      + DisplayText.singleLine(chat.conversation.profile.fullName)
  )
  return [.record(SessionEvent(chat: chat.id, time: state.now, kind: .systemNote(text: note)))]
    + requestRanking(&state)
}

/// Closes the chat on screen as resolved: the customer is thanked and asked for a rating. A draft
/// must be sent or cleared first, so no written reply is lost.
func resolveChat(_ state: inout ConsoleState) -> [ConsoleEffect] {
  guard let index = state.focusedChat, state.chats[index].isOpen else {
    state.say("No open chat to resolve")
    return []
  }
  guard state.composer.isEmpty else {
    let clear = Bindings.label(of: .clearDraft)
    state.say(
      "Your draft is not sent: send it, or clear it with \(clear), then press "
        + Bindings.label(of: .resolveChat),
      warning: true)
    return []
  }
  var chat = state.chats[index]
  appendTurn(&chat, .system, "Resolved; the customer was thanked and asked to rate the chat", at: state.now)
  chat.conversation.status = .closed(.resolved)
  chat.suggestions.rows = []
  chat.customerTypingUntil = nil
  state.chats[index] = chat
  clearComposer(&state)
  state.say(whatNext(after: "Chat resolved", state))
  return [
    .record(SessionEvent(chat: chat.id, time: state.now, kind: .ended(outcome: .resolved))),
    .closeChat(chat.id, outcome: .resolved),
  ]
}

/// Quits at once when no chat is open or escalated; otherwise asks what becomes of them.
func startQuit(_ state: inout ConsoleState) -> [ConsoleEffect] {
  guard state.openChats.isEmpty, state.escalations.isEmpty else {
    state.overlay = .confirmQuit
    return []
  }
  state.hasQuit = true
  return [.quit]
}

/// Quits after handing every open chat over ("shift ended", with its summary) or resolving it.
/// Chats already in the escalation queue end as escalated: no one here can take them any more.
func quit(_ state: inout ConsoleState, handingOver: Bool) -> [ConsoleEffect] {
  state.overlay = nil
  var effects: [ConsoleEffect] = []
  for index in state.chats.indices where state.chats[index].isOpen {
    let chat = state.chats[index]
    let outcome: SessionOutcome = handingOver ? .escalated : .resolved
    if handingOver {
      let summary = HandOverSummary.lines(
        of: chat, reason: shiftEndedReason, note: "", representative: state.representative, at: state.now,
        zone: state.timeZone)
      effects += commit(&state, .escalated(reason: shiftEndedReason, note: ""), in: index)
      effects.append(
        .record(
          SessionEvent(
            chat: chat.id, time: state.now, kind: .systemNote(text: summary.joined(separator: "\n")))))
    }
    state.chats[index].conversation.status = .closed(outcome)
    effects += [
      .record(SessionEvent(chat: chat.id, time: state.now, kind: .ended(outcome: outcome))),
      .closeChat(chat.id, outcome: outcome),
    ]
  }
  for chat in state.escalations {
    effects += [
      .record(SessionEvent(chat: chat.id, time: state.now, kind: .ended(outcome: .escalated))),
      .closeChat(chat.id, outcome: .escalated),
    ]
  }
  state.escalations = []
  clearComposer(&state)
  state.hasQuit = true
  return effects + [.quit]
}

/// Removes chat `index` from the strip, keeping the focus on the same chat (none if it was this one).
func removeChat(_ state: inout ConsoleState, at index: Int) {
  state.chats.remove(at: index)
  guard let focused = state.focusedChat else { return }
  state.focusedChat = focused == index ? nil : focused > index ? focused - 1 : focused
}
