import Foundation
import ReplyDeskCore

/// What every session store offers the commands and the console, whichever database holds it
/// (an SQLite file for one person, a PostgreSQL server for a team).
///
/// `record` returns only once the events are committed. Statistics are worked out by the same
/// Swift code (`SessionTally`, `StatsCalculator`, `PracticeStatsCalculator`) from what a store
/// reads, so both backends define every figure identically.
public protocol SessionStoring: SessionRecorder, Sendable {
  /// The store as a person names it: a file path or a PostgreSQL URL (never with a password).
  var location: String { get }
  /// Appends events in one transaction: all of them are committed, or none.
  func record(contentsOf events: [SessionEvent]) throws
  /// Every event of one chat, in the order it was recorded.
  func events(of chat: ChatID) throws -> [SessionEvent]
  /// Sessions matching `filter`, newest first. A search without any word matches nothing.
  func sessions(matching filter: SessionFilter) throws -> [SessionSummary]
  /// The listing row of one session.
  func session(_ chat: ChatID) throws -> SessionSummary
  /// Statistics over the sessions of `channel`, one row per group.
  func stats(by grouping: StatsGrouping, channel: StatsChannel) throws -> [StatsRow]
  /// Practice figures per trainee, from the practice scores stored with practice chats.
  func practiceStats() throws -> [PracticeStatsRow]
  /// Ends as `interrupted` every open session whose starting process is gone; returns them.
  @discardableResult
  func closeInterruptedSessions(at time: Date) throws -> [ChatID]
  /// Stores the events of consoles' spill files that the store does not hold yet; returns how
  /// many were added.
  @discardableResult
  func recoverUnsavedEvents(from files: [UnsavedEventsFile]) throws -> Int
}

extension SessionStoring {
  /// Appends one event and returns once it is durably committed.
  public func record(_ event: SessionEvent) throws {
    try record(contentsOf: [event])
  }

  /// Appends a supervisor's or trainer's QA note, with an optional rating from 1 to 5.
  public func appendQANote(to chat: ChatID, text: String, rating: Int?, at time: Date = Date()) throws {
    try record(SessionEvent(chat: chat, time: time, kind: .qaNote(text: text, rating: rating)))
  }
}

/// Rules every store applies to an event before it is written, so both backends refuse the same.
package enum SessionEventRules {
  /// Throws `StoreError.invalidEvent` for a rating outside 1-5.
  package static func validate(_ event: SessionEvent) throws {
    switch event.kind {
    case .qaNote(_, let rating?) where !(1...5).contains(rating):
      throw StoreError.invalidEvent("a QA rating must be from 1 to 5, not \(rating)")
    case .rating(let score, _) where !SessionEventKind.ratingScale.contains(score):
      throw StoreError.invalidEvent("a customer rating must be from 1 to 5, not \(score)")
    default:
      return
    }
  }

  /// The system note and `ended(interrupted)` that close a session whose console died.
  package static func interruption(
    of chat: ChatID, by process: ProcessIdentity, at time: Date
  ) -> [SessionEvent] {
    let note =
      "The console that held this chat (process \(process.pid) on \(process.host)) stopped without "
      + "closing it; closed as interrupted when the next console started."
    return [
      SessionEvent(chat: chat, time: time, kind: .systemNote(text: note)),
      SessionEvent(chat: chat, time: time, kind: .ended(outcome: .interrupted)),
    ]
  }
}
