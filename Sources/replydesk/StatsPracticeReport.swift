import Foundation
import ReplyDeskStore

/// `replydesk stats --practice`: one row per trainee and suggestion mode (shown or hidden), as a
/// table or as JSON lines.
enum StatsPracticeReport {
  static func print(_ rows: [PracticeStatsRow], json: Bool) throws {
    if json {
      for row in rows { Swift.print(try CommandJSON.line(row)) }
      return
    }
    guard !rows.isEmpty else {
      Swift.print("No practice chats recorded.")
      return
    }
    let header = [
      "TRAINEE", "SUGGESTIONS", "CHATS", "SCORED", "HANDLE", "1ST RESP", "ACCEPTED", "EDITED", "WRITTEN",
      "ESCALATED", "SLIPS", "RANKER AGREEMENT",
    ]
    let lines = rows.map { row in
      [
        row.trainee, row.suggestions, "\(row.chats)", "\(row.scoredChats)",
        StatsFormat.seconds(row.meanHandleSeconds), StatsFormat.seconds(row.meanFirstResponseSeconds),
        "\(row.accepted)", "\(row.edited)", "\(row.written)", "\(row.escalated)", "\(row.policySlips)",
        agreement(row),
      ]
    }
    Swift.print(TextTable.render(header: header, rows: lines))
    let slipLines = rows.flatMap { row in
      row.commonSlips.map { [row.trainee, row.suggestions, "\($0.count)", $0.rule] }
    }
    guard !slipLines.isEmpty else { return }
    Swift.print("\nMost common policy slips:")
    Swift.print(TextTable.render(header: ["TRAINEE", "SUGGESTIONS", "SLIPS", "RULE"], rows: slipLines))
  }

  /// "45.0% (9 of 20)", or "-" when the ranker had no choice for any decision.
  private static func agreement(_ row: PracticeStatsRow) -> String {
    guard let rate = row.rankerAgreement else { return "-" }
    return "\(StatsFormat.percent(rate)) (\(row.agreedWithRanker) of \(row.rankedDecisions))"
  }
}

/// How stats tables print rates and times; "-" when there is nothing to show.
enum StatsFormat {
  static func percent(_ rate: Double?) -> String {
    rate.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
  }

  static func seconds(_ value: Double?) -> String {
    value.map { String(format: "%.1fs", $0) } ?? "-"
  }
}
