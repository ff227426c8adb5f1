import Foundation
import ReplyDeskCore

extension GroundedReplies {
  /// The chat up to its first agent turn that states the order's (or refund's) state, with that
  /// state of the order in question redrawn uniformly and the turn learned as a paraphrase of the new
  /// state (the other states its negatives). The simulator's scenarios make some states rare (a
  /// returned or cancelled order, no refund); this way every state is learned about as often.
  /// Nil when no agent turn states a state.
  mutating func counterfactual(
    id: String, profile: CustomerProfile, turns: [Turn], domain: String, templateIDs: [Int: String]
  ) -> CorpusConversation? {
    for (index, turn) in turns.enumerated() {
      guard let template = templateIDs[turn.id].flatMap({ byID[$0] }) else { continue }
      let before = Array(turns[..<index])
      let facts = GroundingFacts(turns: before, profile: profile, now: turn.time)
      guard let stated = Self.statedState(template, facts: facts), let order = facts.inQuestion.order else {
        continue
      }
      let options = stated.alternatives + [stated]
      let drawn = options[Int.random(in: 0..<options.count, using: &random)]
      let changed = Self.profile(profile, order: order.id, stating: drawn, now: turn.time)
      let newFacts = GroundingFacts(turns: before, profile: changed, now: turn.time)
      guard let truth = Self.statedState(template, facts: newFacts) else { return nil }
      let variants = paraphraser.variants(
        of: truth, topic: ReplyTopic(intents: template.intents), filler: filler())
      var conversation = CorpusConversation(
        id: id, profile: changed, turns: Array(turns[...index]), domain: domain)
      for earlier in before.indices where before[earlier].speaker == .agent {
        conversation.replyTexts[earlier] = templateIDs[before[earlier].id].flatMap { byID[$0]?.text }
      }
      conversation.replyTexts[index] = variants[0].text
      conversation.negativeTexts[index] = sample(variants.dropFirst().map(\.text))
      return conversation
    }
    return nil
  }

  /// `profile` with order `id` in `state`: its status, or its refund (added, changed or removed).
  static func profile(_ profile: CustomerProfile, order id: String, stating state: StatedState, now: Date)
    -> CustomerProfile
  {
    var changed = profile
    guard let index = changed.orders.firstIndex(where: { $0.id == id }) else { return profile }
    switch state {
    case .order(let status): changed.orders[index].status = status
    case .refund(nil): changed.orders[index].refund = nil
    case .refund(let status?):
      let order = changed.orders[index]
      changed.orders[index].refund = Refund(
        amount: order.refund?.amount ?? order.total, status: status,
        requestedOn: order.refund?.requestedOn ?? now.addingTimeInterval(-3 * 86_400),
        expectedBy: order.refund?.expectedBy)
    }
    return changed
  }
}
