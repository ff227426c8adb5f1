extension Bindings {
  /// The supervisor's floor: move through the open chats, open one's replay so far, and leave
  /// that replay for the floor again. The replay's playback keys come from `replayTable`.
  static let floorTable: [Binding] = [
    Binding(
      keys: [.up, .character("k")], label: "↑/k", contexts: [.floor], action: .highlightPrevious,
      hint: "previous", inFooter: false, detail: "highlight the previous chat"),
    Binding(
      keys: [.down, .character("j")], label: "↓/j", contexts: [.floor], action: .highlightNext, hint: "next",
      inFooter: false, detail: "highlight the next chat"),
    Binding(
      keys: [.enter], label: "Enter", contexts: [.floor], action: .openSession, hint: "replay",
      detail: "replay the highlighted chat so far, from its latest turn"),
    Binding(
      keys: [.character("?")], label: "?", contexts: [.floor], action: .showHelp, hint: "help"),
    Binding(
      keys: [.character("q"), .control("q"), .control("c")], label: "q", contexts: [.floor], action: .quit,
      hint: "quit"),
    Binding(
      keys: [.escape, .character("b"), .character("q")], label: "Esc/q", contexts: [.floorReplay],
      action: .backToFloor, hint: "floor", detail: "leave the replay and go back to the floor"),
  ]
}
