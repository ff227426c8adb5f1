import Foundation
import ReplyDeskCore

/// Queries with known answers, for dev R@1 during training and for `replydesk eval`.
public struct EvaluationSet: Sendable {
  public var queries: [RankingQuery]
  public var answers: [Int]

  public init(queries: [RankingQuery], answers: [Int]) {
    self.queries = queries
    self.answers = answers
  }

  /// Queries built from held-out conversations: the true reply plus `negatives` other distinct
  /// replies drawn from the other examples (seeded), or all of them when there are fewer.
  public static func fromConversations(
    _ conversations: [CorpusConversation], limit: Int, negatives: Int = 99, seed: UInt64 = 7
  ) -> EvaluationSet {
    var rng = SeededGenerator(seed: seed, skip: 1)
    let pairs = TrainingData.pairs(conversations)
    let replies = pairs.map { conversations[$0.conversation].replyText($0.turn) }
    let distinctReplies = Set(replies).count
    var chosen = Array(pairs.indices)
    chosen.shuffle(using: &rng)
    var set = EvaluationSet(queries: [], answers: [])
    for index in chosen.prefix(limit) {
      let (c, t) = pairs[index]
      var candidates = [replies[index]]
      let wanted = 1 + min(negatives, distinctReplies - 1)
      while candidates.count < wanted {
        let other = replies[Int.random(in: 0..<replies.count, using: &rng)]
        if !candidates.contains(other) { candidates.append(other) }
      }
      candidates.shuffle(using: &rng)
      let context = conversations[c].turns[..<t].map { turn in
        RankingQuery.Turn(speaker: ["customer", "agent", "system"][turn.speaker], text: turn.text)
      }
      let time = conversations[c].times.isEmpty ? nil : conversations[c].time(t)
      set.queries.append(
        RankingQuery(
          id: "\(conversations[c].id):\(t)", context: context, profile: conversations[c].profile,
          candidates: candidates, time: time.map { .number($0.timeIntervalSince1970) }))
      set.answers.append(candidates.firstIndex(of: replies[index])!)
    }
    return set
  }

  public func evaluate(_ model: RankerModel) throws -> RetrievalMetrics {
    let ranker = QueryRanker(model: model)
    return RetrievalMetrics(scores: try queries.map { try ranker.scores(for: $0) }, answers: answers)
  }
}

/// How long and how fast to train.
public struct TrainingOptions: Sendable {
  public var epochs = 10
  public var minutes: Double?
  /// Stop after this many steps, the learning-rate schedule running over them: the same data,
  /// seed and steps give the same model on any machine, however busy.
  public var steps: Int?
  /// What `minutes` counts.
  public var budgetClock = BudgetClock.wall
  public var batchSize = 128
  public var learningRate: Float = 2e-3
  public var warmupSteps = 100
  public var seed: UInt64 = 1
  /// Fraction of word-vector entries dropped during training.
  public var dropout: Float = 0.1
  public init() {}
}

/// Training throughput and the best dev result.
public struct TrainingReport: Sendable {
  public var examplesPerSecond = 0.0
  public var tokensPerSecond = 0.0
  public var steps = 0
  public var bestDev: RetrievalMetrics?
  var finalLoss: Float = 0
}

/// Trains a ranker with in-batch and same-domain hard negatives, AdamW, warmup and cosine decay,
/// keeping the weights with the best dev R@1 (the last weights without a dev set).
public struct Trainer {
  var options: TrainingOptions

  public init(options: TrainingOptions) { self.options = options }

