import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskEngine

/// A model's vocabulary grown for a new corpus: known words and hashed buckets keep their weights,
/// so old inputs score exactly as before; each new word starts at the mean of its 3-gram buckets.
struct VocabularyGrowthTests {
  private let added = ["zebra", "quokka", "<slot_gift>"]

  private func scores(_ model: RankerModel, _ set: EvaluationSet) throws -> [[Float]] {
    let ranker = QueryRanker(model: model)
    return try set.queries.map { try ranker.scores(for: $0) }
  }

  @Test func oldInputsScoreExactlyAsWithTheOriginalModel() throws {
    let (_, model) = SyntheticCorpus.setUp()
    let grown = model.growingVocabulary(with: added + [model.vocabulary.words[0]])
    #expect(grown.vocabulary.words == model.vocabulary.words + added)
    #expect(grown.vocabulary.rowCount == model.vocabulary.rowCount + added.count)
    #expect(grown[.embedding].rows == grown.vocabulary.rowCount)
    let set = EvaluationSet.fromConversations(SyntheticCorpus.conversations(), limit: 50)
    #expect(!set.queries.isEmpty)
    #expect(try scores(grown, set) == scores(model, set))
  }

  @Test func aNewWordHasItsOwnRowStartingAtItsBucketsMean() throws {
    let (_, model) = SyntheticCorpus.setUp()
    let grown = model.growingVocabulary(with: added)
    let dim = model.config.dim
    func row(_ table: Matrix, _ index: Int) -> [Float] {
      Array(table.data[(index * dim)..<((index + 1) * dim)])
    }
    for (k, word) in added.enumerated() {
      let sources = model.vocabulary.ownBucketRows(of: word)
      var mean = [Float](repeating: 0, count: dim)
      for source in sources {
        for c in 0..<dim { mean[c] += model[.embedding].data[source * dim + c] / Float(sources.count) }
      }
      let own = 2 + model.vocabulary.words.count + k
      #expect(grown.vocabulary.bag(word: word, previous: "my").first == Int32(own))
      #expect(row(grown[.embedding], own) == mean)
    }
    #expect(model.vocabulary.ownBucketRows(of: "<slot_gift>").count == 1)
    // A query naming a new word reads its own row now, so it scores differently.
    let query = RankingQuery(
      id: "q", context: [.init(speaker: "customer", text: "a zebra and a quokka")], profile: nil,
      candidates: [
        "Your parcel is on its way and arrives tomorrow.", "I sent a reset link to your email address.",
      ])
    #expect(try QueryRanker(model: grown).scores(for: query) != QueryRanker(model: model).scores(for: query))
  }

  @Test func aGrownModelTrainsOnTheCorpusWithItsNewWords() throws {
    let (_, model) = SyntheticCorpus.setUp()
    var conversations = SyntheticCorpus.conversations()
    for index in conversations.indices {
      conversations[index].turns[2].text += " zebra quokka"
    }
    let words = model.vocabulary.newWords(in: conversations, config: model.config)
    #expect(words.contains("zebra") && words.contains("quokka"))
    #expect(!words.contains(where: model.vocabulary.words.contains))
    let grown = model.growingVocabulary(with: words)
    let data = TrainingData(conversations, vocabulary: grown.vocabulary, config: grown.config)
    var options = TrainingOptions()
    options.epochs = 2
    options.batchSize = 8
    let (trained, report) = try Trainer(options: options).train(
      data, model: grown, dev: nil, progress: { _ in })
    #expect(report.steps > 0)
    #expect(trained.vocabulary == grown.vocabulary)
    #expect(trained[.embedding] != grown[.embedding])
  }
}
