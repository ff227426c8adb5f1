import ReplyDeskCore

/// Scrolls the pane the action applies to (the help screen when it is open, else the focused
/// pane), within the extents the last frame measured.
func scroll(_ state: inout ConsoleState, _ action: Action) {
  let up = action == .scrollPageUp || action == .scrollLineUp
  let byLine = action == .scrollLineUp || action == .scrollLineDown
  if case .help(let offset) = state.overlay {
    let help = state.extents.help
    let step = byLine ? 1 : help.visible  // the help box pages by its whole height
    state.overlay = .help(scroll: help.scrolled(offset, by: up ? -step : step))
    return
  }
  guard var chat = state.active else { return }
  if state.focus == .profile {
    let profile = state.extents.profile
    let step = byLine ? 1 : profile.page
    chat.scroll.profile = profile.scrolled(chat.scroll.profile, by: up ? -step : step)
  } else {
    // The conversation's offset counts up from its newest line.
    let conversation = state.extents.conversation
    let step = byLine ? 1 : conversation.page
    chat.scroll.conversation = conversation.scrolled(chat.scroll.conversation, by: up ? step : -step)
  }
  state.active = chat
}

/// Takes the extents a frame measured, and keeps the on-screen offsets within them (a pane that
/// grew shorter, or a narrower terminal, leaves no offset past the end).
func applyExtents(_ state: inout ConsoleState, _ extents: ScrollExtents) {
  state.extents = extents
  if case .help(let offset) = state.overlay { state.overlay = .help(scroll: extents.help.clamped(offset)) }
  guard var chat = state.active else { return }
  chat.scroll.profile = extents.profile.clamped(chat.scroll.profile)
  chat.scroll.conversation = extents.conversation.clamped(chat.scroll.conversation)
  state.active = chat
}
