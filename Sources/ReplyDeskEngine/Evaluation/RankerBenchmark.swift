import Foundation
import ReplyDeskCore

/// Speed figures for `replydesk bench ranker`: ranking latency and training throughput.
public enum RankerBenchmark {
  /// Corpus replies as templates, as `bench ranker` ranks them.
  public static func templates(_ texts: [String]) -> [ReplyTemplate] {
    texts.enumerated().map { index, text in ReplyTemplate(id: "bench.\(index)", topic: "bench", text: text) }
  }

  /// The chat `bench ranker` ranks for: `turns` (speaker, text) and one profile.
  public static func request(_ turns: [(speaker: Speaker, text: String)], generation: Int = 0)
    -> RankingRequest
  {
    let now = Date(timeIntervalSince1970: 1_764_590_400)
    let context = turns.enumerated().map { index, turn in
      Turn(id: index + 1, speaker: turn.speaker, text: turn.text, time: now)
    }
    let profile = CustomerProfile(id: "c1", firstName: "Ada", lastName: "Lovelace", membership: .gold)
    return RankingRequest(
      chat: ChatID("bench"), generation: generation, context: context, profile: profile, time: now)
  }

  /// Ranks `turns` with `ranker` `runs` times through `SuggestionPipeline.rank` (slot filling
  /// included) and returns the latency.
  public static func rankingLatency(
    ranker: NeuralRanker, turns: [(speaker: Speaker, text: String)], runs: Int
  ) -> LatencyStatistics {
    let pipeline = SuggestionPipeline(scorer: ranker)
    var samples: [Double] = []
    for run in 0..<(runs + 5) {
      let request = request(turns, generation: run)
      let start = DispatchTime.now().uptimeNanoseconds
      _ = pipeline.rank(request)
      if run >= 5 { samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6) }
    }
    return LatencyStatistics(samples)
  }

  /// Examples and tokens per second over `steps` training steps of `batchSize` examples.
  public static func trainingThroughput(
    model start: RankerModel, data: TrainingData, steps: Int, batchSize: Int
  ) -> (examplesPerSecond: Double, tokensPerSecond: Double) {
    var model = start
    var rng = SeededGenerator(seed: 5, skip: 1)
    var gradients = model.parameters.map { Matrix(rows: $0.rows, cols: $0.cols) }
    var sparse = [RankerParameter.embedding.rawValue: TouchedRows(rows: model.vocabulary.rowCount)]
    var optimizer = AdamW(shapes: model.parameters, learningRate: 1e-3)
    let batches = data.epochBatches(size: batchSize, using: &rng).prefix(steps)
    var examples = 0
    var tokens = 0
    let began = DispatchTime.now().uptimeNanoseconds
    for indices in batches {
      let batch = data.batch(indices)
      _ = model.trainingStep(
        batch, bags: data.table.bags, gradients: &gradients,
        touched: &sparse[RankerParameter.embedding.rawValue]!, dropout: 0.1, rng: &rng)
      optimizer.update(&model.parameters, &gradients, sparse: &sparse)
      examples += batch.contexts.count
      tokens += batch.tokenCount
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9
    return (Double(examples) / seconds, Double(tokens) / seconds)
  }
}
