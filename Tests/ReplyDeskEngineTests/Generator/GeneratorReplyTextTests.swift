import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskEngine

/// Detokenising generated words, filling their slots, and the console plug-in.
struct GeneratorReplyTextTests {
  let now = Date(timeIntervalSince1970: 1_780_000_000)
  var profile: CustomerProfile {
    CustomerProfile(
      id: "C-1", firstName: "Maya", lastName: "Lind", email: "maya@example.com",
      orders: [
        Order(
          id: "RD-482913", items: [OrderItem(name: "Desk lamp", price: Money(minorUnits: 4250))],
          status: .shipped,
          placedOn: now.addingTimeInterval(-86_400 * 3), trackingNumber: "1Z999")
      ])
  }

  @Test func punctuationAndCapitals() {
    let words = ["hi", "there", ",", "i", "'", "m", "here", ".", "what", "'", "s", "up", "?"]
    #expect(GeneratedReplyText.text(words) == "Hi there, I'm here. What's up?")
  }

  @Test func slotsAreFilledFromTheProfile() {
    let words = ["thanks", "<slot_firstname>", ",", "order", "<slot_id>", "is", "<slot_status>", "."]
    let segments = GeneratedReplyText.segments(words, profile: profile, now: now)
    #expect(segments.map(\.plainText).joined() == "Thanks Maya, order RD-482913 is shipped.")
    #expect(segments.contains(.slot(name: "customer.first_name", value: "Maya")))
    #expect(segments.contains(.slot(name: "order.id", value: "RD-482913")))
    let suggestion = Suggestion(source: .generated(model: "g"), segments: segments, score: 0.5)
    #expect(suggestion.isSendableUnedited)
  }

  @Test func slotsTheProfileCannotFillStayMissing() {
    let words = ["your", "refund", "of", "<slot_amount>", "is", "on", "its", "way", "to", "<slot_phone>"]
    let segments = GeneratedReplyText.segments(words, profile: profile, now: now)
    let suggestion = Suggestion(source: .generated(model: "g"), segments: segments, score: 0.5)
    #expect(suggestion.missingSlots == ["refund.amount", "customer.phone"])
    #expect(!suggestion.isSendableUnedited)
    #expect(suggestion.text == "Your refund of [refund.amount] is on its way to [customer.phone]")
  }

  @Test func slotsAreFilledFromJSONProfiles() {
    let json: JSONValue = .object(["restaurant_name": .string("Fogo"), "id": .string("A-7")])
    let segments = GeneratedReplyText.segments(
      ["table", "at", "<slot_restaurantname>", "<slot_id>"], json: json)
    #expect(segments.map(\.plainText).joined() == "Table at Fogo A-7")
    #expect(GeneratedReplyText.segments(["<slot_city>"], json: json) == [.missing(name: "city")])
  }

  @Test func generatingRankerAppendsTheGeneratedReplyLast() {
    let templates = [
      ReplyTemplate(id: "thanks.welcome", topic: "thanks", text: "You're welcome!", intents: ["thanks"]),
      ReplyTemplate(id: "order.where", topic: "order", text: "Your order {order.id} has shipped."),
    ]
    let lexical = LexicalRanker(templates: templates)
    let generator = ReplyGenerator(model: GeneratorFixtures.trained, safety: ReplySafety(blocklist: ""))
    let ranker = GeneratingRanker(wrapping: lexical, generator: generator)
    let request = RankingRequest(
      chat: ChatID("c1"), generation: 1,
      context: [Turn(id: 1, speaker: .customer, text: "hi , where is my order RD-482913 ?", time: now)],
      profile: profile)
    let plain = lexical.rank(request)
    let wrapped = ranker.rank(request)
    #expect(Array(wrapped.suggestions.dropLast()) == plain.suggestions)
    let generated = try! #require(wrapped.suggestions.last)
    #expect(generated.source == .generated(model: generator.name))
    let direct = try! generator.suggestion(context: request.context, profile: profile, now: now).get()
    #expect(generated == direct)
    #expect(!generated.text.isEmpty)
    let shown = ShownSuggestion(rank: wrapped.suggestions.count, suggestion: generated)
    #expect(shown.source == .generated(model: generator.name) && shown.text == generated.text)
    #expect(generated.score > 0 && generated.score <= 1)
  }
}
