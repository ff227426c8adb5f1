import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskEngine

/// Detokenising generated words and filling their slots.
struct GeneratorReplyTextTests {
  let now = Date(timeIntervalSince1970: 1_780_000_000)
  var profile: CustomerProfile { GeneratorFixtures.customer(now: now) }

  @Test func punctuationAndCapitals() {
    let words = ["hi", "there", ",", "i", "'", "m", "here", ".", "what", "'", "s", "up", "?"]
    #expect(GeneratedReplyText.text(words) == "Hi there, I'm here. What's up?")
  }

  @Test func slotsAreFilledFromTheProfile() {
    let words = ["thanks", "<slot_firstname>", ",", "order", "<slot_id>", "is", "<slot_status>", "."]
    let segments = GeneratedReplyText.segments(words, profile: profile, order: profile.orders.first, now: now)
    #expect(segments.map(\.plainText).joined() == "Thanks Maya, order RD-482913 is shipped.")
    #expect(segments.contains(.slot(name: "customer.first_name", value: "Maya")))
    #expect(segments.contains(.slot(name: "order.id", value: "RD-482913")))
    let suggestion = Suggestion(source: .generated(model: "g"), segments: segments, score: 0.5)
    #expect(suggestion.isSendableUnedited)
  }

  /// A refund's status slot says the refund's state, never the order's (the order is delivered and
  /// its refund approved).
  @Test func aRefundStatusSlotIsFilledFromTheRefund() throws {
    var order = try #require(profile.orders.first)
    order.status = .delivered
    order.refund = Refund(amount: order.total, status: .approved, requestedOn: now)
    let words = ["your", "refund", "is", "<slot_refundstatus>", "and", "the", "order", "is", "<slot_status>"]
    let segments = GeneratedReplyText.segments(words, profile: profile, order: order, now: now)
    #expect(segments.map(\.plainText).joined() == "Your refund is approved and the order is delivered")
  }

  @Test func slotsTheProfileCannotFillStayMissing() {
    let words = [
      "your", "refund", "of", "<slot_refundamount>", "is", "on", "its", "way", "to", "<slot_phone>",
    ]
    let segments = GeneratedReplyText.segments(words, profile: profile, order: profile.orders.first, now: now)
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
}
