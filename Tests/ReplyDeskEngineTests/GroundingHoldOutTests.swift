import Foundation
import ReplyDeskCore
import ReplyDeskSimulation
import Testing

@testable import ReplyDeskEngine

/// The held-out grounding set (Evaluation/grounding) and the development set
/// (Evaluation/grounding-dev) are well formed and share no text with the default model's training
/// corpus.
struct GroundingHoldOutTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let sets = ["Evaluation/grounding", "Evaluation/grounding-dev"]

  static func queries(_ set: String) throws -> [GroundingQuery] {
    try JSONLines.read(GroundingQuery.self, path: root.appendingPathComponent("\(set)/queries.jsonl").path)
  }

  /// Words with profile values masked, as the ranker reads them.
  static func key(_ text: String, profile: ProfileText) -> String {
    profile.mask(WordSplitter.words(text, templateSlots: true)).joined(separator: " ")
  }

  @Test(arguments: sets) func everyQueryHasOneStateTrueCandidateAmongDistinctStates(set: String) throws {
    let queries = try Self.queries(set)
    #expect(queries.count >= 150)
    for query in queries {
      #expect(query.candidates.count == query.states.count && query.candidates.count >= 3, "\(query.id)")
      #expect(Set(query.states).count == query.states.count, "\(query.id)")
      #expect(query.candidates.indices.contains(query.answer), "\(query.id)")
      #expect(GroundingEvaluation.heldOutKinds.contains(query.kind), "\(query.id)")
    }
    #expect(Set(queries.map(\.kind)) == Set(GroundingEvaluation.heldOutKinds))
  }

  @Test func theDefaultTrainingCorpusSharesNoTextWithIt() throws {
    let templates = try TemplateLibrary.load(directory: Self.root.appendingPathComponent("Templates"))
      .templates
    var grounded = GroundedReplies(templates: templates, seed: 1)
    let corpus = TranscriptGenerator(templates: templates, seed: 1).generate(count: 400, start: Date())
      .flatMap {
        grounded.conversations(
          id: $0.id, profile: $0.profile, turns: $0.turns, domain: $0.scenario.rawValue,
          templateIDs: $0.templateIDs)
      }
    var training = Set<String>()
    for conversation in corpus {
      let profile = ProfileText(conversation.profile)
      let texts =
        conversation.turns.map(\.text) + conversation.replyTexts.values
        + conversation.negativeTexts.values.joined()
      for text in texts { training.insert(Self.key(text, profile: profile)) }
    }
    #expect(corpus.contains { !$0.negativeTexts.isEmpty })
    for query in try Self.sets.flatMap(Self.queries) {
      let profile = ProfileText(query.profile)
      for text in query.candidates + query.context.map(\.text) where text.count > 12 {
        #expect(!training.contains(Self.key(text, profile: profile)), "\(query.id): \(text)")
      }
    }
  }
}
