import ReplyDeskCore

/// How often the shortlist holds what the full scorer ranks highest: per query, whether the full
/// scorer's top 1 and all of its top 4 templates are inside the shortlist (`bench ranker`).
public struct ShortlistRecall: Sendable, Equatable {
  public var queries = 0
  /// Queries whose full-scorer top 1 is shortlisted.
  var top1 = 0
  /// Queries whose full-scorer top 4 are all shortlisted.
  var top4 = 0

  public init() {}

  public var top1Share: Double { queries == 0 ? 0 : Double(top1) / Double(queries) }
  public var top4Share: Double { queries == 0 ? 0 : Double(top4) / Double(queries) }

  /// Every request ranked by `ranker` both ways.
  public init(ranker: NeuralRanker, requests: [RankingRequest]) {
    for request in requests { add(ranker.shortlistCoverage(request)) }
  }

  mutating func add(_ coverage: (top1: Bool, top4: Bool)) {
    queries += 1
    top1 += coverage.top1 ? 1 : 0
    top4 += coverage.top4 ? 1 : 0
  }

  public static func + (a: ShortlistRecall, b: ShortlistRecall) -> ShortlistRecall {
    var sum = a
    sum.queries += b.queries
    sum.top1 += b.top1
    sum.top4 += b.top4
    return sum
  }
}

extension NeuralRanker {
  /// Whether the full scorer's top 1 and top 4 templates for `request` (draft included) are in the
  /// shortlist of `shortlistSize`; both true when the library is no larger than that.
  func shortlistCoverage(_ request: RankingRequest) -> (top1: Bool, top4: Bool) {
    guard templates.count > shortlistSize else { return (true, true) }
    var table = TypeTable(vocabulary: model.vocabulary)
    let context = encode(request, facts: GroundingFacts(request: request), table: &table)
    let boost = draftBoost(request.draft)  // [templates] or empty
    var full = model.score(context, bags: table.bags, candidates: candidates).scores  // [templates]
    if !boost.isEmpty { full = zip(full, boost).map { $0 + $1 } }
    let shortlisted = model.scoreShortlisted(
      context, bags: table.bags, candidates: candidates, size: shortlistSize, boost: boost)
    let best = TopIndices.largest(full, count: 4)  // [4]
    let inside = best.map { shortlisted.positions[$0] != nil }
    return (inside.first ?? true, inside.allSatisfy { $0 })
  }
}
