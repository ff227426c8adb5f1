import Foundation
import ReplyDeskCore

/// Seconds a suggestion row must stay unchanged on screen before a number key or Enter sends it:
/// 0.5 s. A key that lands sooner was aimed at what the row showed before (people need about a
/// quarter of a second to notice a change and more to read it), so it is refused, not delivered.
/// Measured from the times the events carry, never from a clock.
let suggestionSettleSeconds = 0.5

/// The notice a refused number key or Enter puts on the status line.
let suggestionsJustChangedNotice = "The suggestions just changed — check them and press again"

/// The suggestion list of one chat: its rows, the highlight, what the ranker reported of its top
/// suggestion, when each row last changed on screen, and what was last recorded as shown.
struct ChatSuggestions: Equatable, Sendable {
  var rows: [Suggestion] = []
  /// The conversation words the ranker attended to for the top suggestion.
  var attended: [AttendedWord] = []
  /// The calibrated confidence of the shown top suggestion, when the ranker reports one.
  var confidence: Double?
  var highlighted = 0
  /// When each row last changed on screen, by row (see `suggestionSettleSeconds`).
  var rowChangedAt: [Date] = []
  /// The customer turn whose suggestions were last recorded as shown.
  var recordedForTurn: Int?
  /// The suggestion ids last recorded as shown, so a decision is always recorded after its list.
  var recordedIDs: [String]?

  /// Shows `list` in place of the current rows; a row whose text differs from the row that was
  /// there counts as changed at `time`, an unchanged row keeps its time.
  mutating func show(_ list: [Suggestion], at time: Date) {
    let before = rows
    let times = rowChangedAt
    rowChangedAt = list.indices.map { index in
      let unchanged = index < before.count && index < times.count && before[index].text == list[index].text
      return unchanged ? times[index] : time
    }
    rows = list
  }

  /// Every row counts as changed at `time`: a customer message made the list out of date, the chat
  /// was just put on screen, or a reply just went out.
  mutating func markEveryRowChanged(at time: Date) {
    rowChangedAt = rows.map { _ in time }
  }

  /// True while row `rank` (1-based) changed less than `suggestionSettleSeconds` before `now`.
  func rowIsSettling(rank: Int, at now: Date) -> Bool {
    guard rank >= 1, rank <= rowChangedAt.count else { return false }
    return now.timeIntervalSince(rowChangedAt[rank - 1]) < suggestionSettleSeconds
  }

  /// True while any row is settling at `now`.
  func listIsSettling(at now: Date) -> Bool {
    rowChangedAt.indices.contains { rowIsSettling(rank: $0 + 1, at: now) }
  }

  /// When the last row settling at `now` settles, if any.
  func settlesAt(after now: Date) -> Date? {
    rowChangedAt.map { $0.addingTimeInterval(suggestionSettleSeconds) }.filter { $0 > now }.max()
  }
}

extension ConsoleState {
  /// When the focused chat's list settles, so the runner wakes to redraw it as ready.
  var nextSettleTime: Date? { active?.suggestions.settlesAt(after: now) }
}

/// Records `list` as shown in `chat` at `time`, and remembers it as the list last recorded.
func recordShown(_ list: [Suggestion], in chat: inout ActiveChat, ranker: String, at time: Date)
  -> ConsoleEffect
{
  chat.suggestions.recordedIDs = list.map(\.id)
  let shown = list.enumerated().map { ShownSuggestion(rank: $0.offset + 1, suggestion: $0.element) }
  return .record(
    SessionEvent(chat: chat.id, time: time, kind: .suggestionsShown(suggestions: shown, ranker: ranker)))
}

/// Before a decision on the focused chat's list: records the list on screen when it is not the one
/// last recorded (re-ranked after a send, greetings before the first message), so the decision's
/// rank always refers to the list the representative saw.
func recordDisplayedList(_ state: inout ConsoleState) -> [ConsoleEffect] {
  guard var chat = state.active, chat.suggestions.recordedIDs != chat.suggestions.rows.map(\.id) else {
    return []
  }
  let name = state.rankerName ?? "ranker"
  let ranker = chat.suggestions.rows.contains(where: \.isGenerated) ? "\(name) + generated" : name
  let record = recordShown(chat.suggestions.rows, in: &chat, ranker: ranker, at: state.now)
  state.active = chat
  return [record]
}
