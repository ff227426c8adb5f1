import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskEngine

/// The blocklist and the refusal to repeat redacted data.
struct GeneratorSafetyTests {
  let safety = ReplySafety(blocklist: "# comment\n\nstupid\nshut up\n")

  @Test func blocklistWordsAreBannedTokens() {
    let vocabulary = GeneratorVocabulary(words: ["hello", "stupid", "shut", "up"])
    let banned = safety.bannedTokens(vocabulary)
    #expect(banned[vocabulary.id("stupid")])
    #expect(!banned[vocabulary.id("hello")])
    #expect(!banned[vocabulary.id("shut")])
    #expect(banned[GeneratorVocabulary.reply] && banned[GeneratorVocabulary.unknown])
    #expect(!banned[GeneratorVocabulary.end])
  }

  @Test func blockedPhrasesAreRefused() {
    #expect(safety.refusal(reply: "Please shut up.", context: []) == .blocked(phrase: "shut up"))
    #expect(safety.refusal(reply: "That is STUPID", context: []) == .blocked(phrase: "stupid"))
    #expect(safety.refusal(reply: "Let me look it up, shut the door", context: []) == nil)
  }

  @Test func sensitiveDataFromTheContextIsNotRepeated() {
    let context = ["my card is 4111 1111 1111 1111 and email maya@example.com, call 555-201-3344"]
    #expect(
      safety.refusal(reply: "Is your card 4111-1111-1111-1111?", context: context)
        == .repeatsSensitiveData(kind: "card number"))
    #expect(
      safety.refusal(reply: "I'll write to Maya@Example.com", context: context)
        == .repeatsSensitiveData(kind: "email"))
    #expect(
      safety.refusal(reply: "I'll call 555 201 3344 today", context: context)
        == .repeatsSensitiveData(kind: "phone number"))
    #expect(safety.refusal(reply: "I'll write to you at the address on file", context: context) == nil)
    #expect(safety.refusal(reply: "Order RD-482913 ships in 3 to 5 days", context: context) == nil)
  }

  @Test func theCustomersOwnOrderNumberMayBeRepeated() {
    let context = ["where is order 7237754671? call me on 555-201-3344"]
    let reply = "Order 7237754671 is on its way."
    #expect(safety.refusal(reply: reply, context: context) == .repeatsSensitiveData(kind: "phone number"))
    #expect(safety.refusal(reply: reply, context: context, known: ["7237754671"]) == nil)
    #expect(
      safety.refusal(reply: "I'll call 555 201 3344 today", context: context, known: ["7237754671"])
        == .repeatsSensitiveData(kind: "phone number"), "a number the profile does not hold is still kept out"
    )
  }

  @Test func generatorFallsBackToTheNextSafeHypothesisOrRefuses() {
    let model = GeneratorFixtures.trained
    let example = GeneratorFixtures.encoder.examples(GeneratorFixtures.conversations)[3]
    let conversation = GeneratorFixtures.conversations[3]
    let open = ReplyGenerator(model: model, safety: ReplySafety(blocklist: ""))
    let best = try? open.generate(conversation.turns.dropLast().map { $0 }, profile: conversation.profile)
      .get()
    #expect(best.map { $0.segments.map(\.plainText).joined() } == "You are welcome. Have a good day!")
    let strict = ReplyGenerator(model: model, safety: ReplySafety(blocklist: "welcome\ngood day"))
    let words = strict.decode(prefix: example.prefix).map(\.words)
    #expect(!words.isEmpty && words.allSatisfy { !$0.contains("welcome") })
    let result = strict.generate(conversation.turns.dropLast().map { $0 }, profile: conversation.profile)
    if case .success(let reply) = result {
      #expect(!reply.segments.map(\.plainText).joined().lowercased().contains("good day"))
    }
  }

  @Test func unreadableBlocklistIsAClearError() {
    #expect(throws: CorpusError.self) { try ReplySafety.load(path: "/nonexistent/blocklist.txt") }
  }
}
