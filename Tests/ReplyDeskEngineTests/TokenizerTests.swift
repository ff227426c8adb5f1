import Testing

@testable import ReplyDeskEngine

/// Word splitting, slot masking and typo-robust bags.
struct TokenizerTests {
  @Test func splitsWordsNumbersAndPunctuation() {
    #expect(WordSplitter.words("Order #A12, ok?") == ["order", "#", "a", "12", ",", "ok", "?"])
    #expect(
      WordSplitter.words("Hi {first_name|title}!", templateSlots: true) == ["hi", "<slot_firstname>", "!"])
    #expect(WordSplitter.words("Café 😀 naïve") == ["café", "😀", "naïve"])
  }

  @Test func masksProfileValuesAsSlots() {
    let profile = ProfileText(
      .object([
        "first_name": .string("Ada"), "order": .object(["id": .string("A-1234")]), "amount": .number(49.5),
      ]))
    let words = WordSplitter.words("Ada, order A-1234 cost 49.5 dollars")
    #expect(
      profile.mask(words) == [
        "<slot_firstname>", ",", "order", "<slot_id>", "cost", "<slot_amount>", "dollars",
      ])
    #expect(profile.featureWords.contains("<num_5>"))
  }

  /// An order's status and its refund's status are different slots, in templates and in profiles.
  @Test func aRefundsFieldsHaveSlotTokensOfTheirOwn() {
    #expect(WordSplitter.slotToken("order.status") == "<slot_status>")
    #expect(WordSplitter.slotToken("refund.status|title") == "<slot_refundstatus>")
    #expect(WordSplitter.slotToken("orders.refund.amount") == "<slot_refundamount>")
    let profile = ProfileText(
      .object([
        "orders": .array([
          .object(["status": .string("delivered"), "refund": .object(["status": .string("approved")])])
        ])
      ]))
    #expect(
      profile.mask(WordSplitter.words("delivered but approved")) == [
        "<slot_status>", "but", "<slot_refundstatus>",
      ])
    #expect(
      WordSplitter.words("{refund.status} and {order.status}", templateSlots: true) == [
        "<slot_refundstatus>", "and", "<slot_status>",
      ])
  }

  @Test func typoSharesMostRowsWithTheWord() {
    let vocabulary = Vocabulary(words: ["refund"], buckets: 1000)
    let right = Set(vocabulary.bag(word: "refund", previous: "my"))
    let typo = Set(vocabulary.bag(word: "refnud", previous: "my"))
    #expect(vocabulary.bag(word: "refund", previous: "my").first == 2)
    #expect(vocabulary.bag(word: "refnud", previous: "my").first == 1)
    #expect(right.intersection(typo).count >= 2)
  }
}
