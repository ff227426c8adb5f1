extension Bindings {
  /// The keys of the template finder and of the save-as-template prompt (its intent, then its
  /// conditions); part of the live table.
  static let templateKeys: [Binding] = [
    Binding(
      keys: [.enter], label: "Enter", contexts: [.templateFinder], action: .insertFound, hint: "insert",
      detail: "insert it, filled, into the draft to edit (nothing is sent)"),
    Binding(keys: [.up], label: "↑", contexts: [.templateFinder], action: .pickerUp, hint: "previous"),
    Binding(keys: [.down], label: "↓", contexts: [.templateFinder], action: .pickerDown, hint: "next"),
    Binding(
      keys: [.escape], label: "Esc", contexts: [.templateFinder], action: .closeOverlay, hint: "close",
      detail: "close without changing the draft"),
    Binding(
      keys: [.enter], label: "Enter", contexts: [.templateIntent], action: .nextStep, hint: "conditions",
      detail: "on to the template's conditions"),
    Binding(
      keys: [.up], label: "↑", contexts: [.templateConditions], action: .pickerUp, hint: "previous",
      inFooter: false),
    Binding(
      keys: [.down], label: "↓", contexts: [.templateConditions], action: .pickerDown, hint: "next",
      inFooter: false),
    Binding(
      keys: [.character(" ")], label: "Space", contexts: [.templateConditions], action: .toggleCondition,
      hint: "keep/drop", detail: "keep or drop the highlighted condition"),
    Binding(
      keys: [.right], label: "→", contexts: [.templateConditions], action: .cursorRight, hint: "value",
      detail: "the highlighted condition's next value"),
    Binding(
      keys: [.left], label: "←", contexts: [.templateConditions], action: .cursorLeft, hint: "previous value",
      inFooter: false, detail: "the highlighted condition's previous value"),
    Binding(
      keys: [.enter], label: "Enter", contexts: [.templateConditions], action: .saveTemplate, hint: "save",
      detail: "save it (a near duplicate is named in the box first)"),
    Binding(
      keys: [.escape], label: "Esc", contexts: [.templateIntent, .templateConditions], action: .closeOverlay,
      hint: "cancel", detail: "cancel: nothing is saved"),
  ]
}
