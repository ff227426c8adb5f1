import Foundation
import ReplyDeskCore

/// Seconds the typing indicator stays up after the customer's last typing event.
let typingIndicatorSeconds = 6.0

/// Applies a customer-side event: queue arrivals, show messages and typing, end chats on leave.
func handleChannel(_ state: inout ConsoleState, _ event: ChannelEvent) -> [ConsoleEffect] {
  let isActive = state.active?.conversation.id == event.chat && state.active?.isOpen == true
  let waitingIndex = state.waiting.firstIndex { $0.chat == event.chat }
  switch event.kind {
  case .arrived(let profile, let scenario):
    guard !isActive, waitingIndex == nil, state.active?.conversation.id != event.chat else { return [] }
    state.waiting.append(
      WaitingCustomer(chat: event.chat, profile: profile, scenario: scenario, arrivedAt: state.now))
    if state.active?.isOpen == true {
      state.say("\(DisplayText.singleLine(profile.fullName)) is waiting")
    }
    return []
  case .typing:
    if isActive { state.active?.customerTypingUntil = state.now.addingTimeInterval(typingIndicatorSeconds) }
    return []
  case .message(let text):
    if let waitingIndex {
      state.waiting[waitingIndex].messages.append(PendingMessage(text: text, time: state.now))
      return []
    }
    guard isActive, var chat = state.active else { return [] }
    appendTurn(&chat, .customer, text, at: state.now)
    chat.customerTurnShownAt = state.now
    chat.customerTypingUntil = nil
    chat.conversationScroll = 0
    state.active = chat
    let record = ConsoleEffect.record(
      SessionEvent(chat: event.chat, time: state.now, kind: .customerMessage(text: text)))
    return [record] + requestRanking(&state)
  case .left(let settled):
    if let waitingIndex {
      let name = DisplayText.singleLine(state.waiting[waitingIndex].profile.fullName)
      state.waiting.remove(at: waitingIndex)
      state.say("\(name) left the queue")
      return []
    }
    guard isActive, var chat = state.active else { return [] }
    let outcome: SessionOutcome = (settled ?? chat.agentReplied) ? .resolved : .abandoned
    appendTurn(&chat, .system, "Customer left the chat (\(outcome.rawValue))", at: state.now)
    chat.conversation.status = .closed(outcome)
    chat.customerTypingUntil = nil
    chat.suggestions = []
    state.active = chat
    clearComposer(&state)
    if case .escalation = state.overlay { state.overlay = nil }
    state.say("Customer left. Press n for the next customer.")
    return [
      .record(SessionEvent(chat: event.chat, time: state.now, kind: .ended(outcome: outcome))),
      .closeChat(event.chat, outcome: outcome),
    ]
  }
}

/// Takes the first waiting customer: records the session start and any messages sent while waiting.
func takeNextCustomer(_ state: inout ConsoleState) -> [ConsoleEffect] {
  if state.active?.isOpen == true {
    state.say("Finish or escalate the current chat first", warning: true)
    return []
  }
  guard !state.waiting.isEmpty else {
    state.say("No customers waiting")
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
  if !next.messages.isEmpty { chat.customerTurnShownAt = state.now }
  state.active = chat
  clearComposer(&state)
  state.focus = .suggestions
  state.overlay = nil
  return effects + requestRanking(&state)
}
