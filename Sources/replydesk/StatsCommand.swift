import ArgumentParser
import Foundation
import ReplyDeskStore

/// `replydesk stats`: how much the suggestions help, overall or per representative, day or intent.
struct StatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract:
      "Acceptance, edit, coverage, escalation, automation and autopilot rates, response times, and use by source."
  )

  @Option(help: "Group rows by rep, day or intent (default: one row for all sessions).")
  var by: StatsGrouping = .all
  @Flag(help: "One JSON object per row (with its split by suggestion source) instead of tables.")
  var json = false
  @OptionGroup var store: StoreOptions

  func run() throws {
    let rows = try store.open(.readOnly).stats(by: by)
    if json {
      for row in rows { print(try CommandJSON.line(row)) }
      return
    }
    guard !rows.isEmpty else {
      print("No sessions recorded.")
      return
    }
    let header = [
      by == .all ? "GROUP" : by.rawValue.uppercased(), "SESSIONS", "CUST TURNS", "AGENT TURNS", "TOP-1",
      "TOP-4", "EDIT", "COVERAGE", "ESCALATED", "1ST RESP", "HANDLE", "AUTOMATED", "AUTO-SENT",
    ]
    let lines = rows.map { row in
      [
        row.group, "\(row.sessions)", "\(row.customerTurns)", "\(row.agentTurns)",
        percent(row.top1AcceptanceRate), percent(row.top4AcceptanceRate), percent(row.editRate),
        percent(row.coverage), percent(row.escalationRate), seconds(row.meanFirstResponseSeconds),
        seconds(row.meanHandleSeconds), percent(row.automationRate), percent(row.autoSentRate),
      ]
    }
    print(TextTable.render(header: header, rows: lines))
    print("\nBy suggestion source (a list is the suggestions shown after a customer message):")
    print(sourceTable(rows))
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
          "\(usage.autoSent)", "\(usage.edited)", percent(usage.acceptanceRate), percent(usage.editRate),
        ]
      }
    }
    return TextTable.render(header: header, rows: lines)
  }

  private func percent(_ rate: Double?) -> String {
    rate.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
  }

  private func seconds(_ value: Double?) -> String {
    value.map { String(format: "%.1fs", $0) } ?? "-"
  }
}

extension StatsGrouping: ExpressibleByArgument {}
