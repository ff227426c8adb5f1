import ArgumentParser
import Foundation
import ReplyDeskCore
import ReplyDeskEngine

/// `replydesk bench ranker`: ranking latency (1,000 and 10,000 templates, 30-turn context, one
/// thread) with the shortlist's recall, and training throughput at a given thread count.
struct BenchRankerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ranker", abstract: "Neural ranker latency, shortlist recall and training throughput.")

  @Option(help: "Model file (default: fresh weights; latency does not depend on their values).")
  var model: String?
  @Option(help: "Corpus for templates, contexts and training batches.")
  var corpus =
    (ProcessInfo.processInfo.environment["REPLYDESK_SHARED_DATA"] ?? "../shared/data") + "/sgd/train"
  @Option(help: "Corpus format.") var format: CorpusFormat = .sgd
  @Option(help: "Templates to rank, comma-separated: one line each.")
  var templates = TemplateCounts([1000, 10000])
  @Option(help: "Context turns.") var turns = 30
  @Option(help: "Timed ranking runs.") var runs = 300
  @Option(help: "Queries per set for the shortlist's recall (0 skips it).") var recallQueries = 200
  @Option(help: "OpenBLAS threads for training.") var threads = BLASThreads.training
  @Option(help: "Timed training steps (0 skips training).") var steps = 40
  @Option(help: "Examples per training batch.") var batchSize = 128

  func run() throws {
    let conversations = try CorpusLoader.load(path: corpus, format: format)
    let config = RankerConfig()
    let vocabulary = TrainingData.vocabulary(conversations, config: config)
    var weights = RankerModel(config: config, vocabulary: vocabulary, seed: 1)
    if let model {
      let start = Date()
      weights = try ModelFile.load(model)
      print(String(format: "model load: %.1f ms", Date().timeIntervalSince(start) * 1000))
    }
    try rankingLines(weights, conversations: conversations)
    guard steps > 0 else { return }
    BLASThreads.use(threads)
    let data = TrainingData(conversations, vocabulary: weights.vocabulary, config: weights.config)
    let throughput = RankerBenchmark.trainingThroughput(
      model: weights, data: data, steps: steps, batchSize: batchSize)
    print(
      String(
        format: "training, batch %d, %d BLAS threads: %.0f examples/s  %.0f tokens/s", batchSize, threads,
        throughput.examplesPerSecond, throughput.tokensPerSecond))
  }

  /// One line per template count: latency, the shortlist size, and its recall.
  private func rankingLines(_ weights: RankerModel, conversations: [CorpusConversation]) throws {
    var replies: [String] = []
    var seen = Set<String>()
    let most = templates.values.max() ?? 0
    for conversation in conversations where replies.count < most {
      for turn in conversation.turns where turn.speaker == 1 && seen.insert(turn.text).inserted {
        replies.append(turn.text)
      }
    }
    let allTurns = conversations.flatMap(\.turns)
    let context = (0..<turns).map { k in
      let turn = allTurns[k % allTurns.count]
      return (speaker: k % 2 == 0 ? Speaker.customer : .agent, text: turn.text)
    }
    BLASThreads.use(BLASThreads.interactive)
    let sets = try RecallQuerySets(conversations: conversations, perSet: recallQueries)
    for count in templates.values {
      let texts = Array(replies.prefix(count))
      let ranker = NeuralRanker(model: weights, templates: RankerBenchmark.templates(texts))
      let latency = RankerBenchmark.rankingLatency(ranker: ranker, turns: context, runs: runs)
      var line = String(
        format: "ranking %d templates, %d-turn context, 1 thread: median %.2f ms  p99 %.2f ms", texts.count,
        turns, latency.median, latency.p99)
      if recallQueries > 0 {
        let shortlist =
          texts.count > ranker.shortlistSize ? "shortlist \(ranker.shortlistSize)" : "no shortlist"
        let recall = sets.recall(model: weights, corpusRanker: ranker, count: count)
        line += "  \(shortlist)  " + RecallQuerySets.summary(recall)
      }
      print(line)
    }
  }
}
