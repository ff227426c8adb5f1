import ReplyDeskCore

@testable import ReplyDeskEngine

/// A tiny corpus the tests build: each topic has its own customer question and agent reply.
enum SyntheticCorpus {
  static let topics: [(question: String, reply: String)] = [
    ("where is my parcel, it has not arrived", "Your parcel is on its way and arrives tomorrow."),
    ("I want my money back for the broken kettle", "I have started a refund for the kettle."),
    ("how do I change my delivery address", "You can change the address under account settings."),
    ("my discount code does not work", "Let me apply the discount to your basket manually."),
    ("can I cancel the order I placed today", "The order is cancelled and you will not be charged."),
    ("the jacket is too small, can I swap it", "Sure, I will send a larger size of the jacket."),
    ("do you deliver to Canada", "Yes, we ship to Canada within ten days."),
    ("I forgot my password", "I sent a reset link to your email address."),
  ]

  static func conversations() -> [CorpusConversation] {
    topics.enumerated().map { index, topic in
      CorpusConversation(
        id: "c\(index)",
        profile: .object([
          "name": .string("Ada Lovelace"), "orders": .array([]),
          "membership": .string(Membership.allCases[index % 4].rawValue),
        ]),
        turns: [(0, "hello there"), (1, "Hi, how can I help?"), (0, topic.question), (1, topic.reply)],
        domain: "shop")
    }
  }

  static func config() -> RankerConfig {
    var config = RankerConfig()
    config.dim = 8
    config.hidden = 16
    config.buckets = 97
    return config
  }

  /// Training that overfits the corpus: many epochs of small batches, a high rate, no dropout.
  static var overfitOptions: TrainingOptions {
    var options = TrainingOptions()
    options.epochs = 60
    options.batchSize = 16
    options.learningRate = 1e-2
    options.warmupSteps = 1
    options.dropout = 0
    return options
  }

  /// Training data, the vocabulary it was built with, and a fresh model.
  static func setUp(seed: UInt64 = 3) -> (TrainingData, RankerModel) {
    let conversations = conversations()
    let config = config()
    let vocabulary = TrainingData.vocabulary(conversations, config: config)
    let data = TrainingData(conversations, vocabulary: vocabulary, config: config)
    return (data, RankerModel(config: config, vocabulary: vocabulary, seed: seed))
  }
}
