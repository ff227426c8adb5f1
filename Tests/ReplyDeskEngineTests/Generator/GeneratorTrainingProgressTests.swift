import Testing

@testable import ReplyDeskEngine

/// The trainer reports the fraction done after every step, for the console's "generator: training N%".
@Suite struct GeneratorTrainingProgressTests {
  @Test func progressRisesStepByStepToOne() {
    var options = GeneratorTrainingOptions()
    options.epochs = 3
    options.batchSize = 2
    var fractions: [Double] = []
    let model = GeneratorModel(
      config: GeneratorFixtures.config, vocabulary: GeneratorFixtures.vocabulary, seed: 1)
    let (_, report) = GeneratorTrainer(options: options).train(
      GeneratorFixtures.encoder.examples(GeneratorFixtures.conversations), model: model,
      onStep: { fractions.append($0) })
    #expect(fractions.count == report.steps)
    #expect(report.steps == 6)
    #expect(zip(fractions, fractions.dropFirst()).allSatisfy { $0 < $1 })
    #expect(fractions.last == 1)
    #expect(fractions.first == 1.0 / 6)
  }

  @Test func theLearningRateDecaysOverTheTimeBudgetWhenItEndsFirst() {
    var options = GeneratorTrainingOptions()
    options.minutes = 2
    options.warmupSteps = 10
    let trainer = GeneratorTrainer(options: options)
    #expect(trainer.fractionDone(steps: 10, planned: 1000, elapsed: 60) == 0.5)
    #expect(trainer.fractionDone(steps: 900, planned: 1000, elapsed: 60) == 0.9)
    #expect(trainer.fractionDone(steps: 10, planned: 1000, elapsed: 500) == 1)
    #expect(trainer.learningRate(step: 0, done: 0) == options.learningRate / 10)
    #expect(trainer.learningRate(step: 20, done: 0) == options.learningRate)
    #expect(abs(trainer.learningRate(step: 20, done: 1) - options.learningRate / 10) < 1e-7)
    #expect(trainer.learningRate(step: 20, done: 0.5) < options.learningRate * 0.6)
  }
}
