import Foundation
import ReplyDeskCore

/// Why and when a chat was handed over, and the summary whoever takes it reads first.
struct HandOver: Equatable, Sendable {
  var reason: String
  var note: String
  var escalatedAt: Date
  /// The hand-over summary, one line per fact (see `HandOverSummary.lines`).
  var summary: [String]
}

/// Writes the hand-over summary of a chat from what it holds: the intent, the order in question with
/// its state, what the customer asked, what was replied, and what is still open. Pure.
enum HandOverSummary {
  /// The first line of the summary as recorded, so a transcript shows what the note is.
  static let title = "Hand-over summary"
  /// Quotes longer than this many characters are cut with an ellipsis.
  static let quoteLength = 90

  /// The summary of `chat` handed over by `representative` for `reason` (with `note`) at `time`.
  static func lines(
    of chat: ActiveChat, reason: String, note: String, representative: String, at time: Date, zone: TimeZone
  ) -> [String] {
    let turns = chat.conversation.turns
    let customer = turns.filter { $0.speaker == .customer }
    let replies = turns.filter { $0.speaker == .agent }
    var lines = [
      "\(title): \(representative) handed over at \(Formatting.clock(time, in: zone)) because: \(reason)"
        + (note.isEmpty ? "." : "; note: \(note)")
    ]
    lines.append("Intent: \(intent(of: chat))")
    lines.append("Order in question: \(order(chat.orderInQuestion, zone: zone, today: time))")
    switch customer.count {
    case 0: lines.append("Customer asked: nothing yet.")
    case 1: lines.append("Customer asked: \(quote(customer[0].text))")
    default:
      lines.append(
        "Customer asked: \(quote(customer[0].text)); latest: \(quote(customer[customer.count - 1].text))")
    }
    if let last = replies.last {
      let count = replies.count == 1 ? "1 reply" : "\(replies.count) replies"
      lines.append("Replied: \(count); the last: \(quote(last.text))")
    } else {
      lines.append("Replied: nothing yet.")
    }
    lines.append("Still open: \(stillOpen(turns, reason: reason))")
    return lines
  }

  /// The scenario the chat was opened for, else the template that fits the chat best.
  private static func intent(of chat: ActiveChat) -> String {
    let scenario = chat.conversation.scenario
    if !scenario.isEmpty, scenario != "live" { return DisplayText.singleLine(scenario) }
    if case .template(let id)? = chat.suggestions.rows.first?.source {
      return "not stated; the best-fitting reply is \(DisplayText.singleLine(id))"
    }
    return "not stated; read the customer's first message."
  }

  /// The order's id, state, total, delivery and refund, and how it was worked out.
  private static func order(_ question: OrderInQuestion, zone: TimeZone, today: Date) -> String {
    guard let order = question.order else { return "none (no orders on file)." }
    let facts = OrderSummary.segments(order, zone: zone, today: today).map { segment in
      segment.full.map(\.text).joined()
    }
    let basis: String
    switch question.basis {
    case .pinned: basis = "picked by the representative"
    case .named: basis = "named by the customer"
    case .onlyOrder: basis = "the only order on file"
    case .onlyFitting: basis = "the only order that fits the question"
    case .mostRecent, .none: basis = "a guess, the most recent order: confirm it with the customer"
    }
    return facts.joined(separator: " · ") + " (\(basis))."
  }

  /// The customer's unanswered message, else the reason the chat was handed over.
  private static func stillOpen(_ turns: [Turn], reason: String) -> String {
    let spoken = turns.filter { $0.speaker != .system }
    if let last = spoken.last, last.speaker == .customer {
      return "the customer's last message has no reply yet: \(quote(last.text))"
    }
    return "\(reason); the customer waits for the specialist's reply."
  }

  private static func quote(_ text: String) -> String {
    let line = DisplayText.singleLine(text)
    let cut = line.count > quoteLength ? String(line.prefix(quoteLength - 1)) + "…" : line
    return "“\(cut)”"
  }
}
