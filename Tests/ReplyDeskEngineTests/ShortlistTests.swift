import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskEngine

/// The two-stage score of a large library: a small one is scored in full as before, a large one's
/// top matches the full scorer's when the shortlist holds it, a drafted template always reaches the
/// full scorer, and the probabilities still sum to 1.
struct ShortlistTests {
  static let openers = [
    "", "Thanks for waiting. ", "Sure. ", "I checked this. ", "Of course! ", "Good news. ",
  ]

  /// The synthetic corpus's model, trained until it tells its topics apart.
  static let model: RankerModel = {
    let (data, fresh) = SyntheticCorpus.setUp()
    let options = SyntheticCorpus.overfitOptions
    return try! Trainer(options: options).train(data, model: fresh, dev: nil) { _ in }.0
  }()

  /// Every topic's reply behind every opener: 48 templates, six near-copies of each reply.
  static let templates: [ReplyTemplate] = openers.enumerated().flatMap { round, opener in
    SyntheticCorpus.topics.enumerated().map { index, topic in
      ReplyTemplate(id: "t\(index).v\(round)", topic: "shop", text: opener + topic.reply)
    }
  }

  func request(_ text: String, draft: String = "") -> RankingRequest {
    let now = Date(timeIntervalSince1970: 1_764_590_400)
    let context = [
      Turn(id: 1, speaker: .customer, text: "hello there", time: now),
      Turn(id: 2, speaker: .agent, text: "Hi, how can I help?", time: now),
      Turn(id: 3, speaker: .customer, text: text, time: now),
    ]
    let profile = CustomerProfile(id: "c", firstName: "Ada", lastName: "Lovelace")
    return RankingRequest(
      chat: ChatID("x"), generation: 1, context: context, profile: profile, draft: draft, time: now)
  }

  func scores(_ ranker: NeuralRanker, _ request: RankingRequest) -> TemplateScores {
    ranker.score(request, facts: GroundingFacts(request: request))
  }

  @Test func aLibraryNoLargerThanTheShortlistIsScoredInFull() throws {
    let model = Self.model
    let ranker = NeuralRanker(model: model, templates: Self.templates, shortlistSize: Self.templates.count)
    for topic in SyntheticCorpus.topics {
      let request = request(topic.question, draft: "parcel")
      var table = TypeTable(vocabulary: model.vocabulary)
      let context = ranker.encode(request, facts: GroundingFacts(request: request), table: &table)
      let full = model.score(context, bags: table.bags, candidates: ranker.candidates).scores
      let logits = zip(full, ranker.draftBoost(request.draft)).map { $0 + $1 }
      let top = try #require(logits.max())
      let total = logits.reduce(Float(0)) { $0 + expf($1 - top) }
      #expect(scores(ranker, request).scores == logits.map { Double(expf($0 - top) / total) })
    }
  }

  @Test func theTopOfALargeLibraryIsTheFullScorersWhenTheShortlistHoldsIt() throws {
    let full = NeuralRanker(model: Self.model, templates: Self.templates, shortlistSize: Self.templates.count)
    let shortlisted = NeuralRanker(model: Self.model, templates: Self.templates, shortlistSize: 12)
    var recall = ShortlistRecall()
    for topic in SyntheticCorpus.topics {
      let request = request(topic.question)
      recall.add(shortlisted.shortlistCoverage(request))
      let expected = scores(full, request).scores
      let got = scores(shortlisted, request).scores
      #expect(
        TopIndices.largest(got, count: 4) == TopIndices.largest(expected, count: 4), "\(topic.question)")
    }
    #expect(recall.queries == 8 && recall.top1 == 8 && recall.top4 == 8)
    let tiny = NeuralRanker(model: Self.model, templates: Self.templates, shortlistSize: 1)
    let missed = ShortlistRecall(ranker: tiny, requests: SyntheticCorpus.topics.map { request($0.question) })
    #expect(missed.top4 == 0, "a shortlist of one cannot hold four templates")
  }

  @Test func aTemplateTheDraftMatchesIsAlwaysShortlisted() throws {
    let model = Self.model
    let ranker = NeuralRanker(model: model, templates: Self.templates, shortlistSize: 6)
    let question = request(SyntheticCorpus.topics[0].question)
    let undrafted = scores(ranker, question).scores
    let worst = try #require(undrafted.indices.min { undrafted[$0] < undrafted[$1] })
    // The worst template's rarest word among nine unknown ones: a small boost for a few templates.
    let rarest = try #require(
      NeuralRanker.words(Self.templates[worst].text).min { a, b in
        ranker.draftBoost(a).filter { $0 > 0 }.count < ranker.draftBoost(b).filter { $0 > 0 }.count
      })
    let draft = ([rarest] + (1...9).map { "zz\($0)" }).joined(separator: " ")
    let boost = ranker.draftBoost(draft)
    let matched = boost.indices.filter { boost[$0] > 0 }
    #expect(!matched.isEmpty && matched.count <= 6)
    var drafted = question
    drafted.draft = draft
    let result = scores(ranker, drafted)
    for index in matched { #expect(!result.attended(index).isEmpty, "\(Self.templates[index].id)") }
    var table = TypeTable(vocabulary: model.vocabulary)
    let context = ranker.encode(drafted, facts: GroundingFacts(request: drafted), table: &table)
    let scored = model.scoreShortlisted(
      context, bags: table.bags, candidates: ranker.candidates, size: 6, boost: boost)
    #expect(scored.shortlist.count > 6, "stage one alone would have left a matched template out")
    #expect(Set(matched).isSubset(of: scored.shortlist))
  }

  @Test func probabilitiesSumToOneAndLeftOutTemplatesRankBelowTheShortlist() throws {
    let model = Self.model
    let ranker = NeuralRanker(model: model, templates: Self.templates, shortlistSize: 10)
    for topic in SyntheticCorpus.topics {
      let request = request(topic.question)
      let probabilities = scores(ranker, request).scores
      #expect(abs(probabilities.reduce(0, +) - 1) < 1e-5)
      #expect(probabilities.allSatisfy { $0 > 0 })
      var table = TypeTable(vocabulary: model.vocabulary)
      let context = ranker.encode(request, facts: GroundingFacts(request: request), table: &table)
      let scored = model.scoreShortlisted(context, bags: table.bags, candidates: ranker.candidates, size: 10)
      let inside = scored.shortlist.map { probabilities[$0] }
      let outside = probabilities.indices.filter { scored.positions[$0] == nil }.map { probabilities[$0] }
      #expect(scored.shortlist.count == 10 && outside.count == Self.templates.count - 10)
      #expect(try #require(outside.max()) < (try #require(inside.min())))
    }
  }

  @Test func topIndicesAreTheSortedOrdersPrefix() {
    var rng = SeededGenerator(seed: 9, skip: 1)
    let values = (0..<500).map { _ in Float(Int.random(in: 0..<40, using: &rng)) }  // many ties
    let sorted = values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
    for count in [0, 1, 7, 256, 500, 600] {
      #expect(TopIndices.largest(values, count: count) == Array(sorted.prefix(count)))
    }
    let even = TopIndices.largest(values, count: 20) { $0 % 2 == 0 }
    #expect(even == Array(sorted.filter { $0 % 2 == 0 }.prefix(20)))
  }
}
