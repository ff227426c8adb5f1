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
}
