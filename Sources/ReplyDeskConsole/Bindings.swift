/// Where a key is pressed: an overlay, or the focused pane, in the live or the replay console.
enum BindingContext: String, CaseIterable, Sendable {
  case suggestions, composer, conversation, profile
  case help, escalationReason, escalationNote, confirmQuit, confirmRepeat
  case replayPicker, replay, replayRating, replayNote

  /// The contexts of the live console, in help-screen order.
  static let live: [BindingContext] = [
    .suggestions, .composer, .conversation, .profile, .help, .escalationReason, .escalationNote, .confirmQuit,
    .confirmRepeat,
  ]
  /// The contexts of the replay console, in help-screen order.
  static let replayContexts: [BindingContext] = [.replayPicker, .replay, .replayRating, .replayNote, .help]

  /// The title of this context's section on the help screen.
  var title: String {
    switch self {
    case .suggestions: return "Suggestions (default focus)"
    case .composer: return "Composer"
    case .conversation: return "Conversation pane"
    case .profile: return "Profile pane"
    case .help: return "Help screen"
    case .escalationReason: return "Escalation: reason"
    case .escalationNote: return "Escalation: note"
    case .confirmQuit: return "Quit confirmation"
    case .confirmRepeat: return "Same reply again?"
    case .replayPicker: return "Replay: session list"
    case .replay: return "Replay"
    case .replayRating: return "QA note: rating"
    case .replayNote: return "QA note: text"
    }
  }
}

/// What a key does.
enum Action: Equatable, Sendable {
  case sendNumbered, sendHighlighted, editHighlighted, highlightPrevious, highlightNext
  case focusNext, focusPrevious, leaveComposer
  case scrollPageUp, scrollPageDown, scrollLineUp, scrollLineDown
  case startEscalation, takeNext, quit, showHelp, toggleAttention, saveAsTemplate
  case nextChat, previousChat, jumpToChat
  case sendComposer, insertNewline, cursorLeft, cursorRight, cursorUp, cursorDown, cursorHome, cursorEnd
  case deleteBackward, deleteForward, deleteWord
  case closeOverlay, pickNumbered, pickerUp, pickerDown, chooseReason, confirmEscalation
  case confirmQuit, sendRepeat
  case togglePlay, stepForward, stepBack, faster, slower, nextEscalation, nextEdit, toStart, toEnd
  case addNote, skipRating, saveNote, openSession, backToList
}

/// One entry of the binding table: keys, where they apply (contexts, and a condition on what the
/// console shows), what they do, the short hint shown in the footer (when `inFooter`) and the longer
/// text of the help screen.
struct Binding: Sendable {
  var keys: [Key]
  var label: String
  var contexts: [BindingContext]
  var action: Action
  var hint: String
  var inFooter = true
  var detail: String?
  var condition = BindingCondition.always

  /// What the help screen says about the binding.
  var helpText: String { detail ?? hint }
}

/// The one table that keys, footer hints and the help screen all come from.
enum Bindings {
  static let panes: [BindingContext] = [.suggestions, .conversation, .profile]
  static let anyPane: [BindingContext] = panes + [.composer]
  static let digits: [Key] = (1...9).map { .character(Character(String($0))) }
  static let altDigits: [Key] = (1...9).map { .alt(Character(String($0))) }

  /// Contexts where a line of text is edited.
  static let textEditing: [BindingContext] = [.composer, .escalationNote, .replayNote]

  /// Every binding, live and replay.
  static let table: [Binding] = liveTable + replayTable

