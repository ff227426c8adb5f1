import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskCore
import ReplyDeskStore

/// `--store LOCATION`, shared by every command that opens the session store.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .customLong("store"),
    help: ArgumentHelp(
      "The session store: a file, sqlite:PATH or postgres://user@host:port/db (default: store: in "
        + "config.yaml, else $REPLYDESK_HOME/sessions.sqlite)."))
  var location: String?

  /// Opens the store; read-only commands never create or change an SQLite file.
  func open(_ mode: SessionStore.AccessMode) throws -> any SessionStoring {
    try StoreOpener(override: location).open(mode)
  }
}

/// Parses `YYYY-MM-DD` (UTC midnight) or a full ISO 8601 date-time.
struct DateArgument: ExpressibleByArgument {
  var date: Date
  /// True when only a day was given, so `--to` can include that whole day.
  var isWholeDay: Bool

  init?(argument: String) {
    if let day = try? Date.ISO8601FormatStyle().year().month().day().parse(argument) {
      date = day
      isWholeDay = true
    } else if let moment = try? Date.ISO8601FormatStyle().parse(argument) {
      date = moment
      isWholeDay = false
    } else {
      return nil
    }
  }

  /// The end of the range this argument closes: the next midnight for a whole day.
  var exclusiveEnd: Date { isWholeDay ? date.addingTimeInterval(24 * 60 * 60) : date }
}

/// Left-aligned text columns for terminal tables.
enum TextTable {
  static func render(header: [String], rows: [[String]]) -> String {
    let rows = rows.map { $0.map(oneLine) }
    let widths = header.indices.map { column in
      ([header] + rows).map { $0[column].count }.max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
        .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }
    return ([line(header)] + rows.map(line)).joined(separator: "\n")
  }

  private static func oneLine(_ cell: String) -> String {
    TerminalText.printable(cell).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(
      of: "\t", with: " ")
  }
}

/// JSON encoding for command output: sorted keys, ISO 8601 dates, and characters a terminal would
/// hide or reorder as `\u` escapes.
enum CommandJSON {
  static func line<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return InertText.escapedJSON(String(decoding: try encoder.encode(value), as: UTF8.self))
  }
}
