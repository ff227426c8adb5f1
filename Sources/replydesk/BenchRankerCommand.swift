import ArgumentParser
import Foundation
import ReplyDeskCore
import ReplyDeskEngine

/// `replydesk bench ranker`: ranking latency (1,000 templates, 30-turn context, one thread) and
/// training throughput at a given thread count.
struct BenchRankerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ranker", abstract: "Neural ranker latency and training throughput.")

  @Option(help: "Model file (default: fresh weights; latency does not depend on their values).")
  var model: String?
  @Option(help: "Corpus for templates, contexts and training batches.")
  var corpus =
    (ProcessInfo.processInfo.environment["REPLYDESK_SHARED_DATA"] ?? "../shared/data") + "/sgd/train"
  @Option(help: "Corpus format.") var format: CorpusFormat = .sgd
  @Option(help: "Templates to rank.") var templates = 1000
  @Option(help: "Context turns.") var turns = 30
  @Option(help: "Timed ranking runs.") var runs = 300
  @Option(help: "OpenBLAS threads for training.") var threads = 2
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
    var replies: [String] = []
    var seen = Set<String>()
    for conversation in conversations {
      for turn in conversation.turns where turn.speaker == 1 && seen.insert(turn.text).inserted {
        replies.append(turn.text)
      }
    }
    replies = Array(replies.prefix(templates))
    let allTurns = conversations.flatMap(\.turns)
    let context = (0..<turns).map { k in
      let turn = allTurns[k % allTurns.count]
      return (speaker: k % 2 == 0 ? Speaker.customer : .agent, text: turn.text)
    }
    BLAS.setThreads(1)
    let latency = RankerBenchmark.rankingLatency(
      model: weights, templateTexts: replies, turns: context, runs: runs)
    print(
      String(
        format: "ranking %d templates, %d-turn context, 1 thread: median %.2f ms  p99 %.2f ms", replies.count,
        turns, latency.median, latency.p99))
    guard steps > 0 else { return }
    BLAS.setThreads(threads)
    let data = TrainingData(conversations, vocabulary: weights.vocabulary, config: weights.config)
    let throughput = RankerBenchmark.trainingThroughput(
      model: weights, data: data, steps: steps, batchSize: batchSize)
    print(
      String(
        format: "training, batch %d, %d BLAS threads: %.0f examples/s  %.0f tokens/s", batchSize, threads,
        throughput.examplesPerSecond, throughput.tokensPerSecond))
  }
}
