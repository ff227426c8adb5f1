import Foundation
import ReplyDeskCore

/// Applies one event to the floor and returns the work the runner must do. Pure. While a replay
/// is open, keys, pastes, ticks and sizes go to the replay's update; leaving it shows the floor.
func updateFloor(_ state: inout FloorState, _ event: FloorEvent) -> [FloorEffect] {
  switch event {
  case .key(let key, let now):
    state.now = now
    if state.replay != nil { return forwardToReplay(&state, .key(key, now: now)) }
    return handleFloorKey(&state, key)
  case .paste(let text, let now):
    state.now = now
    if state.replay != nil { return forwardToReplay(&state, .paste(text, now: now)) }
    state.say("Paste ignored: the floor has nothing to type into", warning: true)
  case .tick(let now):
    state.now = now
    state.statusLine.expire(now: now)
    if state.replay != nil { return forwardToReplay(&state, .tick(now: now)) }
  case .resize(let size, let now):
    state.now = now
    state.size = size
    if state.replay != nil { return forwardToReplay(&state, .resize(size, now: now)) }
  case .measured(let extents, let now):
    state.now = now
    if state.replay != nil { return forwardToReplay(&state, .measured(extents, now: now)) }
    state.extents = extents
    if case .help(let offset) = state.overlay { state.overlay = .help(scroll: extents.help.clamped(offset)) }
  case .snapshot(let snapshot, let now):
    state.now = now
    receive(snapshot, into: &state)
  case .readFailed(let reason, let now):
    state.now = now
    state.say(
      "Cannot read the store (\(reason)); the floor reads it again on the next change", warning: true,
      seconds: 15)
  case .feedFailed(let reason, let now):
    state.now = now
    state.say(
      "Live updates stopped (\(reason)); the floor starts them again shortly and reads the store every few seconds",
      warning: true, seconds: 15)
  case .loaded(let chat, let events, let now):
    state.now = now
    guard state.loading == chat else { return [] }
    state.loading = nil
    state.replay = replayOpened(chat, events: events, state: state)
  case .loadFailed(let chat, let reason, let now):
    state.now = now
    guard state.loading == chat else { return [] }
    state.loading = nil
    state.say("Cannot open \(DisplayText.singleLine(chat.rawValue)): \(reason)", warning: true, seconds: 15)
  }
  return []
}

/// Takes a new read; the highlight stays on its chat, or moves to the row it stood on when that
/// chat has ended.
private func receive(_ snapshot: FloorSnapshot, into state: inout FloorState) {
  let oldRow = state.selectedIndex ?? 0
  state.snapshot = snapshot
  state.updatedAt = state.now
  guard state.selectedIndex == nil else { return }
  state.selected = snapshot.chats.isEmpty ? nil : snapshot.chats[min(oldRow, snapshot.chats.count - 1)].id
}

private func handleFloorKey(_ state: inout FloorState, _ key: Key) -> [FloorEffect] {
  guard let action = Bindings.action(for: key, in: state.context) else { return [] }
  switch action {
  case .quit:
    state.hasQuit = true
    return [.quit]
  case .showHelp:
    state.overlay = .help(scroll: 0)
  case .closeOverlay:
    state.overlay = nil
  case .scrollLineUp, .scrollLineDown, .scrollPageUp, .scrollPageDown:
    scrollHelp(
      &state,
      by: action == .scrollLineUp ? -1 : action == .scrollLineDown ? 1 : action == .scrollPageUp ? -10 : 10)
  case .highlightPrevious, .highlightNext:
    let chats = state.chats
    guard !chats.isEmpty else { return [] }
    let step = action == .highlightNext ? 1 : -1
    let row = state.selectedIndex.map { $0 + step } ?? 0
    state.selected = chats[min(max(row, 0), chats.count - 1)].id
  case .openSession:
    guard let index = state.selectedIndex else {
      state.say("No open chat to replay")
      return []
    }
    let chat = state.chats[index].id
    state.loading = chat
    return [.load(chat)]
  default:
    break
  }
  return []
}

private func scrollHelp(_ state: inout FloorState, by lines: Int) {
  guard case .help(let offset) = state.overlay else { return }
  state.overlay = .help(scroll: state.extents.help.scrolled(offset, by: lines))
}

/// The replay console of one chat so far, at its latest turn, read-only.
private func replayOpened(_ chat: ChatID, events: [SessionEvent], state: FloorState) -> ReplayState {
  let entry = state.chats.first { $0.id == chat }.map {
    ReplaySessionEntry(
      id: $0.id, startedAt: $0.startedAt, representative: $0.representative, customerName: $0.customerName,
      outcome: nil)
  }
  var replay = ReplayState(
    size: state.size, now: state.now, timeZone: state.timeZone, sessions: entry.map { [$0] } ?? [])
  replay.fromFloor = true
  replay.loading = chat
  _ = updateReplay(&replay, .loaded(chat, events, now: state.now))
  replay.session?.playback.navigate { $0.jump(to: $0.steps.count - 1) }
  let back = Bindings.floorTable.first { $0.action == .backToFloor }?.label ?? "Esc"
  replay.say("Latest turn shown: ← steps back, Space plays, \(back) returns to the floor")
  return replay
}

/// Hands an event to the open replay; when it is left, the floor shows again.
private func forwardToReplay(_ state: inout FloorState, _ event: ReplayEvent) -> [FloorEffect] {
  guard var replay = state.replay else { return [] }
  let effects = updateReplay(&replay, event)
  state.replay = effects.contains(.quit) ? nil : replay
  return []
}
