import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskCore
import ReplyDeskEngine
import ReplyDeskSimulation

/// Template counts given as one comma-separated option, for example `--templates 1000,10000`.
struct TemplateCounts: ExpressibleByArgument, Sendable {
  var values: [Int]

  init(_ values: [Int]) { self.values = values }

  init?(argument: String) {
    let values = argument.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard !values.isEmpty, values.count == argument.split(separator: ",").count, values.allSatisfy({ $0 > 0 })
    else { return nil }
    self.values = values
  }

  var defaultValueDescription: String { values.map(String.init).joined(separator: ",") }
}

/// The query sets `bench ranker` measures the shortlist's recall on: contexts from the bench's
/// corpus (ranked against its corpus replies), and the simulated dev chats and held-out grounding
/// queries of `replydesk eval --grounding` (ranked against Templates/ padded with its variants, as
/// `bench lexical` pads it).
struct RecallQuerySets {
  var corpus: [RankingRequest]
  var simulated: [RankingRequest]
  var grounding: [RankingRequest]
  /// The shipped templates, or empty when no Templates/ directory was found.
  var library: [ReplyTemplate]

  init(conversations: [CorpusConversation], perSet count: Int) throws {
    corpus = Self.corpusRequests(conversations, count: count)
    guard count > 0, let directory = ResourceLocator.templatesDirectory() else {
      (simulated, grounding, library) = ([], [], [])
      return
    }
    library = try TemplateLibrary.load(directory: directory).templates
    simulated = try Array(GroundingDevSplit.queries(chats: max(1, count / 2)).prefix(count).map(\.request))
    let path = try? ModelFigures.groundingSetPath()
    let held = try path.map { try JSONLines.read(GroundingQuery.self, path: $0) } ?? []
    grounding = Array(held.prefix(count).map(\.request))
  }

  /// One request per conversation, up to `count`: the turns before an agent turn in its middle.
  static func corpusRequests(_ conversations: [CorpusConversation], count: Int) -> [RankingRequest] {
    guard count > 0 else { return [] }
    let step = max(1, conversations.count / count)
    return stride(from: 0, to: conversations.count, by: step).prefix(count).compactMap { index in
      let turns = conversations[index].turns
      let agentTurns = turns.indices.filter { $0 > 0 && turns[$0].speaker == 1 }
      guard !agentTurns.isEmpty else { return nil }
      let end = agentTurns[agentTurns.count / 2]
      let context = turns[..<end].map { turn in
        (
          speaker: turn.speaker == 0 ? Speaker.customer : turn.speaker == 1 ? .agent : .system,
          text: turn.text
        )
      }
      return RankerBenchmark.request(Array(context))
    }
  }

  /// Recall per set, for `templates` corpus replies and the library padded to as many templates.
  func recall(model: RankerModel, corpusRanker: NeuralRanker, count: Int) -> [(String, ShortlistRecall)] {
    var sets = [("corpus", ShortlistRecall(ranker: corpusRanker, requests: corpus))]
    guard !library.isEmpty else { return sets }
    let padded = NeuralRanker(model: model, templates: TemplateVariants.generate(from: library, count: count))
    sets.append(("simulated", ShortlistRecall(ranker: padded, requests: simulated)))
    sets.append(("grounding", ShortlistRecall(ranker: padded, requests: grounding)))
    return sets
  }

  /// "recall@1 99.8%  recall@4 98.1% (corpus 100.0/99.0% of 200, ...)"
  static func summary(_ sets: [(String, ShortlistRecall)]) -> String {
    let total = sets.map(\.1).reduce(ShortlistRecall(), +)
    let parts = sets.map { name, recall in
      "\(name) "
        + String(format: "%.1f/%.1f%% of %d", 100 * recall.top1Share, 100 * recall.top4Share, recall.queries)
    }
    return String(format: "recall@1 %.1f%%  recall@4 %.1f%%", 100 * total.top1Share, 100 * total.top4Share)
      + " (" + parts.joined(separator: ", ") + ")"
  }
}
