import Foundation
import ReplyDeskCore

@testable import ReplyDeskEngine

/// A tiny corpus and a generator overfitted on it, shared by the generator tests.
enum GeneratorFixtures {
  /// A customer with one shipped order placed three days before `now`.
  static func customer(now: Date) -> CustomerProfile {
    CustomerProfile(
      id: "C-1", firstName: "Maya", lastName: "Lind", email: "maya@example.com",
      orders: [
        Order(
          id: "RD-482913", items: [OrderItem(name: "Desk lamp", price: Money(minorUnits: 4250))],
          status: .shipped,
          placedOn: now.addingTimeInterval(-86_400 * 3), trackingNumber: "1Z999AA10123456784")
      ])
  }

  static let profile: JSONValue = .object([
    "id": .string("RD-4821"), "firstName": .string("Maya"),
  ])

  static let conversations: [CorpusConversation] = [
    conversation("hi , where is my order rd - 4821 ?", reply: "your order {order.id} is on its way ."),
    conversation("i want a refund please", reply: "i started a refund for you , {customer.first_name} ."),
    conversation("can i change my address", reply: "sure , what is the new address ?"),
    conversation("thanks , bye", reply: "you are welcome . have a good day !"),
  ]

  static func conversation(_ customer: String, reply: String) -> CorpusConversation {
    CorpusConversation(
      id: customer, profile: profile, turns: [(0, customer), (1, reply)], domain: "test")
  }

  static var config: GeneratorConfig {
    var config = GeneratorConfig()
    config.dim = 32
    config.ffn = 48
    config.layers = 2
    config.maxContextTokens = 24
    config.maxReplyTokens = 16
    return config
  }

  static let vocabulary = GeneratorVocabulary.build(
    counts: GeneratorEncoder.wordCounts(conversations), minCount: 1, limit: 500)

  static var encoder: GeneratorEncoder { GeneratorEncoder(config: config, vocabulary: vocabulary) }

  /// The replies of the corpus as the generator writes them (masked words).
  static var expectedReplies: [[String]] {
    encoder.examples(conversations).map { $0.reply.map { vocabulary.tokens[$0] } }
  }

  static let trained: GeneratorModel = {
    var options = GeneratorTrainingOptions()
    options.epochs = 150
    options.batchSize = 4
    options.learningRate = 1e-2
    options.warmupSteps = 10
    options.weightDecay = 0
    let model = GeneratorModel(config: config, vocabulary: vocabulary, seed: 3)
    return GeneratorTrainer(options: options).train(encoder.examples(conversations), model: model).0
  }()
}
