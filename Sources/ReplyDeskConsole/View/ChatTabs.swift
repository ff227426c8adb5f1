import Foundation
import ReplyDeskCore

/// The chat strip under the header: each taken chat as "N Name", with its unread count in
/// brackets, "!m:ss" once its customer has waited too long, "!AP" when autopilot handed it over,
/// and its outcome once closed. The focused chat is selected; late chats are in the warning style.
enum ChatTabs {
  static func draw(_ state: ConsoleState, in rect: Rect, grid: inout CellGrid) {
    grid.fill(rect, role: .status)
    let tabs = state.chats.indices.map { tab(state, index: $0) }
    var first = 0
    let focused = state.focusedChat ?? 0
    while first < focused, width(tabs[first...]) > rect.width { first += 1 }
    var runs: [(text: String, role: StyleRole)] = [(first > 0 ? "…" : " ", .status)]
    for (offset, tab) in tabs[first...].enumerated() {
      if offset > 0 { runs.append(("│", .border)) }
      runs.append(tab)
    }
    grid.draw(
      TextWrap.truncate(TextWrap.styled(runs), width: rect.width), x: rect.x, y: rect.y, limit: rect.maxX)
  }

  /// One tab's text and style.
  static func tab(_ state: ConsoleState, index: Int) -> (text: String, role: StyleRole) {
    let chat = state.chats[index]
    var text = " \(index + 1) \(shortName(chat.conversation.profile))"
    if chat.unread > 0 { text += " (\(chat.unread))" }
    let late = chat.isOverdue(now: state.now, after: state.waitAlertSeconds)
    if late, let since = chat.awaitingReplySince { text += " !" + waitText(since: since, now: state.now) }
    if chat.autopilot.needsTakeover, chat.isOpen { text += " !AP" }
    if case .closed(let outcome) = chat.conversation.status { text += " · \(outcome.rawValue)" }
    text += " "
    if state.isFocused(index) { return (text, .selection) }
    if late || (chat.autopilot.needsTakeover && chat.isOpen) { return (text, .warning) }
    return (text, chat.isOpen ? .status : .dim)
  }

  /// "Dana W." from the profile, or the customer id when the name is empty.
  static func shortName(_ profile: CustomerProfile) -> String {
    let first = DisplayText.singleLine(profile.firstName)
    let last = DisplayText.singleLine(profile.lastName)
    guard !first.isEmpty else { return last.isEmpty ? DisplayText.singleLine(profile.id) : last }
    guard let initial = last.first else { return first }
    return "\(first) \(initial)."
  }

  private static func width(_ tabs: ArraySlice<(text: String, role: StyleRole)>) -> Int {
    tabs.reduce(1) { $0 + DisplayText.width($1.text) + 1 }
  }
}
