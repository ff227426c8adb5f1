/// One training or decoding input: the prefix (profile and context) and the reply's tokens.
public struct GeneratorExample: Sendable, Equatable {
  var prefix: [Int]
  /// The reply without its end token (empty when decoding).
  var reply: [Int]
}

/// Turns dialogue context and profiles into token ids, masking profile values as slot tokens the
/// same way the ranker does.
public struct GeneratorEncoder: Sendable {
  let config: GeneratorConfig
  let vocabulary: GeneratorVocabulary

  public init(config: GeneratorConfig, vocabulary: GeneratorVocabulary) {
    self.config = config
    self.vocabulary = vocabulary
  }

  /// Context words are read literally; reply words also turn `{slot}` placeholders into slot tokens.
  static func contextWords(_ text: String, profile: ProfileText) -> [String] {
    profile.mask(WordSplitter.words(text))
  }

  static func replyWords(_ text: String, profile: ProfileText) -> [String] {
    profile.mask(WordSplitter.words(text, templateSlots: true))
  }

  /// `<profile>`, the grounding feature tokens of the order in question (`GroundingFeatures`, as the
  /// ranker reads them), profile words, then the newest turns (speaker mark and words), then `<reply>`.
  func prefix(_ turns: [(speaker: Int, text: String)], profile: ProfileText, features: [String] = [])
    -> [Int]
  {
    let profileTokens =
      [GeneratorVocabulary.profile] + features.map(vocabulary.id)
      + profile.featureWords.prefix(config.maxProfileWords).map(vocabulary.id)
    var context: [Int] = []
    for turn in turns.suffix(config.maxTurns) {
      context.append(GeneratorVocabulary.firstSpeaker + min(max(turn.speaker, 0), 2))
      context += Self.contextWords(turn.text, profile: profile).map(vocabulary.id)
    }
    let room = max(0, config.maxContextTokens - profileTokens.count)
    return profileTokens.prefix(config.maxContextTokens) + context.suffix(room) + [GeneratorVocabulary.reply]
  }

  func reply(_ text: String, profile: ProfileText) -> [Int] {
    Array(Self.replyWords(text, profile: profile).map(vocabulary.id).prefix(config.maxReplyTokens))
  }

  /// Every agent turn after at least one earlier turn, as the ranker trains on. `targets[c][t]`,
  /// when given, replaces the text of turn `t` of conversation `c` as the reply to learn (a template
  /// text with `{slot}` placeholders instead of the values the customer saw).
  public func examples(_ conversations: [CorpusConversation], targets: [[Int: String]] = [])
    -> [GeneratorExample]
  {
    var features: [Int: [Int: [String]]] = [:]
    return TrainingData.pairs(conversations).map { c, t in
      let conversation = conversations[c]
      let profile = ProfileText(conversation.profile)
      let text = (c < targets.count ? targets[c][t] : nil) ?? conversation.turns[t].text
      if features[c] == nil { features[c] = conversation.replyFeatures() }
      return GeneratorExample(
        prefix: prefix(Array(conversation.turns[..<t]), profile: profile, features: features[c]?[t] ?? []),
        reply: reply(text, profile: profile))
    }
  }

  /// Word counts over contexts, replies, profile words and feature tokens, for the vocabulary.
  public static func wordCounts(_ conversations: [CorpusConversation], targets: [[Int: String]] = [])
    -> [String: Int]
  {
    var counts: [String: Int] = [:]
    for (c, conversation) in conversations.enumerated() {
      let profile = ProfileText(conversation.profile)
      for (t, turn) in conversation.turns.enumerated() {
        let words =
          contextWords(turn.text, profile: profile)
          + (c < targets.count ? targets[c][t].map { replyWords($0, profile: profile) } ?? [] : [])
          + (turn.speaker == 1 ? replyWords(turn.text, profile: profile) : [])
        for word in words { counts[word, default: 0] += 1 }
      }
      for word in profile.featureWords { counts[word, default: 0] += 1 }
      for tokens in conversation.replyFeatures().values {
        for token in tokens { counts[token, default: 0] += 1 }
      }
    }
    return counts
  }
}
