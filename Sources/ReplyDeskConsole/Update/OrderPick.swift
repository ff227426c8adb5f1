import Foundation
import ReplyDeskCore

/// Makes the next order of the profile (in the profile pane's order, newest first) the order in
/// question of the focused chat, until the customer names another one, and re-ranks at once.
func pickNextOrder(_ state: inout ConsoleState) -> [ConsoleEffect] {
  guard let index = state.focusedChat, state.chats[index].isOpen else {
    state.say("No open chat")
    return []
  }
  let chat = state.chats[index]
  let orders = chat.conversation.profile.orders.sorted { $0.placedOn > $1.placedOn }
  guard orders.count > 1 else {
    state.say(orders.isEmpty ? "This customer has no orders" : "This customer has only one order")
    return []
  }
  let current = chat.orderInQuestion.order.flatMap { order in orders.firstIndex { $0.id == order.id } }
  let next = orders[((current ?? -1) + 1) % orders.count]
  state.chats[index].orderPin = OrderInQuestion.Pin(
    orderID: next.id, afterTurn: chat.conversation.turns.last?.id ?? 0)
  state.say(
    "Order in question: #\(DisplayText.singleLine(next.id)) · \(next.status.rawValue); suggestions re-ranked")
  return requestRanking(&state, for: chat.id)
}
