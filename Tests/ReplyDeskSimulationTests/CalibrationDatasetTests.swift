import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskSimulation

@Suite struct CalibrationDatasetTests {
  @Test func calibrationConversationsAreNotTheTrainingConversationsOfTheSameSeed() {
    let training = TranscriptGenerator(templates: ShippedTemplates.all, seed: 1).generate(
      count: 40, start: fixedNow)
    let again = TranscriptGenerator(templates: ShippedTemplates.all, seed: 1).generate(
      count: 40, start: fixedNow)
    #expect(training.map(\.profile) == again.map(\.profile))
    let calibration = CalibrationDataset.transcripts(
      templates: ShippedTemplates.all, seed: 1, conversations: 40, start: fixedNow)
    #expect(calibration.count == 40)
    let trainingProfiles = training.map(\.profile)
    #expect(!calibration.contains { trainingProfiles.contains($0.profile) })
  }

  @Test func samplesAreLabelledByTheIdealAgentsTemplate() {
    let ranker = SuggestionPipeline(scorer: LexicalRanker(templates: ShippedTemplates.all))
    let samples = CalibrationDataset.samples(
      ranker: ranker, templates: ShippedTemplates.all, seed: 3, conversations: 30, start: fixedNow)
    #expect(samples.count > 30)
    #expect(samples.contains(where: \.correct) && samples.contains { !$0.correct })
    #expect(samples.allSatisfy { $0.margin >= 0 && $0.margin <= $0.topScore })
  }
}
