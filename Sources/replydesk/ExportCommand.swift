import ArgumentParser
import ReplyDeskCore
import ReplyDeskStore

/// `replydesk export ID`: a session as JSON lines or Markdown, personal data redacted by default.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Export a session as JSON lines or Markdown (redacted by default).")

  /// Export formats.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case jsonl
    case markdown
  }

  @Argument(help: "The session id.")
  var id: String
  @Option(help: "jsonl or markdown.")
  var format: Format = .jsonl
  @Flag(help: "Keep names, emails, phone numbers, addresses and card numbers as recorded.")
  var noRedact = false
  @OptionGroup var store: StoreOptions

  func run() throws {
    let sessions = try store.open(.readOnly)
    let chat = ChatID(id)
    var summary = try sessions.session(chat)
    var events = try sessions.events(of: chat)
    if !noRedact {
      let profile = events.lazy.compactMap { event -> CustomerProfile? in
        if case .started(_, let customer, _) = event.kind { customer } else { nil }
      }.first
      let values = profile?.redactedValues ?? [:]
      let names = profile?.redactedNames ?? []
      summary.customerName = "[name]"
      events = events.map {
        SessionEvent(chat: $0.chat, time: $0.time, kind: $0.kind.redacted(hiding: values, names: names))
      }
    }
    switch format {
    case .jsonl: print(try TranscriptFormatter.jsonLines(events))
    case .markdown: print(TranscriptFormatter.markdown(summary, events: events))
    }
  }
}
