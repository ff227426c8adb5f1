import Foundation

/// The BM25 ranker: matches the recent turns of a chat (the latest customer turn weighing most)
/// and the representative's draft against the templates, ranks templates whose slots the profile
/// cannot fill lower, and returns slot-filled suggestions scored 0...1. Stays as the fallback when
/// no neural model is present.
public struct LexicalRanker: SuggestionRanker {
  public let name = "lexical"
  private let index: LexicalIndex
  private let calendar: Calendar
  private let fallbackNow: @Sendable () -> Date

  /// Weights of the latest, previous and earlier customer turns.
  static let customerTurnWeights: [Double] = [1.0, 0.3, 0.12]
  static let agentTurnWeight = 0.2
  /// Weight of an intent signalled by one cue in a turn of weight 1; more cues add `cueBonus` each.
  static let cueWeight = 0.9
  static let cueBonus = 0.4
  /// Multiplies the score of a template written for another order or refund status.
  static let statusMismatchFactor = 0.6
  /// Multiplies the score of a template the representative already sent in this chat.
  static let repeatFactor = 0.25
  static let draftWeight = 1.5
  /// Added as evidence for greetings while the representative has not said anything yet.
  static let openingPrior = (term: "!greet", weight: 0.35)
  /// Multiplies the score of a template with a slot the profile cannot fill.
  static let missingSlotFactor = 0.45

  /// Indexes `templates` once. Dates are written with `calendar`, relative to the last turn's time,
  /// or to `fallbackNow()` when the context is empty.
  public init(
    templates: [ReplyTemplate], calendar: Calendar = ValueFormatter.posixCalendar,
    fallbackNow: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.index = LexicalIndex(templates: templates)
    self.calendar = calendar
    self.fallbackNow = fallbackNow
  }

  /// How many templates the ranker indexed.
  public var templateCount: Int { index.templates.count }

  public func rank(_ request: RankingRequest) -> RankingResult {
    let started = ContinuousClock.now
    let query = LexicalQuery(request: request)
    let available = SlotFiller(now: .distantPast, calendar: calendar).availableSlots(profile: request.profile)
    var scores = [Double](repeating: 0, count: index.templates.count)
    var bound = 0.0
    for (term, weight) in query.weights {
      guard let id = index.termIDs[term] else { continue }
      let idf = index.inverseFrequency[id]
      bound += weight * idf
      for posting in index.postings[id] {
        scores[Int(posting.document)] += weight * idf * Double(index.saturation(posting))
      }
    }
    let statuses = StatusTags.of(request.profile.focusOrder)
    for document in scores.indices {
      var score = min(1, bound > 0 ? scores[document] / bound : 0)
      if index.texts[document].slotNames.contains(where: { !available.contains($0) }) {
        score *= Self.missingSlotFactor
      }
      let named = index.statusWords[document]
      if !named.isEmpty && named.isDisjoint(with: statuses) { score *= Self.statusMismatchFactor }
      scores[document] = score
    }
    let ranked = { (a: Int, b: Int) in scores[a] != scores[b] ? scores[a] > scores[b] : a < b }
    var order = scores.indices.sorted(by: ranked)
    let sent = request.context.filter { $0.speaker == .agent }.suffix(4).map { Set(TextAnalyzer.terms($0.text)) }
    let reviewed = min(order.count, max(0, request.limit) * 2 + 8)
    for document in order.prefix(reviewed) where wasSent(document, sent) {
      scores[document] *= Self.repeatFactor
    }
    order.replaceSubrange(0..<reviewed, with: order.prefix(reviewed).sorted(by: ranked))
    let chosen = order.prefix(max(0, request.limit))
    let filler = SlotFiller(now: request.context.last?.time ?? fallbackNow(), calendar: calendar)
    let suggestions = chosen.map { document in
      Suggestion(
        source: .template(id: index.templates[document].id),
        segments: filler.fill(index.texts[document], profile: request.profile),
        score: scores[document])
    }
    let attended = chosen.first.map { attendedWords(for: $0, query: query) } ?? []
    let elapsed = ContinuousClock.now - started
    return RankingResult(
      request: request, suggestions: suggestions, attended: attended, rankerName: name,
      elapsedMilliseconds: Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
  }

  /// Whether most of the template's own words already appeared in one of the representative's turns.
  private func wasSent(_ document: Int, _ sentTurns: [Set<String>]) -> Bool {
    let own = index.literalTerms[document]
    guard own.count >= 3 else { return false }
    return sentTurns.contains { Double(own.intersection($0).count) >= 0.8 * Double(own.count) }
  }

  /// The context words that matched the top template, weighted by their share of its score.
  private func attendedWords(for document: Int, query: LexicalQuery) -> [AttendedWord] {
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
struct LexicalQuery {
  struct Occurrence {
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
        occurrences.append(Occurrence(turnID: turn.id, stem: token.stem, surface: token.surface, weight: weight))
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
