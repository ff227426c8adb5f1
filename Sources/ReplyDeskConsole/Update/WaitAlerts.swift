import Foundation
import ReplyDeskCore

/// Rings once for each open chat whose customer has waited `waitAlertSeconds` for a reply, and
/// once for each queued customer who has waited that long to be taken. The tab strip and the
/// footer keep the highlight until the wait ends.
func checkWaitAlerts(_ state: inout ConsoleState) -> [ConsoleEffect] {
  var late: [String] = []
  for index in state.chats.indices
  where !state.chats[index].wait.alerted
    && state.chats[index].isOverdue(now: state.now, after: state.waitAlertSeconds)
  {
    state.chats[index].wait.markAlerted()
    late.append(DisplayText.singleLine(state.chats[index].conversation.profile.firstName))
  }
  for index in state.waiting.indices
  where !state.waiting[index].waitAlerted && isOverdue(state.waiting[index], state) {
    state.waiting[index].waitAlerted = true
    late.append(DisplayText.singleLine(state.waiting[index].profile.firstName) + " (queue)")
  }
  guard !late.isEmpty else { return [] }
  let seconds = Int(state.waitAlertSeconds.rounded())
  state.say("Waiting over \(seconds) s: " + late.joined(separator: ", "), warning: true, seconds: 10)
  return [.bell]
}

/// True when a queued customer has waited `waitAlertSeconds` to be taken.
func isOverdue(_ customer: WaitingCustomer, _ state: ConsoleState) -> Bool {
  state.now.timeIntervalSince(customer.arrivedAt) >= state.waitAlertSeconds
}

/// "0:45", "12:03": how long since `since`.
func waitText(since: Date, now: Date) -> String {
  let seconds = max(Int(now.timeIntervalSince(since)), 0)
  return String(format: "%d:%02d", seconds / 60, seconds % 60)
}
