/// Where a key is pressed: an overlay, or the focused pane, in the live or the replay console.
enum BindingContext: String, CaseIterable, Sendable {
  case suggestions, composer, conversation, profile
  case help, escalationReason, escalationNote, confirmQuit, confirmSend
  case templateFinder, templateIntent, templateConditions
  case replayPicker, replay, replayRating, replayNote
  case floor, floorReplay

  /// The contexts of the live console, in help-screen order.
  static let live: [BindingContext] = [
    .suggestions, .composer, .conversation, .profile, .help, .escalationReason, .escalationNote, .confirmQuit,
    .confirmSend, .templateFinder, .templateIntent, .templateConditions,
  ]
  /// The contexts of the replay console, in help-screen order.
  static let replayContexts: [BindingContext] = [.replayPicker, .replay, .replayRating, .replayNote, .help]
  /// The contexts of the supervisor's floor, in help-screen order.
  static let floorContexts: [BindingContext] = [.floor, .floorReplay, .help]

  /// The title of this context's section on the help screen.
  var title: String {
    switch self {
    case .suggestions: return "Suggestions (default focus; typing writes the reply)"
    case .composer: return "Composer"
    case .conversation: return "Conversation pane"
    case .profile: return "Profile pane"
    case .help: return "Help screen"
    case .escalationReason: return "Escalation: reason"
    case .escalationNote: return "Escalation: note"
    case .confirmQuit: return "Quit with open chats"
    case .confirmSend: return "Send anyway?"
    case .templateFinder: return "Template finder"
    case .templateIntent: return "Save as template: intent"
    case .templateConditions: return "Save as template: conditions"
    case .replayPicker: return "Replay: session list"
    case .replay: return "Replay"
    case .replayRating: return "QA note: rating"
    case .replayNote: return "QA note: text"
    case .floor: return "Floor"
    case .floorReplay: return "Replay opened from the floor (read-only)"
    }
  }
}

/// What a key does.
enum Action: Equatable, Sendable {
  case sendNumbered, sendHighlighted, editHighlighted, highlightPrevious, highlightNext
  case focusNext, focusPrevious, leaveComposer
  case scrollPageUp, scrollPageDown, scrollLineUp, scrollLineDown
  case startEscalation, resolveChat, takeEscalated, takeNext, quit, showHelp, toggleAttention, saveAsTemplate
  case pickOrder, openFinder, insertFound, nextStep, toggleCondition, saveTemplate
  case nextChat, previousChat, jumpToChat
  case sendComposer, insertNewline, cursorLeft, cursorRight, cursorUp, cursorDown, cursorHome, cursorEnd
  case deleteBackward, deleteForward, deleteWord, clearDraft
  case closeOverlay, pickNumbered, pickerUp, pickerDown, chooseReason, confirmEscalation
  case quitHandingOver, quitResolving, sendAnyway
  case togglePlay, stepForward, stepBack, faster, slower, nextEscalation, nextEdit, toStart, toEnd
  case addNote, skipRating, saveNote, openSession, backToList, backToFloor
}

/// Which drafts a binding applies with: on the main screen a digit sends only while nothing is
/// written, and Enter sends the suggestion or the draft.
enum DraftRequirement: Sendable, Equatable {
  case any
  /// Only while the reply draft is empty; with a draft the key is typed (or does something else).
  case empty
  /// Only while something is written in the draft.
  case written

  func allows(draftIsEmpty: Bool) -> Bool {
    switch self {
    case .any: return true
    case .empty: return draftIsEmpty
    case .written: return !draftIsEmpty
    }
  }
}

/// One entry of the binding table: keys, where they apply (contexts, the draft, and a condition on
/// what the console shows), what they do, the short hint shown in the footer (when `inFooter`) and
/// the longer text of the help screen.
struct Binding: Sendable {
  var keys: [Key]
  var label: String
  var contexts: [BindingContext]
  var action: Action
  var hint: String
  var inFooter = true
  var detail: String?
  var condition = BindingCondition.always
  var draft = DraftRequirement.any

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
  static let textEditing: [BindingContext] = [
    .composer, .escalationNote, .replayNote, .templateFinder, .templateIntent,
  ]

  /// Every binding: live, replay and floor.
  static let table: [Binding] = liveTable + floorTable + replayTable

  /// The binding of `key` in `context` with a draft that is empty or not, if any, whether or not its
  /// condition holds in the current situation.
  static func binding(for key: Key, in context: BindingContext, draftIsEmpty: Bool = true) -> Binding? {
    table.first {
      $0.contexts.contains(context) && $0.keys.contains(key) && $0.draft.allows(draftIsEmpty: draftIsEmpty)
    }
  }

  /// The action bound to `key` in `context` with a draft that is empty or not, if any.
  static func action(for key: Key, in context: BindingContext, draftIsEmpty: Bool = true) -> Action? {
    binding(for: key, in: context, draftIsEmpty: draftIsEmpty)?.action
  }

  /// The bindings of `context` that apply in `situation`, in table order.
  static func bindings(
    for context: BindingContext, in situation: BindingSituation = .standard
  ) -> [Binding] {
    table.filter { $0.contexts.contains(context) && $0.condition.holds(in: situation) }
  }

  /// The footer hints of `context` in `situation` (its draft included), in table order.
  static func footerHints(
    for context: BindingContext, in situation: BindingSituation = .standard
  ) -> [(label: String, hint: String)] {
    bindings(for: context, in: situation)
      .filter { $0.inFooter && $0.draft.allows(draftIsEmpty: situation.draftIsEmpty) }
      .map { ($0.label, $0.hint) }
  }

  /// What typing a printable key does where no binding claims it.
  static func textEntryHint(for context: BindingContext) -> String? {
    switch context {
    case .suggestions, .conversation, .profile: return "other printable keys type the reply"
    case .composer, .escalationNote, .replayNote: return "printable keys type text"
    case .templateFinder: return "printable keys type the search: words, id or intent"
    case .templateIntent: return "printable keys type the intent"
    default: return nil
    }
  }
}
