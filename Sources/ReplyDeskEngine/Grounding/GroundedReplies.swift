import ReplyDeskCore

/// Teaches grounding from simulated chats. For an agent turn filled from a template it gives the
/// reply to learn, the template itself or (at `paraphraseRate`, when the template states the
/// order's or the refund's state) a paraphrase stating the same state, and its hard negatives: the
/// other states in the paraphrase's frame, the same intent's templates whose declared conditions
/// contradict the order in question, and (at `askRate`) a template asking for what the chat holds.
public struct GroundedReplies: Sendable {
  /// The share of state-stating turns learned as a paraphrase.
  var paraphraseRate = 0.7
  /// The share of turns that get a needless ask as a negative, when there is one.
  var askRate = 0.3
  /// At most this many negatives of each kind per turn (states, templates).
  var negativesPerKind = 5
  /// The share of paraphrases with a sentence that says nothing of the state around them.
  var fillerRate = 0.5
  /// How many more times each chat is learned with the order's state redrawn (`counterfactual`):
  /// four, so that most of what the ranker learns about a stated state has the state drawn
  /// uniformly, whatever the customer asked (with the status-refund pair token, four scored about
  /// two points above two on both development sets, over two seeds).
  var redrawsPerChat = 4
  let byIntent: [String: [ReplyTemplate]]
  let byID: [String: ReplyTemplate]
  private let asks: [ReplyTemplate]
  /// Template texts without conditions or asks: sentences that state nothing about the order.
  let fillers: [String]
  var paraphraser: StateParaphraser
  var random: SeededGenerator

