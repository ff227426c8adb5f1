import ReplyDeskApp
import ReplyDeskCore
import ReplyDeskSimulation
import Testing

@testable import ReplyDeskEngine

/// The generator's held-out evaluation set built from simulated transcripts.
@Suite struct GeneratorEvaluationItemsTests {
  @Test func everyAgentTurnAfterTheFirstIsAQueryWithItsTrueReplyFirst() throws {
    let templates = try TemplateLibrary.load(directory: try #require(ResourceLocator.templatesDirectory()))
      .templates
    let transcripts = SimulatedCorpus.transcripts(
      count: 4, from: SimulatedCorpus.heldOutOffset, seed: 3, templates: templates)
    var config = GeneratorConfig()
    config.dim = 16
    config.layers = 1
    let model = GeneratorModel(
      config: config, vocabulary: GeneratorVocabulary(words: ["sure", "."]), seed: 1)
    let generator = ReplyGenerator(model: model, safety: ReplySafety(blocklist: ""))
    let items = GeneratorEvaluationItems.simulated(transcripts, generator: generator)
    let agentTurns = transcripts.map { transcript in
      transcript.turns.enumerated().filter { $0.offset > 0 && $0.element.speaker == .agent }.count
    }
    #expect(items.count == agentTurns.reduce(0, +))
    #expect(items.count > 0)
    for item in items {
      #expect(item.answer == 0)
      #expect(Set(item.query.candidates).count == item.query.candidates.count)
      #expect(item.query.candidates.count <= 100)
      #expect(!item.query.context.isEmpty)
    }
  }
}
