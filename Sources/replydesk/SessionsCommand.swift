import ArgumentParser
import Foundation
import ReplyDeskCore
import ReplyDeskStore

/// `replydesk sessions …`: list recorded chats, show one transcript, add a QA note.
struct SessionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sessions",
    abstract: "List, show and annotate recorded chat sessions.",
    subcommands: [SessionsListCommand.self, SessionsShowCommand.self, SessionsNoteCommand.self],
    defaultSubcommand: SessionsListCommand.self
  )
}

/// `replydesk sessions [list]`: a table or JSON lines of sessions, newest first.
struct SessionsListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List sessions, newest first.")

  @Option(help: "Sessions started on or after this day (YYYY-MM-DD, UTC) or ISO 8601 time.")
  var from: DateArgument?
  @Option(help: "Sessions started up to this day (inclusive) or before this ISO 8601 time.")
  var to: DateArgument?
  @Option(help: "resolved, escalated, abandoned, left-queue or interrupted.")
  var outcome: SessionOutcome?
  @Option(help: "The representative's name.")
  var rep: String?
  @Option(help: "Words that must all appear in one customer message or sent reply.")
  var search: String?
  @Option(help: "At most this many sessions.")
  var limit: Int?
  @Flag(help: "One JSON object per line instead of a table.")
  var json = false
  @OptionGroup var store: StoreOptions

  func run() throws {
    let filter = SessionFilter(
      from: from?.date, to: to?.exclusiveEnd, outcome: outcome, representative: rep, search: search,
      limit: limit)
    let sessions = try store.open(.readOnly).sessions(matching: filter)
    if json {
      for session in sessions { print(try CommandJSON.line(session)) }
      return
    }
    guard !sessions.isEmpty else {
      print("No sessions match.")
      return
    }
    let rows = sessions.map { session in
      [
        session.id.rawValue, session.startedAt.formatted(.iso8601), session.representative,
        session.customerName, session.channel, session.outcome?.rawValue ?? "open", "\(session.eventCount)",
      ]
    }
    print(
      TextTable.render(
        header: ["ID", "STARTED (UTC)", "REP", "CUSTOMER", "CHANNEL", "OUTCOME", "EVENTS"], rows: rows))
  }
}

/// `replydesk sessions show ID`: the transcript with every decision marked.
struct SessionsShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Print a session's transcript with decisions marked.")

  @Argument(help: "The session id.")
  var id: String
  @OptionGroup var store: StoreOptions

  func run() throws {
    let sessions = try store.open(.readOnly)
    let chat = ChatID(id)
    print(TranscriptFormatter.plain(try sessions.session(chat), events: try sessions.events(of: chat)))
  }
}

/// `replydesk sessions note ID TEXT [--rating N]`: appends a QA note (never edits the log).
struct SessionsNoteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "note", abstract: "Append a QA note, optionally with a 1-5 rating, to a session.")

  @Argument(help: "The session id.")
  var id: String
  @Argument(help: "The note.")
  var text: String
  @Option(help: "A rating from 1 to 5.")
  var rating: Int?
  @OptionGroup var store: StoreOptions

  func validate() throws {
    if let rating, !(1...5).contains(rating) {
      throw ValidationError("--rating must be from 1 to 5")
    }
  }

  func run() throws {
    let sessions = try store.open(.readWrite)
    _ = try sessions.session(ChatID(id))
    try sessions.appendQANote(to: ChatID(id), text: text, rating: rating)
  }
}
