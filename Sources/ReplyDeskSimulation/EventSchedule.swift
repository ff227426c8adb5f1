import Foundation
import ReplyDeskCore

/// The simulated channel's pending events in time order (ties in the order they were added).
struct EventSchedule {
  enum Action: Equatable {
    case arrive
    case deliver(ChannelEvent)
    /// The customer has waited too long for a reply in this chat.
    case nudge(ChatID)
  }

  struct Entry: Equatable {
    var time: Date
    var action: Action
    var chat: ChatID?
    /// A customer message the representative should answer, which starts the patience timer.
    var expectsReply: Bool
  }

  private var entries: [Entry] = []

  var nextTime: Date? { entries.first?.time }

  mutating func add(time: Date, action: Action, chat: ChatID? = nil, expectsReply: Bool = false) {
    let entry = Entry(time: time, action: action, chat: chat, expectsReply: expectsReply)
    let index = entries.firstIndex { $0.time > time } ?? entries.endIndex
    entries.insert(entry, at: index)
  }

  /// The earliest entry due by `now`, removed from the schedule.
  mutating func popDue(by now: Date) -> Entry? {
    guard let first = entries.first, first.time <= now else { return nil }
    return entries.removeFirst()
  }

  /// The time of the last entry planned for `chat`, if any.
  func lastTime(for chat: ChatID) -> Date? {
    entries.last { $0.chat == chat }?.time
  }

  /// Removes pending nudges for `chat`; returns whether there were any.
  @discardableResult
  mutating func removeNudges(for chat: ChatID) -> Bool {
    let before = entries.count
    entries.removeAll { $0.action == .nudge(chat) }
    return entries.count != before
  }

  mutating func removeAll(for chat: ChatID) {
    entries.removeAll { $0.chat == chat }
  }
}
