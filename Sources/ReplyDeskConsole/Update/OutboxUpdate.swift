import Foundation
import ReplyDeskCore

/// Follows the recorder's outbox. While events are queued (the store is away, or the queue is
/// still being saved) the status line says so with the count, as a warning when the store is
/// away; once the last is saved it says the store is back and how many were saved.
func handleOutbox(_ state: inout ConsoleState, _ status: OutboxStatus) {
  let previous = state.outbox
  guard status.queued == 0 else {
    let showingNotice = previous.map { state.status?.text == outboxNotice($0).text } ?? false
    state.outbox = status
    let grew = status.queued > (previous?.queued ?? 0) || status.reason != previous?.reason
    showOutbox(&state, replacing: grew || showingNotice)
    return
  }
  state.outbox = nil
  guard previous != nil else { return }
  let saved = status.saved == 1 ? "1 queued event" : "\(status.saved) queued events"
  guard status.refused > 0 else {
    state.say("Store back online: \(saved) saved.", seconds: 10)
    return
  }
  state.say(
    "Store back online: \(saved) saved; the store refused \(status.refused), kept in \(status.path) "
      + "for the store's administrator.", warning: true, seconds: 30)
}

/// Keeps the outbox notice on the status line while any event is queued.
func showOutbox(_ state: inout ConsoleState, replacing: Bool = false) {
  guard let outbox = state.outbox, replacing || state.status == nil else { return }
  let notice = outboxNotice(outbox)
  state.say(notice.text, warning: notice.warning, seconds: 3)
}

/// What the status line says while `outbox` holds events, and whether as a warning.
private func outboxNotice(_ outbox: OutboxStatus) -> (text: String, warning: Bool) {
  let count = outbox.queued == 1 ? "1 event" : "\(outbox.queued) events"
  guard let reason = outbox.reason else {
    return ("Saving \(count) queued while the store was away; keep working.", false)
  }
  return (
    "Store offline, \(count) queued: keep working, they are kept on this machine and saved when it is "
      + "back (\(reason)).", true
  )
}
