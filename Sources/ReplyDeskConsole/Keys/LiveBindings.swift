extension Bindings {
  /// The live console's keys. On the main screen (the four panes) every printable key types the
  /// reply, so commands sit on Ctrl, Alt, function keys, arrows and Esc, and digits send a suggestion
  /// only while the draft is empty. Within a context the table order is the footer's priority: a
  /// narrow footer drops the last hints first.
  static let liveTable: [Binding] =
    suggestionKeys + composerKeys + mainScreenKeys + overlayKeys + templateKeys

  private static let suggestionKeys: [Binding] = [
    Binding(
      keys: digits, label: "1-9", contexts: panes, action: .sendNumbered, hint: "send",
      detail: "send it if the draft is empty (one with a gap opens to edit)",
      condition: .suggestionsVisible, draft: .empty),
    Binding(
      keys: [.enter], label: "Enter", contexts: [.suggestions], action: .sendHighlighted, hint: "send",
      inFooter: false, detail: "send the highlighted suggestion", condition: .suggestionsVisible,
      draft: .empty),
    Binding(
      keys: [.enter], label: "Enter", contexts: [.suggestions], action: .sendComposer, hint: "send draft",
      detail: "with a draft, send the draft", draft: .written),
    Binding(
      keys: [.control("e"), .function(2)], label: "^E", contexts: [.suggestions], action: .editHighlighted,
      hint: "edit", detail: "edit the highlighted suggestion (or F2; draft empty)",
      condition: .suggestionsVisible),
    Binding(
      keys: [.up], label: "↑", contexts: [.suggestions], action: .highlightPrevious, hint: "previous",
      inFooter: false, detail: "move the highlight up", condition: .suggestionsVisible),
    Binding(
      keys: [.down], label: "↓", contexts: [.suggestions], action: .highlightNext, hint: "next",
      inFooter: false, detail: "move the highlight down", condition: .suggestionsVisible),
    Binding(
      keys: [.up], label: "↑", contexts: [.conversation, .profile], action: .scrollLineUp, hint: "up",
      inFooter: false, detail: "scroll one line up"),
    Binding(
      keys: [.down], label: "↓", contexts: [.conversation, .profile], action: .scrollLineDown, hint: "down",
      inFooter: false, detail: "scroll one line down"),
  ]

  private static let composerKeys: [Binding] = [
    Binding(
      keys: [.enter], label: "Enter", contexts: [.composer], action: .sendComposer, hint: "send",
      detail: "send the reply (a gap [slot] must be filled first)"),
    Binding(
      keys: [.escape], label: "Esc", contexts: [.composer], action: .leaveComposer, hint: "back",
      detail: "back to the suggestions, keeping the text"),
    Binding(
      keys: [.control("j")], label: "^J", contexts: [.composer], action: .insertNewline, hint: "newline"),
    Binding(
      keys: [.left], label: "←", contexts: textEditing, action: .cursorLeft, hint: "left", inFooter: false),
    Binding(
      keys: [.right], label: "→", contexts: textEditing, action: .cursorRight, hint: "right", inFooter: false),
    Binding(
      keys: [.up], label: "↑", contexts: [.composer], action: .cursorUp, hint: "line up", inFooter: false),
    Binding(
      keys: [.down], label: "↓", contexts: [.composer], action: .cursorDown, hint: "line down",
      inFooter: false),
    Binding(
      keys: [.home, .control("a")], label: "Home/^A", contexts: textEditing, action: .cursorHome,
      hint: "line start", inFooter: false),
    Binding(
      keys: [.end, .control("e")], label: "End/^E", contexts: textEditing, action: .cursorEnd,
      hint: "line end", inFooter: false),
    Binding(
      keys: [.backspace], label: "Bksp", contexts: textEditing, action: .deleteBackward, hint: "delete back",
      inFooter: false),
    Binding(
      keys: [.delete], label: "Del", contexts: textEditing, action: .deleteForward, hint: "delete",
      inFooter: false),
    Binding(
      keys: [.control("w")], label: "^W", contexts: textEditing, action: .deleteWord, hint: "delete word",
      inFooter: false),
  ]

  private static let mainScreenKeys: [Binding] = [
    Binding(
      keys: [.control("x")], label: "^X", contexts: anyPane, action: .startEscalation, hint: "escalate",
      detail: "hand over: a reason and a note; the customer stays and waits"),
    Binding(
      keys: [.control("o"), .function(3)], label: "^O", contexts: anyPane, action: .takeNext,
      hint: "take next", detail: "take the next customer (or F3; open chats stay open)"),
    Binding(
      keys: [.alt("e"), .function(5)], label: "Alt-E", contexts: anyPane, action: .takeEscalated,
      hint: "take escalated", inFooter: false,
      detail: "take the oldest escalated chat (or F5), summary first"),
    Binding(keys: [.function(1)], label: "F1", contexts: anyPane, action: .showHelp, hint: "help"),
    Binding(
      keys: [.character("/")], label: "/", contexts: anyPane, action: .openFinder, hint: "templates",
      detail: "find any template (in an empty draft; else / is typed)", condition: .suggestionsVisible,
      draft: .empty),
    Binding(
      keys: [.control("f")], label: "^F", contexts: anyPane, action: .openFinder, hint: "find template",
      inFooter: false, detail: "find a template with any draft (inserts at the cursor)",
      condition: .suggestionsVisible),
    Binding(
      keys: [.control("r")], label: "^R", contexts: anyPane, action: .resolveChat, hint: "resolve",
      detail: "resolve: thank the customer, ask for a rating (empty draft)"),
    Binding(
      keys: [.control("u")], label: "^U", contexts: [.suggestions, .composer], action: .clearDraft,
      hint: "clear draft", detail: "discard the draft", draft: .written),
    Binding(
      keys: [.tab], label: "Tab", contexts: anyPane, action: .focusNext, hint: "pane",
      detail: "next pane: suggestions, composer, conversation, profile"),
    Binding(
      keys: [.backTab], label: "S-Tab", contexts: anyPane, action: .focusPrevious, hint: "previous pane",
      inFooter: false),
    Binding(
      keys: [.control("n")], label: "^N", contexts: anyPane, action: .nextChat, hint: "next chat",
      detail: "next chat (each chat keeps its draft and scroll)"),
    Binding(
      keys: [.control("p")], label: "^P", contexts: anyPane, action: .previousChat, hint: "previous chat",
      inFooter: false, detail: "previous chat"),
    Binding(
      keys: altDigits, label: "Alt-1..9", contexts: anyPane, action: .jumpToChat, hint: "chat N",
      inFooter: false, detail: "chat N of the chat strip (Alt-1 to Alt-9)"),
    Binding(
      keys: [.control("t")], label: "^T", contexts: anyPane, action: .saveAsTemplate,
      hint: "save as template",
      detail: "save your last own, edited or generated reply as a template",
      condition: .suggestionsVisible),
    Binding(
      keys: [.pageUp], label: "PgUp", contexts: anyPane, action: .scrollPageUp, hint: "scroll up",
      inFooter: false),
    Binding(
      keys: [.pageDown], label: "PgDn", contexts: anyPane, action: .scrollPageDown, hint: "scroll down",
      inFooter: false),
    Binding(
      keys: [.function(4), .alt("o")], label: "F4", contexts: anyPane, action: .pickOrder, hint: "order",
      detail: "next order in question (or Alt-O): suggestions re-rank",
      condition: .suggestionsVisible),
    Binding(
      keys: [.alt("a")], label: "Alt-A", contexts: anyPane, action: .toggleAttention, hint: "attended words",
      inFooter: false, detail: "highlight the words the top suggestion attended to",
      condition: .suggestionsVisible),
    Binding(
      keys: [.control("q"), .control("c")], label: "^Q/^C", contexts: anyPane, action: .quit, hint: "quit",
      inFooter: false, detail: "quit (asks to hand over or resolve the open chats)"),
  ]

  private static let overlayKeys: [Binding] = [
    Binding(
      keys: [.escape, .function(1), .character("?"), .character("q")], label: "Esc/F1", contexts: [.help],
      action: .closeOverlay, hint: "close", detail: "close (? and q close it too)"),
    Binding(keys: [.up], label: "↑", contexts: [.help], action: .scrollLineUp, hint: "line up"),
    Binding(keys: [.down], label: "↓", contexts: [.help], action: .scrollLineDown, hint: "line down"),
    Binding(keys: [.pageUp], label: "PgUp", contexts: [.help], action: .scrollPageUp, hint: "page up"),
    Binding(keys: [.pageDown], label: "PgDn", contexts: [.help], action: .scrollPageDown, hint: "page down"),
    Binding(
      keys: digits, label: "1-9", contexts: [.escalationReason], action: .pickNumbered, hint: "pick reason"),
    Binding(keys: [.up], label: "↑", contexts: [.escalationReason], action: .pickerUp, hint: "previous"),
    Binding(keys: [.down], label: "↓", contexts: [.escalationReason], action: .pickerDown, hint: "next"),
    Binding(
      keys: [.enter], label: "Enter", contexts: [.escalationReason], action: .chooseReason,
      hint: "choose reason"),
    Binding(
      keys: [.enter], label: "Enter", contexts: [.escalationNote], action: .confirmEscalation,
      hint: "escalate"
    ),
    Binding(
      keys: [.escape], label: "Esc", contexts: [.escalationReason, .escalationNote, .confirmQuit],
      action: .closeOverlay, hint: "cancel"),
    Binding(
      keys: [.character("h")], label: "h", contexts: [.confirmQuit], action: .quitHandingOver,
      hint: "hand over and quit",
      detail: "hand every open chat over (\"\(shiftEndedReason)\"), then quit"),
    Binding(
      keys: [.character("r")], label: "r", contexts: [.confirmQuit], action: .quitResolving,
      hint: "resolve and quit", detail: "resolve every open chat (ratings are asked), then quit"),
    Binding(
      keys: [.character("n")], label: "n", contexts: [.confirmQuit], action: .closeOverlay, hint: "stay"),
    Binding(
      keys: [.character("y"), .enter], label: "y/Enter", contexts: [.confirmSend], action: .sendAnyway,
      hint: "send anyway", detail: "send it anyway (keys in the first 0.5 s are ignored)"),
    Binding(
      keys: [.character("n"), .escape], label: "n/Esc", contexts: [.confirmSend], action: .closeOverlay,
      hint: "don't send", detail: "don't send; the draft stays in the composer"),
  ]

  /// The label of the first live binding for `action`, for status lines that name a key.
  static func label(of action: Action) -> String {
    liveTable.first { $0.action == action }?.label ?? ""
  }
}
