import Foundation

extension PracticeScorecard {
  /// The one-paragraph summary stored with the session as a QA note.
  public var summary: String {
    var parts = [
      "Practice scorecard (\(scenario)): handle \(Self.duration(handleSeconds))",
      "first response \(firstResponseSeconds.map(Self.duration) ?? "-")",
      "\(accepted) accepted, \(edited) edited, \(written) written, \(escalated) escalated",
      "\(agreedWithRanker) of \(turns.count) replies matched the ranker's first choice",
    ]
    let rules = slips.map { "\($0.rule.summary) (reply \($0.reply))" }
    parts.append(slips.isEmpty ? "no policy slips" : "policy slips: " + rules.joined(separator: "; "))
    return parts.joined(separator: ", ")
  }

  /// The full plain-text scorecard: figures, slips, then every reply beside the ranker's choice.
  public var text: String {
    let who = customerName.map { " with \($0)" } ?? ""
    var lines = [
      "Chat \(chat)\(who) (\(scenario)), outcome: \(outcome?.rawValue ?? "not ended")",
      "  customer's goal  \(goal ?? "-")",
      "  handle time      \(Self.duration(handleSeconds))",
      "  first response   \(firstResponseSeconds.map(Self.duration) ?? "-")",
      "  suggestions      \(accepted) accepted, \(edited) edited; \(written) written, \(escalated) escalated",
      "  ranker agreement \(agreedWithRanker) of \(turns.count) replies were its first choice",
    ]
    if slips.isEmpty {
      lines.append("  policy slips     none")
    } else {
      lines.append("  policy slips     \(slips.count)")
      for slip in slips {
        lines.append("    reply \(slip.reply): did not \(slip.rule.summary): \"\(Self.clip(slip.text))\"")
      }
    }
    for (number, turn) in turns.enumerated() {
      lines.append("  \(number + 1). customer: \(Self.clip(turn.customerText))")
      lines.append(
        "     you (\(turn.how), \(Self.duration(turn.responseSeconds))): \(Self.clip(turn.traineeReply))")
      let ranker =
        turn.rankerChoice == turn.traineeReply
        ? "same" : turn.rankerChoice.map { (turn.agreesWithRanker ? "same meaning: " : "") + Self.clip($0) }
      lines.append("     ranker: \(ranker ?? "no suggestions shown")")
    }
    return lines.joined(separator: "\n")
  }

  /// Totals over several practice chats, for the end of a session.
  public static func totals(_ cards: [PracticeScorecard]) -> String {
    let replies = cards.reduce(0) { $0 + $1.turns.count }
    let used = cards.reduce(0) { $0 + $1.accepted + $1.edited }
    let slips = cards.reduce(0) { $0 + $1.slips.count }
    let handle = cards.isEmpty ? 0 : cards.reduce(0) { $0 + $1.handleSeconds } / Double(cards.count)
    let firsts = cards.compactMap(\.firstResponseSeconds)
    let first = firsts.isEmpty ? "-" : duration(firsts.reduce(0, +) / Double(firsts.count))
    return
      "\(cards.count) chats: mean handle \(duration(handle)), mean first response \(first), "
      + "\(used) of \(replies) replies from suggestions, \(slips) policy slips"
  }

  static func duration(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded())
    return whole < 60 ? "\(whole)s" : "\(whole / 60)m\(String(format: "%02d", whole % 60))s"
  }

  private static func clip(_ text: String) -> String {
    let line = text.replacingOccurrences(of: "\n", with: " ")
    return line.count <= 90 ? line : String(line.prefix(89)) + "…"
  }
}
