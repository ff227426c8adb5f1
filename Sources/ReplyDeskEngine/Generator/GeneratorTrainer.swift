import Foundation
import ReplyDeskCore

/// How long and how fast to train the generator.
public struct GeneratorTrainingOptions: Sendable {
  public var epochs = 10
  public var minutes: Double?
  /// What `minutes` counts.
  var budgetClock = BudgetClock.wall
  public var batchSize = 32
  public var learningRate: Float = 2e-3
  var warmupSteps = 50
  var weightDecay: Float = 0.01
  public var seed: UInt64 = 1
  public init() {}
}

/// What a training run did.
public struct GeneratorTrainingReport: Sendable {
  public var steps = 0
  public var examplesPerSecond = 0.0
  public var tokensPerSecond = 0.0
  var finalLoss: Float = 0
  var devLoss: Float?
}

/// Teacher-forced next-token training with AdamW and the shared `LearningSchedule`.
public struct GeneratorTrainer: Sendable {
  var options: GeneratorTrainingOptions

  public init(options: GeneratorTrainingOptions) { self.options = options }

  /// Trains on `examples`; `progress` gets a line per epoch, `onStep` the fraction of the planned
  /// steps (or of the time budget, whichever is further) after each step.
  public func train(
    _ examples: [GeneratorExample], model start: GeneratorModel, dev: [GeneratorExample] = [],
    progress: (String) -> Void = { _ in }, onStep: (Double) -> Void = { _ in }
  ) -> (GeneratorModel, GeneratorTrainingReport) {
    var model = start
    var report = GeneratorTrainingReport()
    guard !examples.isEmpty else { return (model, report) }
    var optimizer = AdamW(
      shapes: model.parameters, learningRate: options.learningRate, weightDecay: options.weightDecay,
      clipNorm: 1)
    var rng = SeededGenerator(seed: options.seed, skip: 1)
    let batchSize = max(1, min(options.batchSize, examples.count))
    let stepsPerEpoch = (examples.count + batchSize - 1) / batchSize
    let schedule = LearningSchedule(
      peak: options.learningRate, warmupSteps: options.warmupSteps,
      plannedSteps: stepsPerEpoch * max(1, options.epochs), stepsAreSet: false, budgetMinutes: options.minutes
    )
    let began = Date()
    let budgetStart = options.budgetClock.now()
    var seenExamples = 0
    var seenTokens = 0
    var smoothed: Float?
    var noSparse: [Int: TouchedRows] = [:]
    training: for epoch in 1...max(1, options.epochs) {
      var order = Array(examples.indices)
      order.shuffle(using: &rng)
      for first in stride(from: 0, to: order.count, by: batchSize) {
        let batch = order[first..<min(order.count, first + batchSize)].map { examples[$0] }
        var (loss, gradients) = model.lossAndGradients(batch)
        let before = schedule.fractionDone(
          steps: report.steps, seconds: options.budgetClock.now() - budgetStart)
        optimizer.learningRate = schedule.rate(step: report.steps, fraction: before)
        optimizer.update(&model.parameters, &gradients, sparse: &noSparse)
        report.steps += 1
        seenExamples += batch.count
        seenTokens += batch.reduce(0) { $0 + $1.prefix.count + $1.reply.count }
        smoothed = smoothed.map { 0.95 * $0 + 0.05 * loss } ?? loss
        let elapsed = options.budgetClock.now() - budgetStart
        onStep(schedule.fractionDone(steps: report.steps, seconds: elapsed))
        if elapsed > schedule.budgetSeconds { break training }
      }
      let devText = dev.isEmpty ? "" : String(format: "  dev loss %.3f", devLoss(model, dev))
      progress(String(format: "epoch %d  steps %d  loss %.3f", epoch, report.steps, smoothed ?? 0) + devText)
    }
    let seconds = max(Date().timeIntervalSince(began), 1e-9)
    report.examplesPerSecond = Double(seenExamples) / seconds
    report.tokensPerSecond = Double(seenTokens) / seconds
    report.finalLoss = smoothed ?? 0
    report.devLoss = dev.isEmpty ? nil : devLoss(model, dev)
    return (model, report)
  }

  /// Mean next-token loss over up to 512 dev examples.
  func devLoss(_ model: GeneratorModel, _ dev: [GeneratorExample]) -> Float {
    let sample = Array(dev.prefix(512))
    var total: Float = 0
    for first in stride(from: 0, to: sample.count, by: 64) {
      let part = Array(sample[first..<min(sample.count, first + 64)])
      total += model.lossAndGradients(part).loss * Float(part.count)
    }
    return total / Float(max(1, sample.count))
  }
}
