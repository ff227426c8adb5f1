import Foundation

/// The one way ranked templates become suggestions, whatever ranked them. It drops templates that
/// ask for what the chat or the profile already holds, are about an order when the customer has
/// none, or state an order's state while which order is meant is only a guess (`orderIsAGuess`) or
/// while an offer the customer just accepted waits for the reply that carries it out
/// (`acceptedOffer`); it offers only greetings before the customer has written and no greeting
/// (first intent `greet`) once the representative has. It checks each template's declared
/// conditions against the order in question and scores a contradicting template
/// `contradictionFactor` of its score, never above the best fitting one (so it is never first: one
/// that would be, because the fitting ones above it were already sent, waits below the first fitting
/// suggestion, and without one it is not shown), and shows at most `maximumContradictions` of them.
/// A template with a slot the order in question has no value for (a refund's date before it is
/// set) is scored `incompleteFactor` of its score, also never above the best complete fitting one,
/// so a reply ready to send comes first. It never repeats a reply already sent, and fills slots
/// from the order in question at the request's time (template texts are parsed once).
public struct SuggestionBuilder: Sendable {
  /// What a contradicting template's score counts for when it is ordered among the others.
  public static let contradictionFactor = 0.5
  /// How many contradicting templates one list shows at most (each with its reason).
  public static let maximumContradictions = 2
  /// What the score of a template with an unfillable slot counts for when it is ordered.
  public static let incompleteFactor = 0.5
  public let templates: [ReplyTemplate]
  private let texts: [TemplateText?]
  /// The slots each template's text fills.
  private let slotNames: [[String]]
  /// The actions each template's text reports done ("Done: order … is cancelled.").
  private let reportedActions: [Set<ReplyAction>]
  private let indexByID: [String: Int]
  /// The templates some template's `after:` names, whose filled text is compared with the latest reply.
  private let offers: [Int]
  private let calendar: Calendar

