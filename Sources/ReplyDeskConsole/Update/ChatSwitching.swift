import Foundation
import ReplyDeskCore

/// The most chats open at once: one per Alt-digit.
let maximumOpenChats = 9

/// Takes the first waiting customer into a new chat and focuses it; the current chat stays open.
/// Records the session start and any messages sent while waiting.
func takeNextCustomer(_ state: inout ConsoleState) -> [ConsoleEffect] {
  guard !state.waiting.isEmpty else {
    state.say("No customers waiting")
    return []
  }
  guard state.openChats.count < maximumOpenChats else {
    state.say("\(maximumOpenChats) chats open: finish one before taking another", warning: true)
    return []
  }
  let next = state.waiting.removeFirst()
  let conversation = Conversation(
    id: next.chat, profile: next.profile, scenario: next.scenario, startedAt: state.now)
  var chat = ActiveChat(conversation: conversation)
  var effects: [ConsoleEffect] = [
    .record(
      SessionEvent(
        chat: next.chat, time: state.now,
        kind: .started(
          representative: state.representative, customer: next.profile, channel: state.channelName)))
  ]
  for message in next.messages {
    appendTurn(&chat, .customer, message.text, at: message.time)
    effects.append(
      .record(SessionEvent(chat: next.chat, time: message.time, kind: .customerMessage(text: message.text))))
  }
  if let first = next.messages.first {
    chat.customerTurnShownAt = state.now
    chat.wait = .waiting(since: first.time, alerted: false)
  }
  state.chats.append(chat)
  focusChat(&state, next.chat)
  state.overlay = nil
  return effects + requestRanking(&state)
}

/// Puts chat `id` on screen: parks the current draft, drops closed chats left behind, restores
/// the target's draft and clears its unread count. Its list is new on screen, so it settles first.
func focusChat(_ state: inout ConsoleState, _ id: ChatID) {
  if let current = state.focusedChat {
    state.chats[current].parked = ParkedDraft(composer: state.composer, origin: state.editOrigin)
  }
  state.chats.removeAll { !$0.isOpen && $0.id != id }
  state.focusedChat = state.index(of: id)
  guard let index = state.focusedChat else {
    state.composer = Composer()
    state.editOrigin = nil
    return
  }
  state.composer = state.chats[index].parked.composer
  state.editOrigin = state.chats[index].parked.origin
  state.chats[index].parked = ParkedDraft()
  state.chats[index].unread = 0
  state.chats[index].suggestions.markEveryRowChanged(at: state.now)
  state.focus = state.composer.isEmpty ? .suggestions : .composer
}

/// Moves to the next (`step` 1) or previous (`step` -1) chat in the strip, wrapping around.
func cycleChat(_ state: inout ConsoleState, step: Int) {
  guard state.chats.count > 1 else {
    state.say(state.chats.isEmpty ? "No chats open" : "Only one chat open")
    return
  }
  let current = state.focusedChat ?? 0
  let count = state.chats.count
  focusChat(&state, state.chats[((current + step) % count + count) % count].id)
}

/// Moves to chat `number` (1-based) of the strip.
func jumpToChat(_ state: inout ConsoleState, number: Int) {
  guard number >= 1, number <= state.chats.count else {
    state.say("No chat \(number)", warning: true)
    return
  }
  focusChat(&state, state.chats[number - 1].id)
}

/// What the status line says once the chat on screen ended: how to take the next customer, and how
/// to reach the other open chats if there are any.
func whatNext(after ending: String, _ state: ConsoleState) -> String {
  let take = Bindings.label(of: .takeNext)
  guard !state.openChats.isEmpty else { return "\(ending). Press \(take) for the next customer." }
  return
    "\(ending). \(Bindings.label(of: .nextChat)) switches to your other chats, \(take) takes the next customer."
}
