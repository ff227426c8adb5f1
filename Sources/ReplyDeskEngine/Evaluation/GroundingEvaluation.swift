import Foundation
import ReplyDeskCore

/// One query of the grounding evaluation (Evaluation/grounding/): a `rank` query whose candidates
/// each state a different state of the order in question, one of them the true one.
public struct GroundingQuery: Codable, Sendable {
  public var id: String
  /// `order_status` or `refund_status`.
  var kind: String
  /// The order the query is about, as the set's author meant it.
  var orderID: String
  var context: [RankingQuery.Turn]
  var profile: JSONValue?
  var time: JSONValue?
  var candidates: [String]
  /// The state each candidate states.
  var states: [String]
  /// The index of the state-true candidate.
  var answer: Int

  enum CodingKeys: String, CodingKey {
    case id, kind, context, profile, time, candidates, states, answer
    case orderID = "order_id"
  }

  public var rankingQuery: RankingQuery {
    RankingQuery(id: id, context: context, profile: profile, candidates: candidates, time: time)
  }

  /// The chat as the console holds it: turns, the profile read leniently, the query's time.
  public var request: RankingRequest {
    let date = rankingQuery.date
    let turns = context.enumerated().map { index, turn in
      Turn(
        id: index + 1, speaker: GroundingFeatures.speaker(SpeakerCode.code(turn.speaker) ?? 2),
        text: turn.text,
        time: date)
    }
    let customer = profile.map { LenientProfile.profile(from: $0, fallbackID: id) }
    return RankingRequest(
      chat: ChatID(id), generation: 0, context: turns,
      profile: customer ?? CustomerProfile(id: id, firstName: "Customer", lastName: ""), time: date)
  }
}

/// How often one ranker put the state-true reply first, per kind of query.
public struct GroundingTally: Sendable, Equatable {
  public var queries = 0
  var first = 0
  /// The sum of 1 / candidates: what guessing scores.
  var chanceSum = 0.0

  public var share: Double { queries == 0 ? 0 : Double(first) / Double(queries) }
  var chance: Double { queries == 0 ? 0 : chanceSum / Double(queries) }
}

/// A query a ranker got wrong: the reply it put first instead of the state-true one.
public struct GroundingMiss: Sendable, Equatable {
  public var queryID: String
  public var kind: String
  /// The state the order in question is in, and the one the reply put first states.
  public var trueState: String
  public var chosenState: String
  /// The last customer turn, and the reply put first.
  public var lastCustomerTurn: String
  public var chosenReply: String

  init(query: GroundingQuery, scores: [Float]) {
    let chosen = scores.indices.filter { $0 != query.answer }.max { scores[$0] < scores[$1] } ?? query.answer
    queryID = query.id
    kind = query.kind
    trueState = query.states.indices.contains(query.answer) ? query.states[query.answer] : "?"
    chosenState = query.states.indices.contains(chosen) ? query.states[chosen] : "?"
    lastCustomerTurn = query.context.last { $0.speaker == "customer" }?.text ?? ""
    chosenReply = query.candidates.indices.contains(chosen) ? query.candidates[chosen] : ""
  }

  /// "dev-014 order_status: shipped, put delivered first · customer: … · reply: …"
  public var description: String {
    "\(queryID) \(kind): \(trueState), put \(chosenState) first\n  customer: \(lastCustomerTurn)\n  reply:    \(chosenReply)"
  }
}

/// The grounding evaluation: every query scored by each ranker; the state-true candidate counts as
/// first only when it scores strictly above every other state variant (ties count against it).
public struct GroundingEvaluation: Sendable {
  /// The kinds of query in the held-out set.
  static let heldOutKinds = ["order_status", "refund_status"]
  /// Per ranker name, per kind (and "all"), the tally.
  public private(set) var tallies: [String: [String: GroundingTally]] = [:]
  /// Queries whose order in question, resolved as the console does, is the one the author meant.
  public private(set) var resolvedAsMeant = 0
  public private(set) var count = 0
  /// The kinds of query seen, in order of first appearance.
  private(set) var kinds: [String] = []
  /// Per ranker name, the queries it did not put the state-true reply first on, in query order.
  public private(set) var misses: [String: [GroundingMiss]] = [:]

  public init(queries: [GroundingQuery], scorers: [(name: String, score: (GroundingQuery) throws -> [Float])])
    throws
  {
    for query in queries {
      count += 1
      if !kinds.contains(query.kind) { kinds.append(query.kind) }
      let request = query.request
      if OrderInQuestion.resolve(turns: request.context, profile: request.profile).order?.id == query.orderID
      {
        resolvedAsMeant += 1
      }
      for scorer in scorers {
        let scores = try scorer.score(query)
        let truth = scores[query.answer]
        let won = scores.indices.allSatisfy { $0 == query.answer || scores[$0] < truth }
        if !won { misses[scorer.name, default: []].append(GroundingMiss(query: query, scores: scores)) }
        for kind in [query.kind, "all"] {
          tallies[scorer.name, default: [:]][kind, default: GroundingTally()].add(
            won: won, candidates: scores.count)
        }
      }
    }
  }

  /// BM25 over the candidates, as the lexical ranker scores templates.
  public static func lexicalScores(_ query: GroundingQuery) -> [Float] {
    let templates = query.candidates.enumerated().map { index, text in
      ReplyTemplate(id: "candidate.\(index)", topic: "evaluation", text: text)
    }
    let request = query.request
    let scores = LexicalRanker(templates: templates).score(request, facts: GroundingFacts(request: request))
    return scores.scores.map(Float.init)
  }

  /// A table: one row per ranker (chance first), a column per kind.
  public func table(rankers: [String]) -> String {
    let columns = ["all"] + kinds
    func cell(_ tally: GroundingTally?, _ value: (GroundingTally) -> Double) -> String {
      guard let tally else { return "-" }
      return String(format: "%5.1f%% of %d", 100 * value(tally), tally.queries)
    }
    let reference = rankers.first.flatMap { tallies[$0] } ?? [:]
    var lines = [(["state-true first"] + columns).map(Self.padded).joined()]
    lines.append((["chance"] + columns.map { cell(reference[$0], \.chance) }).map(Self.padded).joined())
    for name in rankers {
      lines.append(([name] + columns.map { cell(tallies[name]?[$0], \.share) }).map(Self.padded).joined())
    }
    return lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
  }

  private static func padded(_ text: String) -> String {
    text.count >= 20 ? text + " " : text + String(repeating: " ", count: 20 - text.count)
  }
}

extension GroundingTally {
  mutating func add(won: Bool, candidates: Int) {
    queries += 1
    first += won ? 1 : 0
    chanceSum += 1 / Double(max(1, candidates))
  }
}
