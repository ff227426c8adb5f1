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
    let peak: Float = 2e-3
    let schedule = LearningSchedule(
      peak: peak, warmupSteps: 10, plannedSteps: 1000, stepsAreSet: false, budgetMinutes: 2)
    #expect(schedule.fractionDone(steps: 10, seconds: 60) == 0.5)
    #expect(schedule.fractionDone(steps: 900, seconds: 60) == 0.9)
    #expect(schedule.fractionDone(steps: 10, seconds: 500) == 1)
    #expect(schedule.rate(step: 0, fraction: 0) == peak / 10)
    #expect(schedule.rate(step: 20, fraction: 0) == peak)
    #expect(abs(schedule.rate(step: 20, fraction: 1) - peak / 10) < 1e-7)
    #expect(schedule.rate(step: 20, fraction: 0.5) < peak * 0.6)
  }
}
