import Foundation
import ReplyDeskCore
import ReplyDeskEngine
import ReplyDeskStore

/// The ranker's training conversations from a session store (`replydesk train --from-store`): one
/// per recorded session of the selected channel and dates that has a reply to learn from (see
/// `SessionConversation`), oldest first, so the most recent sessions are a suffix.
public struct StoreCorpus: Sendable {
  /// Which sessions to learn from.
  public struct Selection: Sendable {
    public var channel: StatsChannel
    /// Sessions started at or after this time.
    public var since: Date?

    public init(channel: StatsChannel = .live, since: Date? = nil) {
      self.channel = channel
      self.since = since
    }
  }

  /// How many sessions matched and what became of them.
  public struct Tally: Sendable, Equatable {
    public var matched = 0
    public var used = 0
    /// Practice chats with suggestions hidden, left out.
    public var hiddenSuggestions = 0
    /// Sessions without a reply after a customer turn.
    public var nothingToLearn = 0
    /// Turns the representative escalated, left out.
    public var escalatedTurns = 0

    public init(
      matched: Int = 0, used: Int = 0, hiddenSuggestions: Int = 0, nothingToLearn: Int = 0,
      escalatedTurns: Int = 0
    ) {
      self.matched = matched
      self.used = used
      self.hiddenSuggestions = hiddenSuggestions
      self.nothingToLearn = nothingToLearn
      self.escalatedTurns = escalatedTurns
    }
  }

  public var conversations: [CorpusConversation]
  public var tally: Tally

  /// Reads every session `selection` picks from `store`; accepted and edited suggestions whose id
  /// is one of `templates` are learned as that template's text.
  public static func read(
    from store: any SessionStoring, selection: Selection, templates: [ReplyTemplate]
  ) throws -> StoreCorpus {
    let summaries: [SessionSummary]
    do {
      summaries = try store.sessions(matching: SessionFilter(from: selection.since))
        .filter { selection.channel.includes($0.channel) }
    } catch {
      throw CommandFailure("Cannot read the sessions of \(store.location)", error)
    }
    let converter = SessionConversation(
      templates: Dictionary(templates.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first }))
    var corpus = StoreCorpus(conversations: [], tally: Tally())
    for summary in summaries.sorted(by: { ($0.startedAt, $0.id.rawValue) < ($1.startedAt, $1.id.rawValue) }) {
      let events: [SessionEvent]
      do { events = try store.events(of: summary.id) } catch {
        throw CommandFailure("Cannot read session \(summary.id) of \(store.location)", error)
      }
      corpus.add(converter.convert(events))
    }
    return corpus
  }

  private mutating func add(_ outcome: SessionConversation.Outcome) {
    tally.matched += 1
    switch outcome {
    case .conversation(let conversation, let escalated):
      conversations.append(conversation)
      tally.used += 1
      tally.escalatedTurns += escalated
    case .hiddenSuggestions:
      tally.hiddenSuggestions += 1
    case .nothingToLearn(let escalated):
      tally.nothingToLearn += 1
      tally.escalatedTurns += escalated
    }
  }

  /// Throws a sentence saying what matched and how to get sessions to learn from when fewer than
  /// `minimum` sessions have a reply to learn from.
  public func requireSessions(_ minimum: Int, store: String, selection: Selection) throws {
    guard tally.used < minimum else { return }
    let since = selection.since.map { " since \($0.formatted(.iso8601.year().month().day()))" } ?? ""
    let which = "sessions on channel \(selection.channel.rawValue)\(since) in \(store)"
    if tally.matched == 0 {
      throw CommandFailure(
        "No \(which): record some by answering customers in `replydesk console` (live), `replydesk demo` "
          + "or `replydesk practice`, or choose other sessions with --channel (live, demo, practice, all) "
          + "and --since.")
    }
    throw CommandFailure(
      "Only \(tally.used) of \(tally.matched) \(which) have a reply to learn from (\(tally.hiddenSuggestions) "
        + "practised with suggestions hidden, \(tally.nothingToLearn) without a reply); training needs "
        + "at least \(minimum): record more chats or widen --channel and --since.")
  }

  /// One line: what was read and kept.
  public var summaryLine: String {
    "sessions \(tally.matched) matched, \(tally.used) used, \(tally.hiddenSuggestions) hidden-suggestion "
      + "practice and \(tally.nothingToLearn) without a reply left out, \(tally.escalatedTurns) escalated "
      + "turns left out"
  }
}
