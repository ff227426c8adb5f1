import ArgumentParser
import Foundation
import ReplyDeskStore

/// `replydesk stats`: how much the suggestions help, overall or per representative, day or intent,
/// on live chats by default; `--practice` reports trainees' practice scorecards instead.
struct StatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract:
      "Acceptance, CSAT, edit, coverage, escalation, automation and autopilot rates, response times, use by source."
  )

  @Option(help: "Group rows by rep, day or intent (default: one row for all sessions).")
  var by: StatsGrouping = .all
  @Option(
    help: """
      Count one channel's sessions: live (the default: every session but demo and practice chats), \
      demo, practice or all.
      """)
  var channel: StatsChannel = .live
  @Flag(
    help: """
      Practice scorecards per trainee instead: chats, mean handle and first-response time, replies \
      accepted, edited and written, policy slips, agreement with the ranker's top choice.
      """)
  var practice = false
  @Flag(help: "One JSON object per row (with its split by suggestion source) instead of tables.")
  var json = false
  @OptionGroup var store: StoreOptions

  func validate() throws {
    if practice && (by != .all || channel != .live) {
      throw ValidationError("--practice reports practice chats per trainee: --by and --channel do not apply")
    }
  }

  func run() throws {
    if practice {
      try StatsPracticeReport.print(try store.open(.readOnly).practiceStats(), json: json)
      return
    }
    let sessions = try store.open(.readOnly)
    let rows = try sessions.stats(by: by, channel: channel)
    guard !rows.isEmpty else {
      let elsewhere =
        channel == .all ? 0 : try sessions.stats(by: .all, channel: .all).reduce(0) { $0 + $1.sessions }
      let explanation =
        elsewhere == 0
        ? "No \(channel == .all ? "" : "\(channel.rawValue) ")sessions recorded."
        : "No \(channel.rawValue) sessions recorded; \(elsewhere) on other channels (see --channel all)."
      // With --json, standard output stays JSON lines (none here); the reason goes to standard error.
      if json {
        FileHandle.standardError.write(Data((explanation + "\n").utf8))
      } else {
        print(explanation)
      }
      return
    }
    if json {
      for row in rows { print(try CommandJSON.line(row)) }
      return
    }
    print(mainTable(rows))
    let hidden = rows.reduce(0) { $0 + $1.suggestionsHiddenSessions }
    if hidden > 0 {
      print("Practice sessions with hidden suggestions: \(hidden) (they count in no suggestion figure).")
    }
    print("\nBy suggestion source (a list is the suggestions shown after a customer message):")
    print(sourceTable(rows))
  }

  /// One line per group: turns, acceptance with customer satisfaction (CSAT) beside it, the other rates and times.
  private func mainTable(_ rows: [StatsRow]) -> String {
    let header = [
      by == .all ? "GROUP" : by.rawValue.uppercased(), "SESSIONS", "CUST TURNS", "AGENT TURNS", "TOP-1",
      "TOP-4", "CSAT", "CSAT 4-5", "RATED", "EDIT", "COVERAGE", "ESCALATED", "1ST RESP", "HANDLE",
      "AUTOMATED",
      "AUTO-SENT",
    ]
    let lines = rows.map { row in
      [
        row.group, "\(row.sessions)", "\(row.customerTurns)", "\(row.agentTurns)",
        StatsFormat.percent(row.top1AcceptanceRate), StatsFormat.percent(row.top4AcceptanceRate),
        row.meanRating.map { String(format: "%.2f", $0) } ?? "-", StatsFormat.percent(row.satisfiedRate),
        "\(row.ratedSessions)", StatsFormat.percent(row.editRate), StatsFormat.percent(row.coverage),
        StatsFormat.percent(row.escalationRate), StatsFormat.seconds(row.meanFirstResponseSeconds),
        StatsFormat.seconds(row.meanHandleSeconds), StatsFormat.percent(row.automationRate),
        StatsFormat.percent(row.autoSentRate),
      ]
    }
    return TextTable.render(header: header, rows: lines)
  }

  /// One line per group and origin: lists and suggestions shown, accepted (auto-sent included), edited.
  private func sourceTable(_ rows: [StatsRow]) -> String {
    let header = [
      by == .all ? "GROUP" : by.rawValue.uppercased(), "SOURCE", "LISTS", "SHOWN", "ACCEPTED", "AUTO-SENT",
      "EDITED", "ACCEPTED/LIST", "EDITED/LIST",
    ]
    let lines = rows.flatMap { row in
      SuggestionOrigin.allCases.map { origin in
        let usage = row.sources[origin]
        return [
          row.group, origin.rawValue, "\(usage.shownLists)", "\(usage.shownSuggestions)", "\(usage.accepted)",
          "\(usage.autoSent)", "\(usage.edited)", StatsFormat.percent(usage.acceptanceRate),
          StatsFormat.percent(usage.editRate),
        ]
      }
    }
    return TextTable.render(header: header, rows: lines)
  }
}
