import Foundation
import ReplyDeskCore

/// Renders a session's events as a readable transcript (plain text or Markdown) or as JSON lines.
public enum TranscriptFormatter {
  /// The transcript for `replydesk sessions show`: one line per message, decision and note.
  public static func plain(_ session: SessionSummary, events: [SessionEvent]) -> String {
    var lines = header(session).map { "\($0.0): \(TerminalText.printable($0.1))" }
    lines.append("")
    for event in events {
      guard let line = describe(event.kind) else { continue }
      let text = TerminalText.printable(line.text).replacingOccurrences(of: "\n", with: "\n    ")
      lines.append("[\(clock(event.time))] \(TerminalText.printable(line.speaker)): \(text)")
    }
    return lines.joined(separator: "\n")
  }

  /// A Markdown document: a header list, then one paragraph per message, decision and note.
  public static func markdown(_ session: SessionSummary, events: [SessionEvent]) -> String {
    var lines = ["# Session \(session.id)", ""]
    lines += header(session).map { "- **\($0.0)**: \(markdownEscaped($0.1))" }
    lines.append("")
    for event in events {
      guard let line = describe(event.kind) else { continue }
      let text = markdownEscaped(line.text).replacingOccurrences(of: "\n", with: "<br>")
      lines.append("**\(markdownEscaped(line.speaker))** `\(clock(event.time))`: \(text)")
      lines.append("")
    }
    return lines.joined(separator: "\n")
  }

  /// One JSON object per event: `{"session", "time" (ISO 8601), "event"}`.
  /// (Characters a terminal would hide or reorder are `\u` escapes: the data is exact, the output inert.)
  public static func jsonLines(_ events: [SessionEvent]) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(date))
    }
    return try events.map { event in
      InertText.escapedJSON(String(decoding: try encoder.encode(ExportedEvent(event)), as: UTF8.self))
    }.joined(separator: "\n")
  }

  private static func header(_ session: SessionSummary) -> [(String, String)] {
    [
      ("Session", session.id.rawValue),
      ("Representative", session.representative),
      ("Customer", "\(session.customerName) (\(session.customerID))"),
      ("Channel", session.channel),
      ("Started", session.startedAt.formatted(.iso8601)),
      ("Ended", session.endedAt?.formatted(.iso8601) ?? "still open"),
      ("Outcome", session.outcome?.rawValue ?? "open"),
    ]
  }

  /// Who the line is from and what it says, or nil for events a transcript leaves out (typing).
  static func describe(_ kind: SessionEventKind) -> (speaker: String, text: String)? {
    switch kind {
    case .started(let representative, let customer, let channel):
      return ("system", "\(representative) took \(customer.fullName)'s chat (\(channel))")
    case .customerMessage(let text):
      return ("customer", text)
    case .typing:
      return nil
    case .suggestionsShown(let suggestions, let ranker):
      let list = suggestions.map { "#\($0.rank) \($0.id) \(String(format: "%.2f", $0.score))" }
      return ("suggestions", "\(ranker): " + list.joined(separator: ", "))
    case .decision(let decision, let seconds):
      let took = String(format: "%.1fs", seconds)
      switch decision {
      case .accepted(_, let rank, let text): return ("agent [accepted #\(rank), \(took)]", text)
      case .edited(_, let rank, let original, let final):
        let diff = wordDiffText(WordDiff(from: original, to: final))
        return ("agent [edited #\(rank), \(took)]", "\(final)\nedit: \(diff)")
      case .written(let text): return ("agent [written, \(took)]", text)
      case .autoSent(_, let rank, let text, let confidence):
        return ("agent [auto-sent #\(rank) at \(String(format: "%.2f", confidence)), \(took)]", text)
      case .escalated(let reason, let note):
        let said = note.isEmpty ? "no note" : "note: \(note)"
        return ("system [escalated, \(took)]", "The representative handed the chat over (\(reason)); \(said)")
      }
    case .systemNote(let text):
      return ("system", text)
    case .qaNote(let text, let rating):
      return ("QA" + (rating.map { " \($0)/5" } ?? ""), text)
    case .ended(let outcome):
      return ("system", "chat ended: \(outcome.rawValue)")
    case .practiceScore(let score):
      return ("practice", practiceSummary(score))
    case .rating(let score, let comment):
      return ("customer rating", "\(score)/5" + (comment.map { ": \($0)" } ?? ""))
    case .intentResolved(let intent):
      return ("suggestions", "intent: \(intent)")
    }
  }

  /// Text made inert in Markdown on one line: control characters removed, characters that start
  /// emphasis, code, links, HTML, headings or tables escaped.
  static func markdownEscaped(_ text: String) -> String {
    var escaped = ""
    for character in TerminalText.printable(text) {
      if "\\`*_[]<>#|".contains(character) { escaped.append("\\") }
      escaped.append(character)
    }
    return escaped
  }

  /// A practice score on one line: scenario, handle time, how replies were made, slips, agreement.
  static func practiceSummary(_ score: PracticeScore) -> String {
    let hidden = score.suggestionsHidden ? ", suggestions hidden" : ""
    let slips =
      score.policySlips.isEmpty ? "no policy slips" : "slips: " + score.policySlips.joined(separator: "; ")
    return "scorecard (\(score.scenario)\(hidden)): handle \(String(format: "%.0fs", score.handleSeconds)), "
      + "\(score.accepted) accepted, \(score.edited) edited, \(score.written) written, "
      + "\(score.escalated) escalated, \(score.agreedWithRanker) of \(score.rankedDecisions) "
      + "the ranker's first choice, \(slips)"
  }

  /// A word diff in `git diff --word-diff` notation: `[-deleted-]` and `{+inserted+}`.
  static func wordDiffText(_ diff: WordDiff) -> String {
    diff.runs.map { run in
      let words = run.words.joined(separator: " ")
      switch run.operation {
      case .equal: return words
      case .delete: return "[-\(words)-]"
      case .insert: return "{+\(words)+}"
      }
    }.joined(separator: " ")
  }

  private static func clock(_ date: Date) -> String {
    date.formatted(.iso8601.time(includingFractionalSeconds: false))
  }
}

/// The JSON shape of one exported event.
private struct ExportedEvent: Encodable {
  var session: String
  var time: Date
  var event: SessionEventKind

  init(_ event: SessionEvent) {
    session = event.chat.rawValue
    time = event.time
    self.event = event.kind
  }
}

/// Text that is safe to print to a terminal, by the console's rules (`InertText`): controls shown
/// as control pictures, bidi overrides, zero-width characters and long combining-mark runs removed;
/// newlines are kept.
public enum TerminalText {
  public static func printable(_ text: String) -> String {
    InertText.neutralised(text, keepingNewlines: true, notation: .pictures)
  }
}
