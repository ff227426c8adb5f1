import Foundation
import ReplyDeskCore
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

  /// The byte-by-byte template split gives what the character-by-character one gives, on every
  /// shipped template and on texts at its edges (an unclosed or over-long slot, a nested brace,
  /// non-ASCII, carriage returns).
  @Test func theTemplateSplitByBytesMatchesTheSplitByCharacters() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let library = try TemplateLibrary.load(directory: root.appendingPathComponent("Templates"))
    let long = String(repeating: "a", count: 64)
    let edges = [
      "", "{}", "Hi {first_name|title}!", "{order.id}{order.total} ok", "A12{order.id}34b", "open {order.id",
      "{\(long)} fits", "{\(long)a} is too long}", "a {b{c} d}", "Café {order.id}", "{ordér.id} x",
      "line\r\nnext {order.id}", "tab\t{order.id}\tend.", "} stray {",
    ]
    #expect(library.templates.count > 50)
    for text in library.templates.map(\.text) + edges {
      #expect(
        WordSplitter.words(text, templateSlots: true) == WordSplitter.unicodeWords(text, templateSlots: true),
        "\(text)")
    }
    #expect(WordSplitter.asciiWordsWithSlots("Hi {first_name}") == ["hi", "<slot_firstname>"])
    #expect(WordSplitter.asciiWordsWithSlots("open {order.id") == nil)
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