  public init(templates: [ReplyTemplate], calendar: Calendar = ValueFormatter.posixCalendar) {
    self.templates = templates
    self.calendar = calendar
    texts = templates.map { try? TemplateText(parsing: $0.text) }
    slotNames = texts.map { $0?.slotNames ?? [] }
    reportedActions = templates.map { OrderStateReading($0.text).actions }
    let indexByID = Dictionary(
      templates.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    self.indexByID = indexByID
    offers = Set(templates.flatMap(\.conditions.after)).compactMap { indexByID[$0] }.sorted()
  }

  /// The index of the template a suggestion came from.
  public func index(of suggestion: Suggestion) -> Int? {
    if case .template(let id) = suggestion.source { indexByID[id] } else { nil }
  }

  /// Whether template `index` may be offered at all in this chat, and how it stands; `latest` holds
  /// the ids of the templates the representative's latest reply was (see `latestReplyIDs`).
  public func mark(
    _ index: Int, facts: GroundingFacts, customerHasWritten: Bool, agentHasWritten: Bool = false,
    latest: Set<String> = []
  ) -> GroundingMark? {
    let template = templates[index]
    if !customerHasWritten && !template.isGreeting { return nil }
    if agentHasWritten && template.intents.first == "greet" { return nil }
    if template.conditions.needlessAsk(with: facts) != nil { return nil }
    if template.conditions.needsOrder && facts.inQuestion.order == nil { return nil }
    if template.conditions.statesOrderState && facts.orderIsAGuess { return nil }
    if let accepted = facts.acceptedOffer, template.conditions.statesOrderState,
      !reportedActions[index].contains(accepted)
    {
      return nil
    }
    if template.conditions.isUnconditional { return .unknown }
    if !template.conditions.after.isEmpty && latest.isDisjoint(with: template.conditions.after) { return nil }
    if template.conditions.given.contains(where: { facts.holding($0) == nil }) { return nil }
    if let unmatched = template.conditions.unmatched, unmatched != facts.chatHasUnmatchedDetail { return nil }
    return template.conditions.contradiction(with: facts).map { .contradicts(reason: $0) } ?? .holds
  }

  /// The templates named by an `after:` condition that the representative's latest reply was: its
  /// text, filled for this chat, holds the reply or the reply holds it (case and spacing aside), so a
  /// reply the representative shortened or added to still counts.
  public func latestReplyIDs(turns: [Turn], filler: SlotFiller, facts: GroundingFacts) -> Set<String> {
    guard !offers.isEmpty, let latest = turns.last(where: { $0.speaker == .agent }) else { return [] }
    let reply = Self.comparable(latest.text)
    guard !reply.isEmpty else { return [] }
    return Set(
      offers.filter { offer in
        let text = Self.comparable(fill(offer, filler: filler, facts: facts).map(\.plainText).joined())
        return text.contains(reply) || reply.contains(text)
      }.map { templates[$0].id })
  }

  private static func comparable(_ text: String) -> String {
    TextRuns.runs(text, of: .nonWhitespace, lowercased: true).joined(separator: " ")
  }

  /// Up to `request.limit` suggestions from one score per template (higher is better).
  ///
  /// Only the best-scored templates are checked first: a template's place in the list is never
  /// above its score, so when the list they give is full, holds a complete fitting template, and
  /// ends above every score left out, it is exactly the list all templates would give; otherwise
  /// all are checked.
  public func build(scores: [Double], for request: RankingRequest, facts: GroundingFacts) -> [Suggestion] {
    let count = min(templates.count, scores.count)
    let shortlist = max(0, request.limit) * 4 + 16
    guard count > shortlist * 2 else { return build(scores: scores, among: Array(0..<count), request, facts) }
    let order = TopIndices.largest(scores, count: shortlist + 1) { $0 < count }  // [shortlist + 1]
    let best = build(scores: scores, among: Array(order.prefix(shortlist)), request, facts)
    let leftOut = scores[order[shortlist]]
    if best.count == max(0, request.limit), let last = best.last, last.score > leftOut,
      best.contains(where: { $0.grounding.contradictionReason == nil && $0.missingSlots.isEmpty })
    {
      return best
    }
    return build(scores: scores, among: Array(0..<count), request, facts)
  }

  /// The list from `candidates` (template indices) alone: every template when called with all.
  func build(
    scores: [Double], among candidates: [Int], _ request: RankingRequest, _ facts: GroundingFacts
  ) -> [Suggestion] {
    let customerHasWritten = request.context.contains { $0.speaker == .customer }
    let sent = Set(request.context.filter { $0.speaker == .agent }.map { TextRuns.trimmed($0.text) })
    let filler = SlotFiller(now: facts.now, calendar: calendar)
    let latest = latestReplyIDs(turns: request.context, filler: filler, facts: facts)
    let available = filler.availableSlots(profile: facts.profile, order: facts.inQuestion.order)
    var offered: [(index: Int, mark: GroundingMark, rank: Double, factor: Double)] = []
    var bestFitting = -Double.infinity
    for index in candidates {
      guard
        let mark = mark(
          index, facts: facts, customerHasWritten: customerHasWritten, agentHasWritten: !sent.isEmpty,
          latest: latest)
      else { continue }
      let complete = slotNames[index].allSatisfy(available.contains)
      let factor =
        (mark.contradictionReason == nil ? 1 : Self.contradictionFactor)
        * (complete ? 1 : Self.incompleteFactor)
      if factor == 1 { bestFitting = max(bestFitting, scores[index]) }
      offered.append((index, mark, scores[index], factor))
    }
    for position in offered.indices where offered[position].factor < 1 {
      let demoted = offered[position].rank * offered[position].factor
      offered[position].rank = bestFitting.isFinite ? min(demoted, bestFitting.nextDown) : demoted
    }
    offered.sort { $0.rank != $1.rank ? $0.rank > $1.rank : $0.index < $1.index }
    var suggestions: [Suggestion] = []
    var waiting: [Suggestion] = []
    var contradictions = 0
    for entry in offered where suggestions.count < max(0, request.limit) {
      let contradicts = entry.mark.contradictionReason != nil
      if contradicts && contradictions >= Self.maximumContradictions { continue }
      let suggestion = Suggestion(
        source: .template(id: templates[entry.index].id),
        segments: fill(entry.index, filler: filler, facts: facts),
        score: entry.rank, grounding: entry.mark)
      if sent.contains(TextRuns.trimmed(suggestion.text)) { continue }
      if contradicts { contradictions += 1 }
      if contradicts && suggestions.isEmpty {
        waiting.append(suggestion)
        continue
      }
      suggestions.append(suggestion)
      suggestions += waiting
      waiting = []
    }
    return Array(suggestions.prefix(max(0, request.limit)))
  }

  /// Template `index` filled from the order in question.
  public func fill(_ index: Int, filler: SlotFiller, facts: GroundingFacts) -> [TextSegment] {
    guard let text = texts[index] else { return [.literal(templates[index].text)] }
    return filler.fill(text, profile: facts.profile, order: facts.inQuestion.order)
  }
}

extension SuggestionBuilder {
  /// Why a free-form reply (a generated one, which declares no conditions) contradicts the order in
  /// question, read from what it states, or names an order the customer does not have; nil when it
  /// states nothing false. An action the order allows
  /// ("Done: order … is cancelled" for an unshipped order) is no contradiction.
  public static func contradiction(ofText text: String, facts: GroundingFacts) -> String? {
    if let unknown = OrderMentions(orders: facts.profile.orders).unknownOrderNumber(in: text) {
      return "order \(unknown) is not one of the customer's orders"
    }
    guard var order = facts.inQuestion.order else { return nil }
    let name = "order \(order.id)"
    let reading = OrderStateReading(text)
    if let accepted = facts.acceptedOffer, reading.statesAnything, !reading.actions.contains(accepted) {
      return "the customer just agreed to \(accepted == .cancelsOrder ? "cancel" : "a refund for") \(name)"
    }
    if reading.actions.contains(.cancelsOrder) {
      guard order.status == .processing else { return "\(name) is \(order.status.rawValue)" }
      order.status = .cancelled
    }
    if reading.actions.contains(.startsRefund) {
      if let refund = order.refund { return "\(name) has a refund (\(refund.status.rawValue))" }
      order.refund = Refund(amount: order.total, status: .requested, requestedOn: facts.now)
    }
    if let statuses = reading.orderStatuses, !statuses.contains(order.status),
      !(reading.actions.contains(.cancelsOrder) && statuses.contains(.processing))
    {
      return "\(name) is \(order.status.rawValue)"
    }
    let refund = StatedRefund(order.refund)
    if let states = reading.refundStates, !states.contains(refund) {
      return refund == .none ? "\(name) has no refund" : "the refund for \(name) is \(refund.rawValue)"
    }
    return nil
  }
}
