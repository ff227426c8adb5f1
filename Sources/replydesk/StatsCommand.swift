import ArgumentParser
import Foundation
import ReplyDeskStore

/// `replydesk stats`: how much the suggestions help, overall or per representative, day or intent.
struct StatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Acceptance, edit, coverage, escalation and automation rates and response times.")

  @Option(help: "Group rows by rep, day or intent (default: one row for all sessions).")
  var by: StatsGrouping = .all
  @Flag(help: "One JSON object per row instead of a table.")
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
      "TOP-4", "EDIT", "COVERAGE", "ESCALATED", "1ST RESP", "HANDLE", "AUTOMATED",
    ]
    let lines = rows.map { row in
      [
        row.group, "\(row.sessions)", "\(row.customerTurns)", "\(row.agentTurns)",
        percent(row.top1AcceptanceRate), percent(row.top4AcceptanceRate), percent(row.editRate),
        percent(row.coverage), percent(row.escalationRate), seconds(row.meanFirstResponseSeconds),
        seconds(row.meanHandleSeconds), percent(row.automationRate),
      ]
    }
    print(TextTable.render(header: header, rows: lines))
  }

  private func percent(_ rate: Double?) -> String {
    rate.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
  }

  private func seconds(_ value: Double?) -> String {
    value.map { String(format: "%.1fs", $0) } ?? "-"
  }
}

extension StatsGrouping: ExpressibleByArgument {}