  static let liveTable: [Binding] = [
    Binding(
      keys: digits, label: "1-9", contexts: panes, action: .sendNumbered, hint: "send",
      detail: "send that suggestion (one with a gap opens in the composer)", condition: .suggestionsVisible),
    Binding(
      keys: [.enter], label: "Enter", contexts: [.suggestions], action: .sendHighlighted, hint: "send",
      inFooter: false, detail: "send the highlighted suggestion", condition: .suggestionsVisible),
    Binding(
      keys: [.character("e")], label: "e", contexts: [.suggestions], action: .editHighlighted, hint: "edit",
      detail: "edit the highlighted suggestion in the composer", condition: .suggestionsVisible),
    Binding(
      keys: [.up, .character("k")], label: "↑/k", contexts: [.suggestions], action: .highlightPrevious,
      hint: "previous", inFooter: false, condition: .suggestionsVisible),
    Binding(
      keys: [.down, .character("j")], label: "↓/j", contexts: [.suggestions], action: .highlightNext,
      hint: "next", inFooter: false, condition: .suggestionsVisible),
    Binding(
      keys: [.tab], label: "Tab", contexts: anyPane, action: .focusNext, hint: "pane",
      detail: "next pane: suggestions, composer, conversation, profile"),
    Binding(
      keys: [.backTab], label: "S-Tab", contexts: anyPane, action: .focusPrevious, hint: "previous pane",
      inFooter: false),
    Binding(
      keys: [.pageUp], label: "PgUp", contexts: anyPane, action: .scrollPageUp, hint: "scroll up",
      inFooter: false),
    Binding(
      keys: [.pageDown], label: "PgDn", contexts: anyPane, action: .scrollPageDown, hint: "scroll down",
      inFooter: false),
    Binding(
      keys: [.up, .character("k")], label: "↑/k", contexts: [.conversation, .profile],
      action: .scrollLineUp, hint: "up", detail: "scroll one line up"),
    Binding(
      keys: [.down, .character("j")], label: "↓/j", contexts: [.conversation, .profile],
      action: .scrollLineDown, hint: "down", detail: "scroll one line down"),
    Binding(
      keys: [.character("x")], label: "x", contexts: panes, action: .startEscalation, hint: "escalate",
      detail: "escalate: pick a reason, add a note"),
    Binding(
      keys: [.control("x")], label: "^X", contexts: [.composer], action: .startEscalation, hint: "escalate",
      detail: "escalate while writing (the draft is dropped)"),
    Binding(
      keys: [.control("x")], label: "^X", contexts: panes, action: .startEscalation, hint: "escalate",
      inFooter: false, detail: "escalate (works from every pane, the composer included)"),
    Binding(
      keys: [.character("n")], label: "n", contexts: panes, action: .takeNext, hint: "next",
      detail: "take the next customer (open chats stay open)"),
    Binding(
      keys: [.character("a")], label: "a", contexts: panes, action: .toggleAttention,
      hint: "attended words", inFooter: false,
      detail: "highlight the words the top suggestion attended to", condition: .suggestionsVisible),
    Binding(keys: [.character("?")], label: "?", contexts: panes, action: .showHelp, hint: "help"),
    Binding(keys: [.function(1)], label: "F1", contexts: [.composer], action: .showHelp, hint: "help"),
    Binding(
      keys: [.control("n")], label: "^N", contexts: anyPane, action: .nextChat, hint: "next chat",
      detail: "next chat (each chat keeps its draft and scroll)"),
    Binding(
      keys: [.control("t")], label: "^T", contexts: anyPane, action: .saveAsTemplate,
      hint: "save as template",
      detail: "save the generated reply just sent as a template", condition: .suggestionsVisible),
    Binding(
      keys: [.control("p")], label: "^P", contexts: anyPane, action: .previousChat, hint: "previous chat",
      inFooter: false, detail: "previous chat"),
    Binding(
      keys: [.character("]")], label: "]", contexts: panes, action: .nextChat, hint: "next chat",
      inFooter: false),
    Binding(
      keys: [.character("[")], label: "[", contexts: panes, action: .previousChat, hint: "previous chat",
      inFooter: false),
    Binding(
      keys: altDigits, label: "Alt-1..9", contexts: anyPane, action: .jumpToChat, hint: "chat N",
      inFooter: false, detail: "chat N of the chat strip (Alt-1 to Alt-9)"),
    Binding(
      keys: [.character("q")], label: "q", contexts: panes, action: .quit, hint: "quit", inFooter: false,
      detail: "quit (asks first; open chats end as abandoned)"),
    Binding(
      keys: [.control("q"), .control("c")], label: "^Q/^C", contexts: anyPane, action: .quit, hint: "quit",
      inFooter: false),
    Binding(
      keys: [.enter], label: "Enter", contexts: [.composer], action: .sendComposer, hint: "send",
      detail: "send the reply (a gap [slot] must be filled first)"),
    Binding(
      keys: [.control("j")], label: "^J", contexts: [.composer], action: .insertNewline, hint: "newline"),
    Binding(
      keys: [.escape], label: "Esc", contexts: [.composer], action: .leaveComposer, hint: "back",
      detail: "back to the suggestions, keeping the text"),
    Binding(
      keys: [.left], label: "←", contexts: textEditing, action: .cursorLeft, hint: "left",
      inFooter: false),
    Binding(
      keys: [.right], label: "→", contexts: textEditing, action: .cursorRight,
      hint: "right", inFooter: false),
    Binding(
      keys: [.up], label: "↑", contexts: [.composer], action: .cursorUp, hint: "line up", inFooter: false),
    Binding(
      keys: [.down], label: "↓", contexts: [.composer], action: .cursorDown, hint: "line down",
      inFooter: false),
    Binding(
      keys: [.home, .control("a")], label: "Home/^A", contexts: textEditing,
      action: .cursorHome, hint: "line start", inFooter: false),
    Binding(
      keys: [.end, .control("e")], label: "End/^E", contexts: textEditing,
      action: .cursorEnd, hint: "line end", inFooter: false),
    Binding(
      keys: [.backspace], label: "Bksp", contexts: textEditing, action: .deleteBackward,
      hint: "delete back", inFooter: false),
    Binding(
      keys: [.delete], label: "Del", contexts: textEditing, action: .deleteForward,
      hint: "delete", inFooter: false),
    Binding(
      keys: [.control("w")], label: "^W", contexts: textEditing, action: .deleteWord,
      hint: "delete word", inFooter: false),
    Binding(
      keys: [.escape, .character("?"), .character("q"), .function(1)], label: "Esc/?/q", contexts: [.help],
      action: .closeOverlay, hint: "close"),
    Binding(
      keys: [.up, .pageUp], label: "↑/PgUp", contexts: [.help], action: .scrollLineUp, hint: "scroll up"),
    Binding(
      keys: [.down, .pageDown], label: "↓/PgDn", contexts: [.help], action: .scrollLineDown,
      hint: "scroll down"),
    Binding(
      keys: digits, label: "1-9", contexts: [.escalationReason], action: .pickNumbered, hint: "pick reason"),
    Binding(keys: [.up], label: "↑", contexts: [.escalationReason], action: .pickerUp, hint: "previous"),
    Binding(keys: [.down], label: "↓", contexts: [.escalationReason], action: .pickerDown, hint: "next"),
    Binding(
      keys: [.enter], label: "Enter", contexts: [.escalationReason], action: .chooseReason,
      hint: "choose reason"),
    Binding(
      keys: [.enter], label: "Enter", contexts: [.escalationNote], action: .confirmEscalation,
      hint: "escalate"),
    Binding(
      keys: [.escape], label: "Esc", contexts: [.escalationReason, .escalationNote, .confirmQuit],
      action: .closeOverlay, hint: "cancel"),
    Binding(
      keys: [.character("y"), .enter], label: "y/Enter", contexts: [.confirmQuit], action: .confirmQuit,
      hint: "quit"),
    Binding(
      keys: [.character("n")], label: "n", contexts: [.confirmQuit], action: .closeOverlay, hint: "stay"),
    Binding(
      keys: [.character("y"), .enter], label: "y/Enter", contexts: [.confirmRepeat], action: .sendRepeat,
      hint: "send again", detail: "send it again (keys in the first 0.5 s are ignored)"),
    Binding(
      keys: [.character("n"), .escape], label: "n/Esc", contexts: [.confirmRepeat], action: .closeOverlay,
      hint: "don't send", detail: "don't send; the draft stays in the composer"),
  ]

  /// The binding of `key` in `context`, if any, whether or not it applies in the current situation.
  static func binding(for key: Key, in context: BindingContext) -> Binding? {
    table.first { $0.contexts.contains(context) && $0.keys.contains(key) }
  }

  /// The action bound to `key` in `context`, if any.
  static func action(for key: Key, in context: BindingContext) -> Action? {
    binding(for: key, in: context)?.action
  }

  /// The bindings of `context` that apply in `situation`, in table order.
  static func bindings(
    for context: BindingContext, in situation: BindingSituation = .standard
  ) -> [Binding] {
    table.filter { $0.contexts.contains(context) && $0.condition.holds(in: situation) }
  }

  /// The footer hints of `context` in `situation`, in table order.
  static func footerHints(
    for context: BindingContext, in situation: BindingSituation = .standard
  ) -> [(label: String, hint: String)] {
    bindings(for: context, in: situation).filter(\.inFooter).map { ($0.label, $0.hint) }
  }

  /// What typing a printable key does where no binding claims it.
  static func textEntryHint(for context: BindingContext) -> String? {
    switch context {
    case .suggestions: return "other keys start a written reply"
    case .composer, .escalationNote, .replayNote: return "printable keys type text"
    default: return nil
    }
  }
}
