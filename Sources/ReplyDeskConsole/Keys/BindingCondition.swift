/// What the console is showing, as far as bindings care: some apply only in some situations.
struct BindingSituation: Sendable, Equatable {
  /// Practice with hidden suggestions: the ranker ranks silently and nothing can be sent from a list.
  var suggestionsHidden = false
  /// Nothing is written in the reply draft (decides what digits and Enter do on the main screen).
  var draftIsEmpty = true

  /// Suggestions on screen, as in the live console, the demo and the replay console.
  static let standard = BindingSituation()
}

/// When a binding applies, besides the contexts it lists. A binding that does not apply is left out
/// of the footer and the help screen, and its keys only say why.
enum BindingCondition: Sendable, Equatable {
  /// Whenever one of its contexts has the keys.
  case always
  /// Only while the ranker's suggestions are on screen.
  case suggestionsVisible

  func holds(in situation: BindingSituation) -> Bool {
    switch self {
    case .always: return true
    case .suggestionsVisible: return !situation.suggestionsHidden
    }
  }

  /// The status message for a key whose binding does not apply (never needed for `.always`).
  var refusal: String {
    switch self {
    case .always: return ""
    case .suggestionsVisible: return "No suggestions in this practice: write the reply yourself"
    }
  }
}

extension ConsoleState {
  /// The situation that decides which bindings apply now.
  var bindingSituation: BindingSituation {
    BindingSituation(suggestionsHidden: hideSuggestions, draftIsEmpty: composer.isEmpty)
  }
}
