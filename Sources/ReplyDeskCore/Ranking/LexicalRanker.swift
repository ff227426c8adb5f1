import Foundation

/// The BM25 scorer: matches the recent turns of a chat (the latest customer turn weighing most)
/// and the representative's draft against the templates, ranks templates whose slots the profile
/// cannot fill lower and templates already sent in this chat lower still, and scores each 0...1.
/// Stays as the fallback when no neural model is present; `SuggestionPipeline` turns its scores into
/// suggestions.
public struct LexicalRanker: TemplateScorer {
  public let name = "lexical"
  private let index: LexicalIndex

  /// Weights of the latest, previous and earlier customer turns.
  static let customerTurnWeights: [Double] = [1.0, 0.3, 0.12]
  static let agentTurnWeight = 0.2
  /// Weight of an intent signalled by one cue in a turn of weight 1; more cues add `cueBonus` each.
  static let cueWeight = 0.9
  static let cueBonus = 0.4
  /// Multiplies the score of a template the representative already sent in this chat.
  static let repeatFactor = 0.25
  static let draftWeight = 1.5
  /// Added as evidence for greetings while the representative has not said anything yet.
  static let openingPrior = (term: "!greet", weight: 0.35)
  /// Multiplies the score of a template with a slot the profile cannot fill.
  static let missingSlotFactor = 0.45
  /// Only this many of the best-scoring templates are checked for having been sent already.
  static let repeatCheckDepth = 48

  /// Indexes `templates` once.
  public init(templates: [ReplyTemplate]) {
    self.index = LexicalIndex(templates: templates)
  }

  public var templates: [ReplyTemplate] { index.templates }

  /// How many templates the ranker indexed.
  public var templateCount: Int { index.templates.count }

  public func score(_ request: RankingRequest, facts: GroundingFacts) -> TemplateScores {
    let query = LexicalQuery(request: request)
    let available = LexicalIndex.slotMask(
      SlotFiller(now: facts.now).availableSlots(profile: request.profile, order: facts.inQuestion.order))
    var scores = [Double](repeating: 0, count: index.templates.count)
    var bound = 0.0
    for (term, weight) in query.weights.sorted(by: { $0.key < $1.key }) {
      guard let id = index.termIDs[term] else { continue }
      let idf = index.inverseFrequency[id]
      bound += weight * idf
      for posting in index.postings[id] {
        scores[Int(posting.document)] += weight * idf * Double(index.saturation(posting))
      }
    }
    for document in scores.indices {
      var score = min(1, bound > 0 ? scores[document] / bound : 0)
      if index.slotMasks[document] & ~available != 0 { score *= Self.missingSlotFactor }
      scores[document] = score
    }
    let sent = request.context.filter { $0.speaker == .agent }.suffix(4).map {
      Set(TextAnalyzer.terms($0.text))
    }
    for document in Self.best(min(scores.count, Self.repeatCheckDepth), of: scores)
    where wasSent(document, sent) {
      scores[document] *= Self.repeatFactor
    }
    let index = self.index
    return TemplateScores(scores: scores) { document in
      Self.attendedWords(for: document, query: query, index: index)
    }
  }

  /// The `count` best documents by score, ties broken by library order.
  private static func best(_ count: Int, of scores: [Double]) -> [Int] {
    guard count > 0 else { return [] }
    var best: [Int] = []
    best.reserveCapacity(count + 1)
    for document in scores.indices {
      guard best.count < count || ranks(scores, document, before: best[best.count - 1]) else { continue }
      let slot = best.firstIndex { ranks(scores, document, before: $0) } ?? best.count
      best.insert(document, at: slot)
      if best.count > count { best.removeLast() }
    }
    return best
  }

  private static func ranks(_ scores: [Double], _ a: Int, before b: Int) -> Bool {
    scores[a] != scores[b] ? scores[a] > scores[b] : a < b
  }

  /// Whether most of the template's own words already appeared in one of the representative's turns.
  private func wasSent(_ document: Int, _ sentTurns: [Set<String>]) -> Bool {
    let own = index.literalTerms[document]
    guard own.count >= 3 else { return false }
    return sentTurns.contains { Double(own.intersection($0).count) >= 0.8 * Double(own.count) }
  }

  /// The context words that matched the top template, weighted by their share of its score.
  private static func attendedWords(for document: Int, query: LexicalQuery, index: LexicalIndex)
    -> [AttendedWord]
  {
    var words: [AttendedWord] = []
    for occurrence in query.occurrences {
      guard let id = index.termIDs[occurrence.stem],
        let posting = index.postings[id].first(where: { Int($0.document) == document })
      else { continue }
      let weight = occurrence.weight * index.inverseFrequency[id] * Double(index.saturation(posting))
      words.append(AttendedWord(turnID: occurrence.turnID, word: occurrence.surface, weight: weight))
    }
    let top = words.map(\.weight).max() ?? 1
    return words.map { AttendedWord(turnID: $0.turnID, word: $0.word, weight: $0.weight / top) }
  }
}

/// The weighted terms of a ranking request, and where each context word occurred.
struct LexicalQuery: Sendable {
  struct Occurrence: Sendable {
    var turnID: Int
    var stem: String
    var surface: String
    var weight: Double
  }

  var weights: [String: Double] = [:]
  var occurrences: [Occurrence] = []

  init(request: RankingRequest) {
    var customerTurnsSeen = 0
    var agentTurnSeen = false
    for turn in request.context.reversed() {
      let weight: Double
      switch turn.speaker {
      case .customer:
        guard customerTurnsSeen < LexicalRanker.customerTurnWeights.count else { continue }
        weight = LexicalRanker.customerTurnWeights[customerTurnsSeen]
        customerTurnsSeen += 1
      case .agent:
        guard !agentTurnSeen else { continue }
        weight = LexicalRanker.agentTurnWeight
        agentTurnSeen = true
      case .system:
        continue
      }
      for token in TextAnalyzer.tokens(turn.text) {
        weights[token.stem, default: 0] += weight
        occurrences.append(
          Occurrence(turnID: turn.id, stem: token.stem, surface: token.surface, weight: weight))
      }
      if turn.speaker == .customer { addCues(turn.text, weight: weight) }
    }
    for term in TextAnalyzer.terms(request.draft) {
      weights[term, default: 0] += LexicalRanker.draftWeight
    }
    addCues(request.draft, weight: LexicalRanker.draftWeight)
    if !request.context.contains(where: { $0.speaker == .agent }) {
      weights[LexicalRanker.openingPrior.term, default: 0] += LexicalRanker.openingPrior.weight
    }
  }

  private mutating func addCues(_ text: String, weight: Double) {
    for (term, hits) in IntentCues.intents(in: text) {
      let cueWeight = weight * (LexicalRanker.cueWeight + LexicalRanker.cueBonus * Double(hits - 1))
      weights[term, default: 0] += cueWeight
      weights[LexicalIndex.primaryMarker + term.dropFirst(), default: 0] += cueWeight
    }
  }
}
