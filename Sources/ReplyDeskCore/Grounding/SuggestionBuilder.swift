import Foundation

/// The one way ranked templates become suggestions, whatever ranked them: drops templates that ask
/// for what the chat or the profile already holds, offers only greetings before the customer has
/// written, checks each template's declared conditions against the order in question, keeps a
/// contradicting template below every other, never repeats a reply already sent, and fills slots from
/// the order in question at the request's time (template texts are parsed once).
public struct SuggestionBuilder: Sendable {
  public let templates: [ReplyTemplate]
  private let texts: [TemplateText?]
  private let indexByID: [String: Int]
  private let calendar: Calendar

  public init(templates: [ReplyTemplate], calendar: Calendar = ValueFormatter.posixCalendar) {
    self.templates = templates
    self.calendar = calendar
    texts = templates.map { try? TemplateText(parsing: $0.text) }
    indexByID = Dictionary(
      templates.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The index of the template a suggestion came from.
  public func index(of suggestion: Suggestion) -> Int? {
    if case .template(let id) = suggestion.source { indexByID[id] } else { nil }
  }

  /// Whether template `index` may be offered at all in this chat, and how it stands.
  public func mark(_ index: Int, facts: GroundingFacts, customerHasWritten: Bool) -> GroundingMark? {
    let template = templates[index]
    if !customerHasWritten && !template.isGreeting { return nil }
    if template.conditions.needlessAsk(with: facts) != nil { return nil }
    if template.conditions.isUnconditional { return .unknown }
    return template.conditions.contradiction(with: facts).map { .contradicts(reason: $0) } ?? .holds
  }

  /// Up to `request.limit` suggestions from one score per template (higher is better).
  public func build(scores: [Double], for request: RankingRequest, facts: GroundingFacts) -> [Suggestion] {
    let customerHasWritten = request.context.contains { $0.speaker == .customer }
    let sent = Set(
      request.context.filter { $0.speaker == .agent }.map {
        $0.text.trimmingCharacters(in: .whitespacesAndNewlines)
      })
    var fitting: [(index: Int, mark: GroundingMark)] = []
    var contradicting: [(index: Int, mark: GroundingMark)] = []
    for index in templates.indices where index < scores.count {
      guard let mark = mark(index, facts: facts, customerHasWritten: customerHasWritten) else { continue }
      if mark.contradictionReason == nil {
        fitting.append((index, mark))
      } else {
        contradicting.append((index, mark))
      }
    }
    let byScore: ((index: Int, mark: GroundingMark), (index: Int, mark: GroundingMark)) -> Bool = {
      scores[$0.index] != scores[$1.index] ? scores[$0.index] > scores[$1.index] : $0.index < $1.index
    }
    let filler = SlotFiller(now: facts.now, calendar: calendar)
    var suggestions: [Suggestion] = []
    for entry in fitting.sorted(by: byScore) + contradicting.sorted(by: byScore) {
      guard suggestions.count < max(0, request.limit) else { break }
      let segments = fill(entry.index, filler: filler, facts: facts)
      let suggestion = Suggestion(
        source: .template(id: templates[entry.index].id), segments: segments, score: scores[entry.index],
        grounding: entry.mark)
      if sent.contains(suggestion.text.trimmingCharacters(in: .whitespacesAndNewlines)) { continue }
      suggestions.append(suggestion)
    }
    return suggestions
  }

  /// Template `index` filled from the order in question.
  public func fill(_ index: Int, filler: SlotFiller, facts: GroundingFacts) -> [TextSegment] {
    guard let text = texts[index] else { return [.literal(templates[index].text)] }
    return filler.fill(text, profile: facts.profile, order: facts.inQuestion.order)
  }
}
