import Foundation
import ReplyDeskCore

/// Writes a reply from scratch for a chat: encodes the order in question's grounding features, the
/// profile and the context as the prefix, beam-searches
/// the reply over the training vocabulary, and offers the best hypothesis that passes the safety checks.
public struct ReplyGenerator: Sendable {
  let model: GeneratorModel
  let safety: ReplySafety
  var search: BeamSearch
  /// The model name a generated suggestion carries.
  var name = "generator v\(GeneratorFile.version)"
  private let banned: [Bool]

  public init(model: GeneratorModel, safety: ReplySafety, search: BeamSearch = BeamSearch()) {
    self.model = model
    self.safety = safety
    self.search = search
    self.search.maxLength = min(search.maxLength, model.config.maxReplyTokens + 1)
    self.search.sentenceEnders = Set([".", "!", "?"].map(model.vocabulary.id)).subtracting([
      GeneratorVocabulary.unknown
    ])
    banned = safety.bannedTokens(model.vocabulary)
  }

  var encoder: GeneratorEncoder {
    GeneratorEncoder(config: model.config, vocabulary: model.vocabulary)
  }

  /// Finished hypotheses for a prefix (each ends on a sentence), best first, as words; a hypothesis
  /// cut off at the length limit is never offered.
  func decode(prefix: [Int]) -> [(words: [String], score: Float)] {
    let decoder = IncrementalDecoder(model: model, prefix: prefix, banned: banned)
    let hypotheses = search.search(start: decoder.start, first: decoder.firstLogProbs) {
      decoder.step($0, $1)
    }
    return hypotheses.filter(\.finished).map { hypothesis in
      (hypothesis.tokens.map { model.vocabulary.tokens[$0] }, hypothesis.score)
    }
  }

  /// The best safe reply for corpus-style turns and a JSON profile, as filled segments and its score;
  /// with a live-protocol profile (an `orders` list) a reply the builder finds false is skipped, as
  /// in the console.
  public func generate(_ turns: [(speaker: Int, text: String)], profile: JSONValue?) -> Result<
    (segments: [TextSegment], score: Float), GenerationRefusal
  > {
    let facts = GroundingFeatures.facts(profile: profile, turns: turns, now: Date())
    let features = facts.map(GroundingFeatures.tokens) ?? []
    let prefix = encoder.prefix(turns, profile: ProfileText(profile), features: features)
    // A live-protocol profile fills its slots from the order in question, as the console does (its
    // first `id` leaf is the customer's, not an order's); other profiles fill them from their leaves.
    let fill: ([String]) -> [TextSegment] = { words in
      guard let facts else { return GeneratedReplyText.segments(words, json: profile) }
      return GeneratedReplyText.segments(
        words, profile: facts.profile, order: facts.inQuestion.order, now: facts.now)
    }
    let hypotheses = decode(prefix: prefix).filter { hypothesis in
      guard let facts else { return true }
      return SuggestionBuilder.contradiction(
        ofText: fill(hypothesis.words).map(\.plainText).joined(), facts: facts)
        == nil
    }
    return firstSafe(hypotheses, context: turns.map(\.text), known: Self.records(facts?.profile), fill: fill)
  }

  /// The generated suggestion for a console chat, or why there is none. Slots are filled from the
  /// order in question, and a reply that states something false about it is skipped (the suggestion
  /// builder's check for free text). A slot the profile cannot fill stays `.missing`, so the
  /// suggestion must be edited before sending.
  public func suggestion(context: [Turn], profile: CustomerProfile, now: Date) -> Result<
    Suggestion, GenerationRefusal
  > {
    let facts = GroundingFacts(turns: context, profile: profile, now: now)
    let json = ConsoleTranscripts.profileJSON(profile, now: now)
    let turns = context.map { (speaker: NeuralRanker.code($0.speaker), text: $0.text) }
    let prefix = encoder.prefix(turns, profile: ProfileText(json), features: GroundingFeatures.tokens(facts))
    let hypotheses = decode(prefix: prefix).filter { hypothesis in
      let text = GeneratedReplyText.segments(
        hypothesis.words, profile: profile, order: facts.inQuestion.order, now: now)
      return SuggestionBuilder.contradiction(ofText: text.map(\.plainText).joined(), facts: facts) == nil
    }
    return firstSafe(hypotheses, context: turns.map(\.text), known: Self.records(profile)) {
      GeneratedReplyText.segments($0, profile: profile, order: facts.inQuestion.order, now: now)
    }.map {
      Suggestion(source: .generated(model: name), segments: $0.segments, score: Double(expf($0.score)))
    }
  }

  /// The profile's own numbers a reply may repeat: its order ids and tracking numbers.
  static func records(_ profile: CustomerProfile?) -> [String] {
    (profile?.orders ?? []).flatMap { [$0.id] + ($0.trackingNumber.map { [$0] } ?? []) }
  }

  private func firstSafe(
    _ hypotheses: [(words: [String], score: Float)], context: [String], known: [String],
    fill: ([String]) -> [TextSegment]
  ) -> Result<(segments: [TextSegment], score: Float), GenerationRefusal> {
    var refusal = GenerationRefusal.noReply
    for hypothesis in hypotheses where !hypothesis.words.isEmpty {
      let segments = fill(hypothesis.words)
      if let problem = safety.refusal(
        reply: segments.map(\.plainText).joined(), context: context, known: known)
      {
        refusal = problem
        continue
      }
      return .success((segments, hypothesis.score))
    }
    return .failure(refusal)
  }
}
