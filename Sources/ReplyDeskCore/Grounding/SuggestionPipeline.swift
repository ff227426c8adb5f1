import Foundation

/// What a ranker computes: one score per template (higher is better), nothing else. Slot filling,
/// conditions and ordering belong to `SuggestionBuilder`.
public protocol TemplateScorer: Sendable {
  /// The ranker's name as the status line shows it, for example "lexical" or "neural v4".
  var name: String { get }
  var templates: [ReplyTemplate] { get }
  func score(_ request: RankingRequest, facts: GroundingFacts) -> TemplateScores
}

/// A scorer's answer: a score per template, and the context words a chosen template attended to.
public struct TemplateScores: Sendable {
  public var scores: [Double]  // [templates]
  public var attended: @Sendable (Int) -> [AttendedWord]

  public init(scores: [Double], attended: @escaping @Sendable (Int) -> [AttendedWord] = { _ in [] }) {
    self.scores = scores
    self.attended = attended
  }
}

/// The one suggestion pipeline: work out the facts (the order in question), score every template,
/// then build the list with `SuggestionBuilder`. The console, `simulate`, practice and every
/// benchmark rank through it.
public struct SuggestionPipeline: SuggestionRanker {
  public let scorer: any TemplateScorer
  public let builder: SuggestionBuilder

  public init(scorer: any TemplateScorer, calendar: Calendar = ValueFormatter.posixCalendar) {
    self.scorer = scorer
    builder = SuggestionBuilder(templates: scorer.templates, calendar: calendar)
  }

  public var name: String { scorer.name }

  public func rank(_ request: RankingRequest) -> RankingResult {
    let started = ContinuousClock.now
    let facts = GroundingFacts(request: request)
    let scored = scorer.score(request, facts: facts)
    let suggestions = builder.build(scores: scored.scores, for: request, facts: facts)
    let attended = suggestions.first.flatMap(builder.index(of:)).map(scored.attended) ?? []
    let elapsed = (ContinuousClock.now - started).components
    return RankingResult(
      request: request, suggestions: suggestions, attended: attended, rankerName: name,
      elapsedMilliseconds: Double(elapsed.seconds) * 1e3 + Double(elapsed.attoseconds) / 1e15)
  }
}
