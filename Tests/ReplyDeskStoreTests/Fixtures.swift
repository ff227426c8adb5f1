import Foundation
import ReplyDeskCore

@testable import ReplyDeskStore

/// A directory under the system temp dir that tests create files in; removed by `remove()`.
struct TemporaryDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "replydesk-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Builds the events of one chat with times relative to a base date.
struct ChatScript {
  let chat: ChatID
  let base: Date
  private(set) var events: [SessionEvent] = []

  init(_ id: String, base: Date) {
    chat = ChatID(id)
    self.base = base
  }

  mutating func add(_ seconds: Double, _ kind: SessionEventKind) {
    events.append(SessionEvent(chat: chat, time: base.addingTimeInterval(seconds), kind: kind))
  }

  mutating func start(rep: String, customer: String, channel: String) {
    add(0, .started(representative: rep, customer: Fixture.customer(customer), channel: channel))
  }

  mutating func say(_ seconds: Double, _ text: String) { add(seconds, .customerMessage(text: text)) }

  mutating func accept(_ seconds: Double, rank: Int, text: String = "Happy to help.") {
    add(
      seconds,
      .decision(decision: .accepted(suggestionID: "t\(rank)", rank: rank, text: text), responseSeconds: 1))
  }

  mutating func edit(_ seconds: Double, rank: Int, from original: String, to final: String) {
    add(
      seconds,
      .decision(
        decision: .edited(suggestionID: "t\(rank)", rank: rank, original: original, final: final),
        responseSeconds: 2))
  }

  mutating func write(_ seconds: Double, _ text: String) {
    add(seconds, .decision(decision: .written(text: text), responseSeconds: 3))
  }

  mutating func escalate(_ seconds: Double, reason: String) {
    add(seconds, .decision(decision: .escalated(reason: reason, note: "customer angry"), responseSeconds: 4))
  }

  mutating func end(_ seconds: Double, _ outcome: SessionOutcome) { add(seconds, .ended(outcome: outcome)) }

  /// Records a suggestion list: one template suggestion per id, in order, then a generated one when
  /// `generated` is true (ranked last, as `GeneratingRanker` does).
  mutating func show(_ seconds: Double, templates ids: [String], generated: Bool = false) {
    var sources = ids.map { SuggestionSource.template(id: $0) }
    if generated { sources.append(.generated(model: "gen-v1")) }
    let shown = sources.enumerated().map { offset, source in
      ShownSuggestion(
        rank: offset + 1,
        suggestion: Suggestion(source: source, segments: [.literal("Reply \(offset + 1)")], score: 0.5))
    }
    add(seconds, .suggestionsShown(suggestions: shown, ranker: "lexical + generated"))
  }

  /// Accepts the suggestion with `id` at `rank` (a generated one has the id "generated").
  mutating func accept(_ seconds: Double, rank: Int, id: String) {
    add(
      seconds, .decision(decision: .accepted(suggestionID: id, rank: rank, text: "Sent."), responseSeconds: 1)
    )
  }

  mutating func edit(_ seconds: Double, rank: Int, id: String) {
    add(
      seconds,
      .decision(
        decision: .edited(suggestionID: id, rank: rank, original: "Sent.", final: "Sent, edited."),
        responseSeconds: 2))
  }

  mutating func autoSend(_ seconds: Double, id: String) {
    add(
      seconds,
      .decision(
        decision: .autoSent(suggestionID: id, rank: 1, text: "Sent.", confidence: 0.95), responseSeconds: 0.2)
    )
  }
}

enum Fixture {
  /// 2026-03-01 09:00:00 UTC.
  static let base = Date(timeIntervalSince1970: 1_772_355_600)

  static func customer(_ id: String) -> CustomerProfile {
    CustomerProfile(
      id: id, firstName: "Dana", lastName: "Reyes", email: "dana.reyes@example.com", phone: "+1 415 555 0100",
      address: "1 Main St", membership: .gold, memberSince: base.addingTimeInterval(-86_400 * 400),
      pastContacts: 2,
      orders: [
        Order(
          id: "A-1001", items: [OrderItem(name: "Kettle", quantity: 2, price: Money(minorUnits: 2_499))],
          status: .delivered, placedOn: base.addingTimeInterval(-86_400 * 9),
          refund: Refund(
            amount: Money(minorUnits: 4_998), status: .issued, requestedOn: base.addingTimeInterval(-86_400)))
      ])
  }

  static func shown(_ texts: [String]) -> [ShownSuggestion] {
    texts.enumerated().map { index, text in
      ShownSuggestion(
        rank: index + 1,
        suggestion: Suggestion(
          source: .template(id: "t\(index + 1)"), segments: [.literal(text)], score: 1 / Double(index + 1)))
    }
  }

  /// One event of every kind, in a plausible order.
  static func everyKind(_ id: String = "all-kinds") -> [SessionEvent] {
    var script = ChatScript(id, base: base.addingTimeInterval(0.123_456_789))
    script.start(rep: "ana", customer: "c1", channel: "refund_status")
    script.say(5, "Where is my refund? Mail me at dana@example.com")
    script.add(6, .typing(speaker: .agent))
    script.add(
      7, .suggestionsShown(suggestions: shown(["Your refund was issued.", "Sorry!"]), ranker: "lexical"))
    script.accept(9, rank: 1, text: "Your refund was issued.")
    script.edit(12, rank: 2, from: "Sorry!", to: "Sorry for the wait!")
    script.write(15, "Anything else?")
    script.escalate(20, reason: "billing")
    script.add(21, .systemNote(text: "transferred to billing"))
    script.add(22, .qaNote(text: "good tone", rating: 4))
    script.add(23, .qaNote(text: "no rating", rating: nil))
    script.add(
      24,
      .practiceScore(
        score: PracticeScore(
          scenario: "refund", suggestionsHidden: false, handleSeconds: 30, firstResponseSeconds: 4,
          accepted: 1, edited: 1, written: 1, escalated: 1, rankedDecisions: 4, agreedWithRanker: 1,
          policySlips: ["ask_anything_else_before_closing"])))
    script.end(30, .escalated)
    return script.events
  }
}
