/// A reply or candidate as the ranker reads it: type ids and exact-match keys, one per word.
public struct EncodedReply: Sendable, Equatable {
  var types: [Int32]
  var keys: [UInt32]
}

/// The context of one ranking: the words of the last turns with speaker, recency and match group,
/// and the grounding feature tokens of the order in question (`GroundingFeatures`).
struct EncodedContext: Sendable, Equatable {
  var types: [Int32] = []
  var keys: [UInt32] = []
  var speakers: [Int] = []  // 0 customer, 1 agent, 2 system
  var recency: [Int] = []  // turns before the newest, capped
  var groups: [UInt8] = []  // match group bit of each word
  var turnIndices: [Int] = []  // index of the word's turn in the given turns
  var words: [String] = []
  var profileTypes: [Int32] = []  // [features] type ids of the grounding feature tokens
}

/// Turns text, turns and profiles into encoded inputs with a `TypeTable`.
struct RankerInputEncoder: Sendable {
  let config: RankerConfig

  func encodeReply(_ text: String, profile: ProfileText, table: inout TypeTable) -> EncodedReply {
    let words = Array(
      profile.mask(WordSplitter.words(text, templateSlots: true)).prefix(config.maxReplyWords))
    return encode(words, table: &table)
  }

  func encode(_ words: [String], table: inout TypeTable) -> EncodedReply {
    var reply = EncodedReply(types: [], keys: [])
    var previous = ""
    for word in words {
      reply.types.append(table.id(word: word, previous: previous))
      reply.keys.append(FNV1a.hash(word))
      previous = word
    }
    return reply
  }

  /// Speaker codes: 0 customer, 1 agent, 2 system. `profile` masks profile values in the turns;
  /// `features` are the grounding feature tokens of the order in question.
  func encodeContext(
    _ turns: [(speaker: Int, text: String)], profile: ProfileText, features: [String],
    table: inout TypeTable
  ) -> EncodedContext {
    let first = max(0, turns.count - config.maxTurns)
    var perTurn: [(index: Int, words: [String])] = []
    var total = 0
    for index in stride(from: turns.count - 1, through: first, by: -1) {
      let words = profile.mask(WordSplitter.words(turns[index].text)).prefix(config.maxTurnWords)
      let kept = Array(words.prefix(config.maxContextWords - total))
      if kept.isEmpty && total >= config.maxContextWords { break }
      perTurn.append((index, kept))
      total += kept.count
    }
    let newestCustomer = perTurn.first { turns[$0.index].speaker == 0 }?.index
    let newestAgent = perTurn.first { turns[$0.index].speaker != 0 }?.index
    var context = EncodedContext()
    for turn in perTurn.reversed() {
      let speaker = turns[turn.index].speaker
      let group: UInt8 =
        speaker == 0
        ? (turn.index == newestCustomer ? 1 : 4) : (turn.index == newestAgent ? 2 : 8)
      let recency = min(turns.count - 1 - turn.index, config.recencyBuckets - 1)
      let encoded = encode(turn.words, table: &table)
      context.types += encoded.types
      context.keys += encoded.keys
      context.words += turn.words
      for _ in turn.words {
        context.speakers.append(speaker)
        context.recency.append(recency)
        context.groups.append(group)
        context.turnIndices.append(turn.index)
      }
    }
    context.profileTypes = encode(Array(features.prefix(config.maxProfileWords)), table: &table).types
    return context
  }
}
