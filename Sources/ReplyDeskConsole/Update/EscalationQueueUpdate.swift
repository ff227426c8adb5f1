import Foundation
import ReplyDeskCore

/// Customer events for a chat waiting in the escalation queue: messages are kept (and counted as
/// unread) for whoever takes it; a customer who leaves ends the chat as escalated.
func handleQueuedEscalation(_ state: inout ConsoleState, _ event: ChannelEvent, at index: Int)
  -> [ConsoleEffect]
{
  var chat = state.escalations[index]
  let name = DisplayText.singleLine(chat.conversation.profile.fullName)
  switch event.kind {
  case .message(let text):
    appendTurn(&chat, .customer, text, at: state.now)
    chat.unread += 1
    chat.wait.begin(at: state.now)
    state.escalations[index] = chat
    state.say(
      "\(name) wrote while waiting for a specialist: \(Bindings.label(of: .takeEscalated)) takes the chat")
    return [.record(SessionEvent(chat: chat.id, time: state.now, kind: .customerMessage(text: text)))]
  case .left:
    state.escalations.remove(at: index)
    state.say("\(name) left while waiting in the escalation queue")
    return [
      .record(SessionEvent(chat: chat.id, time: state.now, kind: .ended(outcome: .escalated))),
      .closeChat(chat.id, outcome: .escalated),
    ]
  case .typing, .arrived, .rated:
    return []
  }
}

/// Records a customer's rating of a closed chat, whether or not it is still on screen.
func recordRating(_ state: inout ConsoleState, chat: ChatID, score: Int, comment: String?) -> [ConsoleEffect]
{
  guard SessionEventKind.ratingScale.contains(score) else { return [] }
  let name = state.chats.first { $0.id == chat }.map {
    DisplayText.singleLine($0.conversation.profile.fullName)
  }
  state.say("\(name ?? "A customer") rated the chat \(score) out of 5")
  return [.record(SessionEvent(chat: chat, time: state.now, kind: .rating(score: score, comment: comment)))]
}
