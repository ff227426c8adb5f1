import Foundation
import ReplyDeskCore

/// Seconds the typing indicator stays up after the customer's last typing event.
let typingIndicatorSeconds = 6.0

/// Applies a customer-side event to whichever chat it addresses: queue arrivals, show messages
/// and typing, end chats on leave. Chats without focus count what they missed as unread.
func handleChannel(_ state: inout ConsoleState, _ event: ChannelEvent) -> [ConsoleEffect] {
  if case .rated(let score, let comment) = event.kind {
    return recordRating(&state, chat: event.chat, score: score, comment: comment)
  }
  if let queued = state.escalationIndex(of: event.chat) {
    return handleQueuedEscalation(&state, event, at: queued)
  }
  let index = state.index(of: event.chat)
  let openIndex = index.flatMap { state.chats[$0].isOpen ? $0 : nil }
  let waitingIndex = state.waiting.firstIndex { $0.chat == event.chat }
  switch event.kind {
  case .arrived(let profile, let scenario):
    guard index == nil, waitingIndex == nil else { return [] }
    state.waiting.append(
      WaitingCustomer(chat: event.chat, profile: profile, scenario: scenario, arrivedAt: state.now))
    let name = DisplayText.singleLine(profile.fullName)
    let take = Bindings.label(of: .takeNext)
    if state.takesFirstCustomer, state.chats.isEmpty, state.overlay == nil {
      state.takesFirstCustomer = false
      let effects = takeNextCustomer(&state)
      state.say(
        "\(name)'s chat is open; press \(take) to take the next customer when one waits.", seconds: 30)
      return effects
    }
    if !state.openChats.isEmpty {
      state.say("\(name) is waiting: press \(take) to take the chat.")
    }
    return []
  case .typing:
    if let openIndex {
      state.chats[openIndex].customerTypingUntil = state.now.addingTimeInterval(typingIndicatorSeconds)
    }
    return []
  case .message(let text):
    if let waitingIndex {
      state.waiting[waitingIndex].messages.append(PendingMessage(text: text, time: state.now))
      return []
    }
    guard let openIndex else { return [] }
    receiveMessage(&state, text, in: openIndex)
    let record = ConsoleEffect.record(
      SessionEvent(chat: event.chat, time: state.now, kind: .customerMessage(text: text)))
    return [record] + requestRanking(&state, for: event.chat)
  case .left(let settled):
    if let waitingIndex {
      let customer = state.waiting.remove(at: waitingIndex)
      state.say("\(DisplayText.singleLine(customer.profile.fullName)) left the queue")
      return recordLeftQueue(
        customer, representative: state.representative, channel: state.channelName, at: state.now)
    }
    guard let openIndex else { return [] }
    return customerLeft(&state, in: openIndex, settled: settled)
  case .rated:
    return []
  }
}

/// A customer who left before being taken is still a session: its start, everything the customer
/// wrote while waiting, and its end as "left the queue".
func recordLeftQueue(
  _ customer: WaitingCustomer, representative: String, channel: String, at time: Date
) -> [ConsoleEffect] {
  let started = SessionEvent(
    chat: customer.chat, time: customer.arrivedAt,
    kind: .started(representative: representative, customer: customer.profile, channel: channel))
  let messages = customer.messages.map {
    SessionEvent(chat: customer.chat, time: $0.time, kind: .customerMessage(text: $0.text))
  }
  let ended = SessionEvent(chat: customer.chat, time: time, kind: .ended(outcome: .leftQueue))
  return ([started] + messages + [ended]).map { .record($0) }
}

/// Shows a customer message in chat `index` and starts its wait for a reply; the list on screen is
/// now out of date, so its rows count as changed.
private func receiveMessage(_ state: inout ConsoleState, _ text: String, in index: Int) {
  var chat = state.chats[index]
  appendTurn(&chat, .customer, text, at: state.now)
  chat.customerTurnShownAt = state.now
  chat.customerTypingUntil = nil
  chat.suggestions.markEveryRowChanged(at: state.now)
  chat.wait.begin(at: state.now)
  if state.isFocused(index) {
    chat.scroll.conversation = 0
  } else {
    chat.unread += 1
  }
  state.chats[index] = chat
}

/// Ends chat `index` because the customer left; a chat without focus stays in the strip, marked.
private func customerLeft(_ state: inout ConsoleState, in index: Int, settled: Bool?) -> [ConsoleEffect] {
  var chat = state.chats[index]
  let outcome: SessionOutcome = (settled ?? chat.agentReplied) ? .resolved : .abandoned
  appendTurn(&chat, .system, "Customer left the chat (\(outcome.rawValue))", at: state.now)
  chat.conversation.status = .closed(outcome)
  chat.customerTypingUntil = nil
  chat.suggestions.rows = []
  chat.parked = ParkedDraft()
  let focused = state.isFocused(index)
  if !focused { chat.unread += 1 }
  state.chats[index] = chat
  if focused {
    clearComposer(&state)
    switch state.overlay {
    case .escalation, .confirmSend: state.overlay = nil
    default: break
    }
    state.say(whatNext(after: "Customer left", state))
  } else {
    state.say("\(DisplayText.singleLine(chat.conversation.profile.fullName)) left (\(outcome.rawValue))")
  }
  return [
    .record(SessionEvent(chat: chat.id, time: state.now, kind: .ended(outcome: outcome))),
    .closeChat(chat.id, outcome: outcome),
  ]
}