  public func train(
    _ data: TrainingData, model start: RankerModel, dev: EvaluationSet?,
    checkpoint: (RankerModel) throws -> Void = { _ in }, progress: (String) -> Void,
    onStep: (_ fractionDone: Double) -> Void = { _ in }
  ) throws -> (RankerModel, TrainingReport) {
    var model = start
    var rng = SeededGenerator(seed: options.seed, skip: 1)
    var gradients = model.parameters.map { Matrix(rows: $0.rows, cols: $0.cols) }
    var sparse = [RankerParameter.embedding.rawValue: TouchedRows(rows: model.vocabulary.rowCount)]
    var optimizer = AdamW(shapes: model.parameters, learningRate: options.learningRate)
    var report = TrainingReport()
    var best = model
    let began = Date()
    let budgetStart = options.budgetClock.now()
    let batchesPerEpoch = max(1, data.count / max(1, options.batchSize / 2))
    let schedule = LearningSchedule(
      peak: options.learningRate, warmupSteps: options.warmupSteps,
      plannedSteps: options.steps ?? options.epochs * batchesPerEpoch, stepsAreSet: options.steps != nil,
      budgetMinutes: options.minutes)
    var trainSeconds = 0.0
    var examples = 0
    var tokens = 0
    for epoch in 1...max(1, options.epochs) {
      var lossSum: Float = 0
      var batches = 0
      var outOfTime = false
      for indices in data.epochBatches(size: options.batchSize, using: &rng) {
        let elapsed = options.budgetClock.now() - budgetStart
        outOfTime = elapsed >= schedule.budgetSeconds || report.steps >= options.steps ?? .max
        if outOfTime { break }
        let fraction = schedule.fractionDone(steps: report.steps, seconds: elapsed)
        optimizer.learningRate = schedule.rate(step: report.steps, fraction: fraction)
        let stepStart = Date()
        let batch = data.batch(indices)
        let (loss, _) = model.trainingStep(
          batch, bags: data.table.bags, gradients: &gradients,
          touched: &sparse[RankerParameter.embedding.rawValue]!, dropout: options.dropout, rng: &rng)
        optimizer.update(&model.parameters, &gradients, sparse: &sparse)
        trainSeconds += Date().timeIntervalSince(stepStart)
        examples += batch.contexts.count
        tokens += batch.tokenCount
        report.steps += 1
        lossSum += loss
        batches += 1
        onStep(schedule.fractionDone(steps: report.steps, seconds: elapsed))
      }
      if batches == 0 { break }  // the budget ran out with the previous epoch
      report.examplesPerSecond = Double(examples) / max(trainSeconds, 1e-9)
      report.tokensPerSecond = Double(tokens) / max(trainSeconds, 1e-9)
      report.finalLoss = lossSum / Float(max(batches, 1))
      var line = String(
        format: "epoch %d  %.0f examples/s  %.0f tokens/s  loss %.4f", epoch, report.examplesPerSecond,
        report.tokensPerSecond, report.finalLoss)
      line += try keepIfBest(model, dev: dev, best: &best, report: &report, checkpoint: checkpoint)
      let elapsed = Date().timeIntervalSince(began)
      let budgetLeft = schedule.budgetSeconds - (options.budgetClock.now() - budgetStart)
      let remaining = min(budgetLeft, elapsed / Double(epoch) * Double(options.epochs - epoch))
      progress(line + String(format: "  elapsed %.0fs  ETA %.0fs", elapsed, max(0, remaining)))
      if outOfTime { break }  // a cut-short epoch still counts: its weights were evaluated above
    }
    return (best, report)
  }

  /// Keeps an epoch's weights in `best` when they beat the best dev R@1 so far (always without a
  /// dev set), saving them with `checkpoint`; returns the dev figures for the epoch's line.
  private func keepIfBest(
    _ model: RankerModel, dev: EvaluationSet?, best: inout RankerModel, report: inout TrainingReport,
    checkpoint: (RankerModel) throws -> Void
  ) throws -> String {
    guard let dev else {
      best = model
      return ""
    }
    let metrics = try dev.evaluate(model)
    if metrics.recallAt1 > (report.bestDev?.recallAt1 ?? -1) {
      report.bestDev = metrics
      best = model
      try checkpoint(best)
    }
    return String(format: "  dev R@1 %.4f MRR %.4f", metrics.recallAt1, metrics.meanReciprocalRank)
  }
}
