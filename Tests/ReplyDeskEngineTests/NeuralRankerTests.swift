import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskEngine

/// The console-facing ranker: ranked, slot-filled suggestions with attended context words.
struct NeuralRankerTests {
  func trainedRanker() throws -> SuggestionPipeline {
    let (data, model) = SyntheticCorpus.setUp()
    let options = SyntheticCorpus.overfitOptions
    let (trained, _) = try Trainer(options: options).train(data, model: model, dev: nil) { _ in }
    let templates = SyntheticCorpus.topics.enumerated().map { index, topic in
      ReplyTemplate(id: "t\(index)", topic: "shop", text: topic.reply + " {customer.first_name}")
    }
    return SuggestionPipeline(scorer: NeuralRanker(model: trained, templates: templates))
  }

  func request(_ text: String, limit: Int = 3) -> RankingRequest {
    let now = Date()
    let context = [
      Turn(id: 1, speaker: .customer, text: "hello there", time: now),
      Turn(id: 2, speaker: .agent, text: "Hi, how can I help?", time: now),
      Turn(id: 3, speaker: .customer, text: text, time: now),
    ]
    let profile = CustomerProfile(id: "c", firstName: "Ada", lastName: "Lovelace")
    return RankingRequest(chat: ChatID("x"), generation: 1, context: context, profile: profile, limit: limit)
  }

  @Test func ranksTheMatchingTemplateFirstAndExplainsIt() throws {
    let ranker = try trainedRanker()
    let result = ranker.rank(request("I want my money back for the broken kettle"))
    #expect(result.rankerName == "neural v\(ModelFile.version)")
    #expect(result.suggestions.count == 3)
    #expect(result.suggestions.first?.source == .template(id: "t1"))
    #expect(result.suggestions.first?.text.hasSuffix("Ada") == true)
    let scores = result.suggestions.map(\.score)
    #expect(scores == scores.sorted(by: >))
    #expect(scores.allSatisfy { $0 > 0 && $0 <= 1 })
    #expect(!result.attended.isEmpty)
    #expect(result.attended.allSatisfy { [1, 2, 3].contains($0.turnID) })
    #expect(result.attended.map(\.weight) == result.attended.map(\.weight).sorted(by: >))
  }

  @Test func theDraftSteersTheRanking() throws {
    let ranker = try trainedRanker()
    var typing = request("I want my money back for the broken kettle")
    typing.limit = SyntheticCorpus.topics.count
    let undrafted = ranker.rank(typing).suggestions
    // The runner-up: the tiny overfitted model's margins are arbitrary, and can be wider than the
    // draft's lift, so the draft must raise the runner-up and lower the leader, not always swap them.
    let (leader, runnerUp) = (try #require(undrafted.first), undrafted[1])
    let other = try #require(Int(runnerUp.id.dropFirst()))
    typing.draft = SyntheticCorpus.topics[other].reply
    let drafted = ranker.rank(typing).suggestions
    func score(_ id: String, in suggestions: [Suggestion]) -> Double? {
      suggestions.first { $0.id == id }.map(\.score)
    }
    let raised = try #require(score(runnerUp.id, in: drafted))
    let lowered = try #require(score(leader.id, in: drafted))
    #expect(raised > runnerUp.score)
    #expect(lowered < leader.score)
    #expect(drafted.firstIndex { $0.id == runnerUp.id } ?? 9 <= 1)
  }

  @Test func handlesEmptyContextAndNoTemplates() throws {
    let ranker = try trainedRanker()
    var empty = request("x")
    empty.context = []
    #expect(ranker.rank(empty).suggestions.isEmpty, "before the customer writes only greetings are offered")
    let (_, model) = SyntheticCorpus.setUp()
    let none = SuggestionPipeline(scorer: NeuralRanker(model: model, templates: []))
    #expect(none.rank(request("hello")).suggestions.isEmpty)
  }
}
