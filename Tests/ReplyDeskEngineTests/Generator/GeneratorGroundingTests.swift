import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskEngine

/// The generator reads the order in question's grounding features: two chats whose words and
/// profile are the same but which name different orders (one shipped, one still processing) get
/// the reply true of the order each names.
struct GeneratorGroundingTests {
  private static let profile: JSONValue = .object([
    "id": .string("C-7"), "first_name": .string("Ada"),
    "orders": .array([
      .object(["id": .string("RD-111111"), "status": .string("shipped"), "placed_on": .string("2026-11-20")]),
      .object(["id": .string("RD-222222"), "status": .string("processing"), "placed_on": .string("2026-11-21")]),
    ]),
  ])

  private static let conversations = [
    chat("where is order RD-111111 ?", reply: "it is on its way ."),
    chat("where is order RD-222222 ?", reply: "it has not shipped yet ."),
  ]

  private static func chat(_ question: String, reply: String) -> CorpusConversation {
    var conversation = CorpusConversation(
      id: question, profile: profile, turns: [(0, question), (1, reply)], domain: "test")
    conversation.times = [Date(timeIntervalSince1970: 1_795_000_000), Date(timeIntervalSince1970: 1_795_000_060)]
    return conversation
  }

  @Test func thePrefixCarriesTheFeaturesOfTheOrderNamed() {
    let vocabulary = GeneratorVocabulary.build(
      counts: GeneratorEncoder.wordCounts(Self.conversations), minCount: 1, limit: 500)
    let encoder = GeneratorEncoder(config: GeneratorFixtures.config, vocabulary: vocabulary)
    let prefixes = encoder.examples(Self.conversations).map(\.prefix)
    #expect(prefixes[0].contains(vocabulary.id("<status_shipped>")))
    #expect(prefixes[1].contains(vocabulary.id("<status_processing>")))
    #expect(vocabulary.id("<status_shipped>") != GeneratorVocabulary.unknown)
  }

  @Test func eachChatGetsTheReplyTrueOfItsOrder() {
    let vocabulary = GeneratorVocabulary.build(
      counts: GeneratorEncoder.wordCounts(Self.conversations), minCount: 1, limit: 500)
    let encoder = GeneratorEncoder(config: GeneratorFixtures.config, vocabulary: vocabulary)
    var options = GeneratorTrainingOptions()
    options.epochs = 150
    options.batchSize = 2
    options.learningRate = 1e-2
    options.warmupSteps = 10
    options.weightDecay = 0
    let examples = encoder.examples(Self.conversations)
    let untrained = GeneratorModel(config: GeneratorFixtures.config, vocabulary: vocabulary, seed: 5)
    let model = GeneratorTrainer(options: options).train(examples, model: untrained).0
    let generator = ReplyGenerator(model: model, safety: ReplySafety(blocklist: ""), search: BeamSearch(beamWidth: 1))
    let replies = examples.map { generator.decode(prefix: $0.prefix)[0].words }
    #expect(replies == examples.map { $0.reply.map { vocabulary.tokens[$0] } })
    #expect(replies[0] != replies[1])
    let withoutFeatures = Self.conversations.map { conversation in
      encoder.prefix(Array(conversation.turns.prefix(1)), profile: ProfileText(conversation.profile))
    }
    #expect(withoutFeatures[0] == withoutFeatures[1], "only the features tell the two chats apart")
  }
}
