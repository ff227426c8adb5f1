import Foundation
import ReplyDeskApp
import ReplyDeskCore
import ReplyDeskStore
import Testing

@testable import ReplyDeskEngine

/// `train --from-store`'s corpus from a store the test fills: what each kind of decision teaches,
/// what is left out, which sessions a selection picks, and the sentences when none will do.
@Suite struct StoreCorpusTests {
  static let base = Date(timeIntervalSince1970: 1_790_000_000)
  static let templates = [
    ReplyTemplate(id: "greeting.hello", topic: "greeting", text: "Hi {customer.first_name}, how can I help?"),
    ReplyTemplate(id: "order.status", topic: "order", text: "Order {order.id} is {order.status}."),
  ]

  static let customer = CustomerProfile(
    id: "c-1", firstName: "Marta", lastName: "Quist", email: "marta.quist@example.com", phone: "+1 555 0101",
    orders: [
      Order(
        id: "RD-48213", items: [OrderItem(name: "Kettle", price: Money(minorUnits: 2_500))], status: .shipped,
        placedOn: base.addingTimeInterval(-86_400 * 3))
    ])

  /// A store with one live chat of every decision, a hidden-suggestion practice chat and a demo chat.
  static func fixtureStore(_ path: String) throws -> SessionStore {
    let store = try SessionStore(path: path)
    try store.record(contentsOf: liveChat())
    try store.record(
      contentsOf: chat(
        "practice-1", channel: "practice", at: base.addingTimeInterval(3_600),
        extra: [
          .practiceScore(
            score: PracticeScore(
              scenario: "order_status", suggestionsHidden: true, handleSeconds: 30, firstResponseSeconds: 5,
              accepted: 0, edited: 0, written: 1, escalated: 0, rankedDecisions: 1, agreedWithRanker: 0,
              policySlips: []))
        ]))
    try store.record(contentsOf: chat("demo-1", channel: "demo", at: base.addingTimeInterval(7_200)))
    return store
  }

  static func chat(_ id: String, channel: String, at start: Date, extra: [SessionEventKind] = [])
    -> [SessionEvent]
  {
    let kinds: [SessionEventKind] =
      [
        .started(representative: "rep", customer: customer, channel: channel),
        .customerMessage(text: "hello"),
        .decision(decision: .written(text: "Hello Marta, what can I do for you?"), responseSeconds: 2),
      ] + extra
    return kinds.enumerated().map { SessionEvent(chat: ChatID(id), time: start + Double($0), kind: $1) }
  }

  static func liveChat() -> [SessionEvent] {
    let kinds: [SessionEventKind] = [
      .started(representative: "rep", customer: customer, channel: "live"),
      .customerMessage(text: "hi, Marta here, marta.quist@example.com"),
      .intentResolved(intent: "order_status"),
      .decision(
        decision: .accepted(suggestionID: "greeting.hello", rank: 1, text: "Hi Marta, how can I help?"),
        responseSeconds: 1),
      .customerMessage(text: "where is RD-48213?"),
      .decision(
        decision: .edited(
          suggestionID: "order.status", rank: 2, original: "Order RD-48213 is shipped.",
          final: "Order RD-48213 shipped yesterday, Marta."), responseSeconds: 3),
      .customerMessage(text: "call me on +1 555 0101"),
      .decision(decision: .written(text: "I will call +1 555 0101 today, Marta Quist."), responseSeconds: 4),
      .customerMessage(text: "I want a manager"),
      .decision(decision: .escalated(reason: "manager", note: ""), responseSeconds: 1),
    ]
    return kinds.enumerated().map { SessionEvent(chat: ChatID("live-1"), time: base + Double($0), kind: $1) }
  }

  private func withStore<T>(_ body: (SessionStore) throws -> T) throws -> T {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "replydesk-corpus-\(UUID().uuidString).sqlite"
    ).path
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(try Self.fixtureStore(path))
  }

  @Test func eachDecisionTeachesItsReplyRedactedAsInExports() throws {
    let corpus = try withStore {
      try StoreCorpus.read(from: $0, selection: .init(channel: .live), templates: Self.templates)
    }
    #expect(corpus.tally == StoreCorpus.Tally(matched: 1, used: 1, escalatedTurns: 1))
    let conversation = try #require(corpus.conversations.first)
    #expect(conversation.id == "live-1")
    #expect(conversation.domain == "order_status")
    #expect(conversation.turns.map(\.speaker) == [0, 1, 0, 1, 0, 1, 0])
    #expect(conversation.turns[0].text == "hi, [name] here, [email]")
    #expect(conversation.turns[5].text == "I will call [phone] today, [name].")
    #expect(conversation.turns[6].text == "I want a manager")
    // accepted: the template as the console ranks it
    #expect(conversation.replyText(1) == "Hi {customer.first_name}, how can I help?")
    // edited: the final text as a template is the positive, the suggestion's template the negative
    #expect(conversation.replyText(3) == "Order {order.id} shipped yesterday, {customer.first_name}.")
    #expect(conversation.negativeTexts[3] == ["Order {order.id} is {order.status}."])
    // written: the representative's own reply, profile values as slots, the rest redacted
    #expect(conversation.replyText(5) == "I will call {customer.phone} today, {customer.full_name}.")
    #expect(conversation.negativeTexts.count == 1)
    let profile = try #require(conversation.profile)
    let text = "\(profile)"
    #expect(!text.contains("Marta") && !text.contains("example.com") && text.contains("RD-48213"))
  }

  @Test func selectionsPickChannelsAndDatesAndHiddenPracticeIsLeftOut() throws {
    try withStore { store in
      let practice = try StoreCorpus.read(from: store, selection: .init(channel: .practice), templates: [])
      #expect(practice.tally == StoreCorpus.Tally(matched: 1, used: 0, hiddenSuggestions: 1))
      let all = try StoreCorpus.read(from: store, selection: .init(channel: .all), templates: [])
      #expect(all.conversations.map(\.id) == ["live-1", "demo-1"])  // oldest first
      let recent = try StoreCorpus.read(
        from: store, selection: .init(channel: .all, since: Self.base.addingTimeInterval(60)), templates: [])
      #expect(recent.conversations.map(\.id) == ["demo-1"])
      #expect(recent.tally.matched == 2)
    }
  }

  @Test func tooFewSessionsSaySoAndHowToGetSome() throws {
    try withStore { store in
      let selection = StoreCorpus.Selection(channel: .all, since: Self.base.addingTimeInterval(86_400))
      let none = try StoreCorpus.read(from: store, selection: selection, templates: [])
      let noneMessage = failure { try none.requireSessions(2, store: "s.sqlite", selection: selection) }
      #expect(noneMessage?.hasPrefix("No sessions on channel all since 2026-09-") == true)
      #expect(noneMessage?.contains("`replydesk console`") == true)
      let practice = StoreCorpus.Selection(channel: .practice)
      let hidden = try StoreCorpus.read(from: store, selection: practice, templates: [])
      let hiddenMessage = failure { try hidden.requireSessions(2, store: "s.sqlite", selection: practice) }
      #expect(hiddenMessage?.hasPrefix("Only 0 of 1 sessions on channel practice in s.sqlite") == true)
      #expect(hiddenMessage?.contains("1 practised with suggestions hidden") == true)
      let all = try StoreCorpus.read(from: store, selection: .init(channel: .all), templates: [])
      #expect(
        failure { try all.requireSessions(2, store: "s.sqlite", selection: .init(channel: .all)) } == nil)
    }
  }

  private func failure(_ body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch {
      return ErrorText.sentence(for: error)
    }
  }
}
