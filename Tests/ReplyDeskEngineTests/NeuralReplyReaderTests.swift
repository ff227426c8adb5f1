import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskEngine

/// Reading a reply by meaning with the ranker's candidate tower, on a tiny model trained the way
/// the default one is: each customer question answered in several wordings.
struct NeuralReplyReaderTests {
  /// Topics, each with its customer questions and the agent's wordings (the first is the template).
  static let topics: [(questions: [String], replies: [String])] = [
    (
      ["I want my money back for the broken kettle", "please refund the kettle"],
      [
        "I have started a refund for the kettle.", "Your money for the kettle is on its way back.",
        "The kettle refund is under way.",
      ]
    ),
    (
      ["where is my parcel", "has my parcel arrived yet"],
      [
        "Your parcel is on its way and arrives tomorrow.",
        "The parcel has shipped and will be with you tomorrow.",
        "Your package comes tomorrow.",
      ]
    ),
    (
      ["how do I change my delivery address", "I moved house, new address please"],
      [
        "You can change the address under account settings.", "Account settings let you edit the address.",
        "Update your address in your account settings.",
      ]
    ),
    (
      ["can I cancel the order I placed today", "cancel my order please"],
      [
        "The order is cancelled and you will not be charged.", "I stopped the order, so there is no charge.",
        "Your order is called off and costs you nothing.",
      ]
    ),
    (
      ["I forgot my password", "I cannot log in"],
      [
        "I sent a reset link to your email address.", "A link to reset your password is in your inbox.",
        "Check your email for a password reset link.",
      ]
    ),
  ]

  static let templates = topics.enumerated().map { index, topic in
    ReplyTemplate(id: "t\(index)", topic: "shop", text: topic.replies[0])
  }

  static func conversations() -> [CorpusConversation] {
    topics.enumerated().flatMap { index, topic in
      topic.questions.enumerated().flatMap { asked, question in
        topic.replies.enumerated().map { worded, reply in
          CorpusConversation(
            id: "c\(index)-\(asked)-\(worded)", profile: .object(["name": .string("Ada Lovelace")]),
            turns: [(0, question), (1, reply)], domain: "topic\(index)")
        }
      }
    }
  }

  func trainedReader() throws -> ReplyInterpreter {
    let conversations = Self.conversations()
    var config = SyntheticCorpus.config()
    config.dim = 16
    config.buckets = 1009
    let vocabulary = TrainingData.vocabulary(conversations, config: config)
    let data = TrainingData(conversations, vocabulary: vocabulary, config: config)
    var options = TrainingOptions()
    options.epochs = 40
    options.batchSize = 10
    options.learningRate = 1e-2
    options.warmupSteps = 1
    options.dropout = 0
    let model = RankerModel(config: config, vocabulary: vocabulary, seed: 3)
    let (trained, _) = try Trainer(options: options).train(data, model: model, dev: nil) { _ in }
    return ReplyInterpreter(reader: NeuralReplyReader(model: trained), templates: Self.templates)
  }

  func chat(_ question: String) -> RankingRequest {
    let turns = [Turn(id: 1, speaker: .customer, text: question, time: GroundedCorpus.now)]
    let profile = CustomerProfile(id: "c", firstName: "Ada", lastName: "Lovelace")
    return RankingRequest(chat: ChatID("x"), generation: 1, context: turns, profile: profile)
  }

  @Test func aReplyInOtherWordsMeansItsTemplate() throws {
    let reader = try trainedReader()
    let password = reader.meaning(
      of: "Your inbox has a link to reset the password.", in: chat("I forgot my password"))
    let meaning = try #require(password)
    #expect(meaning.templateID == "t4")
    #expect(meaning.text == Self.topics[4].replies[0])
    #expect(meaning.similarity >= NeuralReplyReader.defaultThreshold && meaning.similarity <= 1)
    let cancelled = reader.meaning(
      of: "I cancelled the order, no charge for you.", in: chat("cancel my order please"))
    #expect(cancelled?.templateID == "t3")
  }

  @Test func aTemplateMeansItselfAndAnUnrelatedReplyMeansNone() throws {
    let reader = try trainedReader()
    let request = chat("hello there")
    for template in Self.templates {
      let read = reader.meaning(of: template.text, in: request)
      #expect(read?.templateID == template.id)
      #expect(abs((read?.similarity ?? 0) - 1) < 1e-4)
    }
    let unrelated = reader.meaning(of: "Our opening hours are nine to five on weekdays.", in: request)
    #expect(unrelated == nil)
  }
}
