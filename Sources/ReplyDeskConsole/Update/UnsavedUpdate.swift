import Foundation

/// Notes that `count` events wait to be stored and says so, unless another message is showing and
/// nothing new was lost (the tick brings the notice back once that message expires).
func handleUnsaved(_ state: inout ConsoleState, count: Int, reason: String) {
  let grew = count > (state.unsaved?.count ?? 0)
  state.unsaved = UnsavedEvents(count: count, reason: reason)
  let showingNotice = state.status?.text.contains(unsavedMarker) == true
  showUnsaved(&state, replacing: grew || showingNotice)
}

/// Keeps the unsaved-events notice on the status line while any event waits.
func showUnsaved(_ state: inout ConsoleState, replacing: Bool = false) {
  guard let unsaved = state.unsaved, replacing || state.status == nil else { return }
  let count = unsaved.count == 1 ? "1 event is" : "\(unsaved.count) events are"
  let text =
    "\(count) \(unsavedMarker) (\(unsaved.reason)); retrying every second. "
    + "Free space on the store's disk and they will be saved."
  state.say(text, warning: true, seconds: 3)
}

private let unsavedMarker = "not saved yet"
