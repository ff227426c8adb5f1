/// The help screen's lines, from the binding table: keys shared by every pane of the main screen,
/// then keys shared by every text field, each listed once, then each context's own keys. Contexts
/// with the same keys share a section, and an up/down or left/right pair of keys shares a line.
extension OverlayRender {
  /// The title of the help section that lists, once, the keys every pane of the main screen shares.
  static let everyPaneTitle = "Every pane of the main screen"
  /// The title of the help section that lists, once, the keys every text field shares.
  static let editingTitle = "Every text field (the reply, notes, searches)"

  private struct HelpSection {
    var title: String
    var entries: [(label: String, text: String)]
    var other: String?

    func sameKeys(as section: HelpSection) -> Bool {
      other == section.other && entries.map(\.label) == section.entries.map(\.label)
        && entries.map(\.text) == section.entries.map(\.text)
    }
  }

  /// Every binding from the table that applies in `situation`, grouped by context, plus what
  /// unbound printable keys do.
  static func helpLines(
    for contexts: [BindingContext] = BindingContext.live, in situation: BindingSituation = .standard
  ) -> [[(text: String, role: StyleRole)]] {
    var lines: [[(text: String, role: StyleRole)]] = []
    for section in helpSections(for: contexts, in: situation) {
      if !lines.isEmpty { lines.append([]) }
      lines.append([(section.title, .help)])
      for entry in section.entries { lines.append(helpLine(entry.label, entry.text)) }
      if let other = section.other { lines.append(helpLine("other", other)) }
    }
    return lines
  }

  private static func helpSections(for contexts: [BindingContext], in situation: BindingSituation)
    -> [HelpSection]
  {
    let groups = [Bindings.anyPane, Bindings.textEditing.filter(contexts.contains)]
      .filter { $0.count > 1 && Set($0).isSubset(of: contexts) }
    func shared(_ binding: Binding) -> Bool {
      groups.contains { Set($0).isSubset(of: binding.contexts) }
    }
    let paneHint = Bindings.textEntryHint(for: Bindings.panes[0])
    let panesGrouped = groups.contains(Bindings.anyPane)
    var sections: [HelpSection] = groups.map { group in
      let isPanes = group == Bindings.anyPane
      let keys = Bindings.bindings(for: group[0], in: situation).filter {
        Set(group).isSubset(of: $0.contexts)
      }
      return HelpSection(
        title: isPanes ? everyPaneTitle : editingTitle, entries: entries(keys),
        other: isPanes ? paneHint : nil)
    }
    for context in contexts {
      let own = Bindings.bindings(for: context, in: situation).filter { !shared($0) }
      let hint = Bindings.textEntryHint(for: context)
      let section = HelpSection(
        title: context.title, entries: entries(own), other: panesGrouped && hint == paneHint ? nil : hint)
      guard !section.entries.isEmpty || section.other != nil else { continue }
      if let last = sections.last, last.sameKeys(as: section) {
        sections[sections.count - 1].title += " / " + section.title
      } else {
        sections.append(section)
      }
    }
    return sections
  }

  /// Labels and texts of `bindings`, an up/down or left/right pair on one line ("↑/↓", "move the
  /// highlight up or down").
  private static func entries(_ bindings: [Binding]) -> [(label: String, text: String)] {
    let pairs: Set<[String]> = [["↑", "↓"], ["↓", "↑"], ["←", "→"], ["→", "←"], ["PgUp", "PgDn"]]
    var entries: [(label: String, text: String)] = []
    var index = 0
    while index < bindings.count {
      let binding = bindings[index]
      if index + 1 < bindings.count, pairs.contains([binding.label, bindings[index + 1].label]) {
        let next = bindings[index + 1]
        entries.append(("\(binding.label)/\(next.label)", joined(binding.helpText, next.helpText)))
        index += 2
      } else {
        entries.append((binding.label, binding.helpText))
        index += 1
      }
    }
    return entries
  }

  /// "move the highlight up" and "move the highlight down" as "move the highlight up or down".
  private static func joined(_ first: String, _ second: String) -> String {
    let a = first.split(separator: " ")
    let b = second.split(separator: " ")
    let common = zip(a, b).prefix { $0 == $1 }.count
    let shared = a.prefix(common).joined(separator: " ")
    let rest =
      a.dropFirst(common).joined(separator: " ") + " or " + b.dropFirst(common).joined(separator: " ")
    return shared.isEmpty ? rest : shared + " " + rest
  }

  private static func helpLine(_ label: String, _ text: String) -> [(text: String, role: StyleRole)] {
    [("  " + label.padding(toLength: 10, withPad: " ", startingAt: 0), .slot), (text, .normal)]
  }
}
