import Foundation
import ReplyDeskCore

/// The latest agent turn up to the current step: what was decided and how long it took, the
/// reply (an edit as a word diff), and the suggestions exactly as they were shown, the chosen
/// one marked.
enum ReplayTurnPane {
  static func draw(_ session: ReplaySession, in rect: Rect, grid: inout CellGrid) {
    let latest = session.stepsSoFar.enumerated().last { $0.element.agentTurn != nil }
    guard let latest, let turn = latest.element.agentTurn else {
      Chrome.title("Agent turn", in: rect, focused: false, grid: &grid)
      grid.write("No agent turn yet", x: rect.x + 1, y: rect.y + 1, limit: rect.maxX, role: .dim)
      return
    }
    let current = latest.offset == session.timeline.position
    Chrome.title(
      "Agent turn · step \(latest.offset + 1)\(current ? "" : " (earlier)")", in: rect, focused: current,
      grid: &grid)
    var y = rect.y + 1
    let width = max(rect.width - 2, 1)
    let summaryLines = TextWrap.wrap(TextWrap.styled([(summary(turn), .help)]), width: width)
    let replyLines = TextWrap.wrap(TextWrap.styled(replyRuns(turn)), width: width)
    let replyHeight = min(replyLines.count, max((rect.height - 4) / 2, 1))
    for line in summaryLines.prefix(2) + replyLines.prefix(replyHeight) where y < rect.maxY {
      grid.draw(line, x: rect.x + 1, y: y, limit: rect.maxX - 1)
      y += 1
    }
    guard y + 1 < rect.maxY else { return }
    let ranker = turn.ranker.map { " · \(DisplayText.singleLine($0))" } ?? ""
    let label = turn.shown.isEmpty ? "No suggestions were shown" : "Shown (✓ chosen)\(ranker)"
    Chrome.title(label, in: Rect(x: rect.x, y: y, width: rect.width, height: 1), focused: false, grid: &grid)
    let rows = turn.shown.map { shown in
      SuggestionRow(
        rank: shown.rank, runs: [(DisplayText.singleLine(shown.text), .normal)],
        score: shown.score, source: shown.source.description)
    }
    let chosen = turn.shown.firstIndex { $0.rank == turn.chosenRank }
    SuggestionList.draw(
      rows, highlighted: chosen ?? 0, mark: chosen == nil ? nil : "✓",
      in: Rect(x: rect.x, y: y + 1, width: rect.width, height: rect.maxY - y - 1), grid: &grid)
  }

  /// "Edited suggestion 2 (3 words changed) · took 12.4 s".
  static func summary(_ turn: AgentTurnReplay) -> String {
    let what: String
    switch turn.decision {
    case .accepted(_, let rank, _): what = "Sent suggestion \(rank) unchanged"
    case .edited(_, let rank, _, _):
      let changed = turn.edit?.changedWordCount ?? 0
      what = "Edited suggestion \(rank) (\(changed) word\(changed == 1 ? "" : "s") changed)"
    case .written: what = "Wrote a reply"
    case .autoSent(_, let rank, _, let confidence):
      what = "Autopilot sent suggestion \(rank) (confidence \(String(format: "%.2f", confidence)))"
    case .escalated(let reason, _): what = "Escalated: \(DisplayText.singleLine(reason))"
    }
    return "\(what) · took \(seconds(turn.responseSeconds))"
  }

  /// "4.2 s", "1 min 05 s".
  static func seconds(_ value: Double) -> String {
    guard value >= 60 else { return String(format: "%.1f s", value) }
    let whole = Int(value.rounded())
    return String(format: "%d min %02d s", whole / 60, whole % 60)
  }

  /// The reply as sent; an edit as a word diff with deletions as [-…-] and insertions as {+…+}.
  static func replyRuns(_ turn: AgentTurnReplay) -> [(text: String, role: StyleRole)] {
    if let edit = turn.edit {
      return edit.runs.map { run in
        let words = run.words.map(DisplayText.singleLine).joined(separator: " ")
        switch run.operation {
        case .equal: return (words + " ", .normal)
        case .delete: return ("[-\(words)-] ", .deleted)
        case .insert: return ("{+\(words)+} ", .inserted)
        }
      }
    }
    switch turn.decision {
    case .escalated(_, let note):
      return note.isEmpty ? [("No note", .dim)] : [("Note: " + DisplayText.singleLine(note), .normal)]
    default:
      return [("Sent: ", .dim), (DisplayText.singleLine(turn.decision.sentText ?? ""), .agent)]
    }
  }
}
