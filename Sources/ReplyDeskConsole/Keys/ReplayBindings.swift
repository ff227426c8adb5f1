extension Bindings {
  /// The replay console's keys: the session list, playback, and QA notes.
  static let replayTable: [Binding] = [
    Binding(
      keys: [.up, .character("k")], label: "↑/k", contexts: [.replayPicker], action: .highlightPrevious,
      hint: "previous", inFooter: false),
    Binding(
      keys: [.down, .character("j")], label: "↓/j", contexts: [.replayPicker], action: .highlightNext,
      hint: "next", inFooter: false),
    Binding(
      keys: [.enter], label: "Enter", contexts: [.replayPicker], action: .openSession, hint: "replay",
      detail: "replay the highlighted session"),
    Binding(
      keys: [.character(" ")], label: "Space", contexts: [.replay, .floorReplay], action: .togglePlay,
      hint: "play/pause",
      detail: "play with the real gaps between turns, or pause"),
    Binding(
      keys: [.right, .character("l")], label: "→/l", contexts: [.replay, .floorReplay], action: .stepForward,
      hint: "step",
      detail: "step forward one turn"),
    Binding(
      keys: [.left, .character("h")], label: "←/h", contexts: [.replay, .floorReplay], action: .stepBack,
      hint: "back",
      detail: "step back one turn"),
    Binding(
      keys: [.character("+"), .character("=")], label: "+", contexts: [.replay, .floorReplay],
      action: .faster,
      hint: "faster", detail: "double the speed (up to 16x)"),
    Binding(
      keys: [.character("-")], label: "-", contexts: [.replay, .floorReplay], action: .slower, hint: "slower",
      detail: "halve the speed (down to 1x)"),
    Binding(
      keys: [.character("x")], label: "x", contexts: [.replay, .floorReplay], action: .nextEscalation,
      hint: "next escalation",
      inFooter: false, detail: "jump to the next escalation"),
    Binding(
      keys: [.character("e")], label: "e", contexts: [.replay, .floorReplay], action: .nextEdit,
      hint: "next edit",
      inFooter: false, detail: "jump to the next edited reply"),
    Binding(
      keys: [.home, .character("g")], label: "Home/g", contexts: [.replay, .floorReplay], action: .toStart,
      hint: "start",
      inFooter: false, detail: "go to the first turn"),
    Binding(
      keys: [.end, .character("G")], label: "End/G", contexts: [.replay, .floorReplay], action: .toEnd,
      hint: "end",
      inFooter: false, detail: "go to the last turn"),
    Binding(
      keys: [.pageUp], label: "PgUp", contexts: [.replay, .floorReplay], action: .scrollPageUp,
      hint: "scroll up",
      inFooter: false, detail: "scroll the conversation up"),
    Binding(
      keys: [.pageDown], label: "PgDn", contexts: [.replay, .floorReplay], action: .scrollPageDown,
      hint: "scroll down",
      inFooter: false, detail: "scroll the conversation down"),
    Binding(
      keys: [.character("n")], label: "n", contexts: [.replay], action: .addNote, hint: "QA note",
      detail: "add a QA note and a 1-5 rating at this turn"),
    Binding(
      keys: [.character("b"), .escape], label: "b/Esc", contexts: [.replay], action: .backToList,
      hint: "sessions", inFooter: false, detail: "back to the session list"),
    Binding(
      keys: [.character("?")], label: "?", contexts: [.replayPicker, .replay, .floorReplay],
      action: .showHelp, hint: "help"
    ),
    Binding(
      keys: [.character("q"), .control("q"), .control("c")], label: "q", contexts: [.replayPicker, .replay],
      action: .quit, hint: "quit"),
    Binding(
      keys: (1...5).map { .character(Character(String($0))) }, label: "1-5", contexts: [.replayRating],
      action: .pickNumbered, hint: "rating"),
    Binding(
      keys: [.character("0"), .enter], label: "0/Enter", contexts: [.replayRating], action: .skipRating,
      hint: "no rating"),
    Binding(
      keys: [.enter], label: "Enter", contexts: [.replayNote], action: .saveNote, hint: "save note",
      detail: "save the note (a new event; the log is never edited)"),
    Binding(
      keys: [.escape], label: "Esc", contexts: [.replayRating, .replayNote], action: .closeOverlay,
      hint: "cancel"),
  ]
}