  /// `split` picks the paraphrases' state clauses: `.dev` for `devQueries` only.
  public init(templates: [ReplyTemplate], seed: UInt64, split: StateParaphraser.Split = .training) {
    var byIntent: [String: [ReplyTemplate]] = [:]
    for template in templates {
      for intent in template.intents { byIntent[intent, default: []].append(template) }
    }
    self.byIntent = byIntent
    byID = Dictionary(templates.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    asks = templates.filter { !$0.conditions.asks.isEmpty }
    fillers = templates.filter { $0.conditions == TemplateConditions() }.map(\.text)
    paraphraser = StateParaphraser(seed: seed, split: split)
    random = SeededGenerator(seed: seed &+ 1, skip: 1)
  }

  /// A simulated chat as training conversations: the chat itself (`conversation`) and
  /// `redrawsPerChat` copies with its order's state redrawn (`counterfactual`).
  public mutating func conversations(
    id: String, profile: CustomerProfile, turns: [Turn], domain: String, templateIDs: [Int: String]
  ) -> [CorpusConversation] {
    let chat = conversation(id: id, profile: profile, turns: turns, domain: domain, templateIDs: templateIDs)
    return [chat]
      + (0..<redrawsPerChat).compactMap { copy in
        counterfactual(
          id: "\(id)-redrawn\(copy)", profile: profile, turns: turns, domain: domain, templateIDs: templateIDs
        )
      }
  }

  /// A simulated chat as a training conversation: each agent turn sent from a template (by turn id in
  /// `templateIDs`) is learned as `reply(for:facts:)` gives it, with its negatives.
  mutating func conversation(
    id: String, profile: CustomerProfile, turns: [Turn], domain: String, templateIDs: [Int: String]
  ) -> CorpusConversation {
    var conversation = CorpusConversation(id: id, profile: profile, turns: turns, domain: domain)
    for (index, turn) in turns.enumerated() {
      guard let template = templateIDs[turn.id].flatMap({ byID[$0] }) else { continue }
      let facts = GroundingFacts(turns: Array(turns[..<index]), profile: profile, now: turn.time)
      let learned = reply(for: template, facts: facts)
      conversation.replyTexts[index] = learned.text
      conversation.negativeTexts[index] = learned.negatives
    }
    return conversation
  }

  /// The reply to learn for a turn sent from `template` in a chat with `facts`, and its negatives.
  mutating func reply(for template: ReplyTemplate, facts: GroundingFacts) -> (
    text: String, negatives: [String]
  ) {
    var text = template.text
    var negatives = sample(contradicting(template, facts: facts).map(\.text))
    if let truth = Self.statedState(template, facts: facts), random.nextDouble() < paraphraseRate {
      let variants = paraphraser.variants(
        of: truth, topic: ReplyTopic(intents: template.intents), filler: filler())
      text = variants[0].text
      negatives = sample(variants.dropFirst().map(\.text)) + negatives.prefix(1)
    }
    let needless = asks.filter { $0.id != template.id && $0.conditions.needlessAsk(with: facts) != nil }
    if !needless.isEmpty && random.nextDouble() < askRate {
      negatives.append(needless[Int.random(in: 0..<needless.count, using: &random)].text)
    }
    return (text, negatives)
  }

  /// What the template states about the order in question: its refund's state when it declares a
  /// refund condition, else its status when it declares a status condition.
  static func statedState(_ template: ReplyTemplate, facts: GroundingFacts) -> StatedState? {
    guard let order = facts.inQuestion.order else { return nil }
    let conditions = template.conditions
    if conditions.refundStatus != nil || conditions.refund != nil { return .refund(order.refund?.status) }
    return conditions.orderStatus == nil ? nil : .order(order.status)
  }

  /// The templates sharing an intent with `template` whose declared conditions contradict `facts`:
  /// the other state variants of the same reply.
  func contradicting(_ template: ReplyTemplate, facts: GroundingFacts) -> [ReplyTemplate] {
    var seen: Set<String> = [template.id]
    return template.intents.flatMap { byIntent[$0] ?? [] }.filter { other in
      seen.insert(other.id).inserted && other.conditions.contradiction(with: facts) != nil
    }
  }

  mutating func filler() -> String? {
    guard !fillers.isEmpty, random.nextDouble() < fillerRate else { return nil }
    return fillers[Int.random(in: 0..<fillers.count, using: &random)]
  }

  mutating func sample(_ texts: [String]) -> [String] {
    Array(texts.shuffled(using: &random).prefix(negativesPerKind))
  }
}

extension SeededGenerator {
  /// A uniform value in 0..<1.
  mutating func nextDouble() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

extension GroundedReplies {
  /// Grounding queries from a simulated chat (a dev split: use a seed the training never used): at
  /// every agent turn sent from a template that states the order's (or refund's) state, the template
  /// among its contradicting state variants (`kind` "template"), and a paraphrase among the other
  /// states in its frame (`kind` "paraphrase"; with the `.dev` split, in clauses training never uses).
  public mutating func devQueries(
    id: String, profile: CustomerProfile, turns: [Turn], templateIDs: [Int: String]
  ) -> [GroundingQuery] {
    var queries: [GroundingQuery] = []
    for (index, turn) in turns.enumerated() {
      guard let template = templateIDs[turn.id].flatMap({ byID[$0] }) else { continue }
      let facts = GroundingFacts(turns: Array(turns[..<index]), profile: profile, now: turn.time)
      guard let truth = Self.statedState(template, facts: facts) else { continue }
      let variants = [template] + contradicting(template, facts: facts)
      let stated = paraphraser.variants(of: truth, topic: ReplyTopic(intents: template.intents))
      let context = turns[..<index].map {
        RankingQuery.Turn(speaker: $0.speaker.rawValue, text: $0.text)
      }
      for (kind, texts, states) in [
        ("template", variants.map(\.text), variants.map(\.id)),
        ("paraphrase", stated.map(\.text), stated.map { "\($0.state)" }),
      ] where texts.count > 1 {
        queries.append(
          GroundingQuery(
            id: "\(id):\(index):\(kind)", kind: kind, orderID: facts.inQuestion.order?.id ?? "",
            context: context, profile: NeuralRanker.profileJSON(profile),
            time: .number(turn.time.timeIntervalSince1970), candidates: texts, states: states, answer: 0))
      }
    }
    return queries
  }
}
