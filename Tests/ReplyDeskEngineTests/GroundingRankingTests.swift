import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskEngine

/// The ranker learns grounding: with the same chat, the order's status decides the top reply.
struct GroundingRankingTests {
  func trained() throws -> RankerModel {
    let (data, model) = GroundedCorpus.setUp()
    var options = TrainingOptions()
    options.epochs = 80
    options.batchSize = 8
    options.learningRate = 1e-2
    options.warmupSteps = 1
    options.dropout = 0
    return try Trainer(options: options).train(data, model: model, dev: nil) { _ in }.0
  }

  @Test func flippingTheOrderStatusFlipsTheTopStateVariant() throws {
    let model = try trained()
    let templates = GroundedCorpus.replies.enumerated().map { index, reply in
      ReplyTemplate(id: "state.\(index)", topic: "delivery", text: reply.text)
    }
    let ranker = SuggestionPipeline(scorer: NeuralRanker(model: model, templates: templates))
    for (index, reply) in GroundedCorpus.replies.enumerated() {
      for question in ["where is my order", "has it arrived yet"] {
        let request = RankingRequest(
          chat: ChatID("x"), generation: 1, context: GroundedCorpus.turns(question),
          profile: GroundedCorpus.profile(reply.status))
        let top = ranker.rank(request).suggestions.first
        #expect(top?.id == "state.\(index)", "\(reply.status) / \(question)")
        #expect(top?.grounding == .unknown, "no conditions: the score alone decides")
      }
    }
  }

  @Test func hardNegativesJoinTheBatchForTheirOwnContextOnly() {
    let (data, _) = GroundedCorpus.setUp()
    #expect(data.negatives.map(\.count) == Array(repeating: 2, count: 9))
    let batch = data.batch([0, 3, 6])
    #expect(batch.negatives.count == 6)
    #expect(batch.negativeOwners == [0, 0, 1, 1, 2, 2])
    #expect(batch.isNegative(0, 1) && batch.isNegative(0, 3) && !batch.isNegative(0, 5))
    #expect(!batch.isNegative(0, 0))
  }
}
