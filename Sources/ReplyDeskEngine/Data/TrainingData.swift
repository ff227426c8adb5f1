import ReplyDeskCore

/// Training pairs (context, next agent reply) encoded once, with the vocabulary built from them.
public struct TrainingData: Sendable {
  var table: TypeTable
  var contexts: [EncodedContext]
  var replies: [EncodedReply]
  /// Identical reply texts share an id (they are not negatives of each other).
  var replyIDs: [Int]
  /// Each example's own hard negatives (the conversation's `negativeTexts`) and their reply ids.
  public var negatives: [[EncodedReply]]
  var negativeIDs: [[Int]]
  var domains: [Int]
  /// The reply id of each distinct profile-masked reply text.
  private var replyIndex: [String: Int] = [:]

  public var count: Int { contexts.count }

  /// Every agent turn with at least one earlier turn becomes an example.
  static func pairs(_ conversations: [CorpusConversation]) -> [(conversation: Int, turn: Int)] {
    var out: [(conversation: Int, turn: Int)] = []
    for (c, conversation) in conversations.enumerated() {
      for (t, turn) in conversation.turns.enumerated() where t > 0 && turn.speaker == 1 { out.append((c, t)) }
    }
    return out
  }

  /// Builds the vocabulary (words seen at least twice) from the conversations.
  public static func vocabulary(_ conversations: [CorpusConversation], config: RankerConfig) -> Vocabulary {
    var counts: [String: Int] = [:]
    for conversation in conversations {
      let profile = ProfileText(conversation.profile)
      let texts =
        conversation.turns.map(\.text) + conversation.replyTexts.values
        + conversation.negativeTexts.values.joined()
      for text in texts {
        for word in profile.mask(WordSplitter.words(text, templateSlots: true)) {
          counts[word, default: 0] += 1
        }
      }
    }
    if conversations.contains(where: { GroundingFeatures.customer($0.profile) != nil }) {
      for token in GroundingFeatures.all { counts[token, default: 0] += 2 }  // every feature a row
    }
    return .build(counts: counts, minCount: 2, limit: 30000, buckets: config.buckets)
  }

  public init(_ conversations: [CorpusConversation], vocabulary: Vocabulary, config: RankerConfig) {
    table = TypeTable(vocabulary: vocabulary)
    contexts = []
    replies = []
    replyIDs = []
    negatives = []
    negativeIDs = []
    domains = []
    let encoder = RankerInputEncoder(config: config)
    var domainIndex: [String: Int] = [:]
    // pairs come grouped by conversation
    var profiles: (conversation: Int, text: ProfileText, features: [Int: [String]])?
    for (c, t) in Self.pairs(conversations) {
      let conversation = conversations[c]
      if profiles?.conversation != c {
        profiles = (c, ProfileText(conversation.profile), conversation.replyFeatures())
      }
      let profile = profiles!.text
      let history = Array(conversation.turns[max(0, t - config.maxTurns)..<t])
      contexts.append(
        encoder.encodeContext(
          history, profile: profile, features: profiles!.features[t] ?? [], table: &table))
      let text = conversation.replyText(t)
      replies.append(encoder.encodeReply(text, profile: profile, table: &table))
      replyIDs.append(replyID(text, profile: profile))
      let wrong = conversation.negativeTexts[t] ?? []
      negatives.append(wrong.map { encoder.encodeReply($0, profile: profile, table: &table) })
      negativeIDs.append(wrong.map { replyID($0, profile: profile) })
      domains.append(
        domainIndex[conversation.domain]
          ?? {
            domainIndex[conversation.domain] = domainIndex.count; return domainIndex.count - 1
          }())
    }
  }

  /// The id of a reply text: identical after profile masking, identical id.
  private mutating func replyID(_ text: String, profile: ProfileText) -> Int {
    let key = profile.mask(WordSplitter.words(text, templateSlots: true)).joined(separator: " ")
    if let id = replyIndex[key] { return id }
    replyIndex[key] = replyIndex.count
    return replyIndex.count - 1
  }

  /// Batches for one epoch: each batch is half a run of same-domain examples (hard negatives)
  /// and half random examples.
  func epochBatches(size: Int, using rng: inout SeededGenerator) -> [[Int]] {
    let half = max(1, size / 2)
    var random = Array(0..<count)
    random.shuffle(using: &rng)
    var grouped = Array(0..<count)
    grouped.shuffle(using: &rng)
    let chunk = size * 16
    for start in stride(from: 0, to: count, by: chunk) {
      let end = min(count, start + chunk)
      grouped[start..<end].sort { domains[$0] < domains[$1] }
    }
    var batches: [[Int]] = []
    for start in stride(from: 0, to: count - half + 1, by: half) {
      batches.append(Array(grouped[start..<(start + half)]) + Array(random[start..<(start + half)]))
    }
    batches.shuffle(using: &rng)
    return batches.filter { $0.count == 2 * half }
  }

  func batch(_ indices: [Int]) -> TrainingBatch {
    var seen = Set<Int>()
    let unique = indices.filter { seen.insert($0).inserted }
    var batch = TrainingBatch(
      contexts: unique.map { contexts[$0] }, replies: unique.map { replies[$0] },
      replyIDs: unique.map { replyIDs[$0] })
    for (owner, example) in unique.enumerated() {
      batch.negatives += negatives[example]
      batch.negativeIDs += negativeIDs[example]
      batch.negativeOwners += Array(repeating: owner, count: negatives[example].count)
    }
    return batch
  }
}
