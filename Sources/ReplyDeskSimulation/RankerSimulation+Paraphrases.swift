import ReplyDeskCore

/// How a simulation measures whether customers understand correct replies in other words: each
/// correct top suggestion (the one the ideal agent would send) whose template has a paraphrase is
/// also sent, as that paraphrase filled from the order in question, to a copy of the customer as it
/// was before the reply; the paraphrase is understood when the copy answers it with the intent the
/// customer answered the template with.
extension RankerSimulation {
  /// Whether `customer` (as it was before the reply) understands the paraphrase of `top` as it
  /// understood `top` itself, answering with `answer`; nil when `top`'s template has no paraphrase.
  func readsParaphrase(
    of top: Suggestion, request: RankingRequest, customer: ScriptedCustomer, answer: CustomerUtterance?
  ) -> Bool? {
    guard case .template(let id) = top.source, let written = paraphrases[id],
      let text = try? TemplateText(parsing: written)
    else { return nil }
    let facts = GroundingFacts(request: request)
    let segments = SlotFiller(now: request.time).fill(
      text, profile: request.profile, order: facts.inQuestion.order)
    guard !segments.contains(where: { if case .missing = $0 { true } else { false } }) else { return nil }
    var listener = customer
    let heard = listener.respond(to: segments.map(\.plainText).joined())
    return heard?.intent == answer?.intent
  }
}
