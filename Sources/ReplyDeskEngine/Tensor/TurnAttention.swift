/// Where the turns of one or more contexts lie: the word offsets of every turn, and the offsets of
/// every context's turns in the list of turns.
struct TurnLayout: Sendable, Equatable {
  /// [turns + 1] word offsets of each turn in the concatenated context words.
  var wordSegments: [Int]
  /// [contexts + 1] turn offsets of each context.
  var contextSegments: [Int]

  var turnCount: Int { wordSegments.count - 1 }

  init(wordSegments: [Int], contextSegments: [Int]) {
    self.wordSegments = wordSegments
    self.contextSegments = contextSegments
  }

  /// The turns of `contexts`, whose words follow one another: a turn is a run of words with the
  /// same turn index.
  init(_ contexts: [EncodedContext]) {
    var words = [0]  // a context without words adds no turn
    var turns = [0]
    var offset = 0
    for context in contexts {
      let indices = context.turnIndices
      for k in indices.indices where k > 0 && indices[k] != indices[k - 1] { words.append(offset + k) }
      offset += indices.count
      if offset > words.last! { words.append(offset) }
      turns.append(words.count - 1)
    }
    self.init(wordSegments: words, contextSegments: turns)
  }
}

/// Candidate-aware attention over the turns themselves: each turn's word keys are attention-pooled
/// into one turn vector (keys carry speaker and recency), then every candidate attends over the turn
/// vectors of each context with its own query and readout vectors.
/// `score[c, i] = (softmax(q_i T_c^T / sqrt(dim)) T_c) . o_i`, `T_c` the turn vectors of context `c`.
enum TurnAttention {
  /// What backward needs, and the turn weights for display.
  struct Cache: Sendable {
    var turnVectors: Matrix  // [turns, dim]
    var pool: AttentionPooling.Cache
    var cross: CrossAttention.Cache  // weights: contexts x [queries, turns of the context]
  }

  /// keys [words, dim] laid out by `layout`, poolQuery [1, dim], queries and outputs [nq, dim]
  /// -> scores [contexts, nq]
  static func forward(
    keys: Matrix, layout: TurnLayout, poolQuery: Matrix, queries: Matrix, outputs: Matrix
  ) -> (Matrix, Cache) {
    let (turnVectors, pool) = AttentionPooling.forward(
      keys, segments: layout.wordSegments, query: poolQuery)  // [turns, dim]
    let (scores, cross) = CrossAttention.forward(
      queries: queries, outputs: outputs, keys: turnVectors, segments: layout.contextSegments)
    return (scores, Cache(turnVectors: turnVectors, pool: pool, cross: cross))
  }

  /// Gradients of keys [words, dim], queries and outputs [nq, dim]; accumulates dPoolQuery [1, dim].
  static func backward(
    _ dScores: Matrix, keys: Matrix, layout: TurnLayout, poolQuery: Matrix, queries: Matrix,
    outputs: Matrix, cache: Cache, dPoolQuery: inout Matrix
  ) -> (dKeys: Matrix, dQueries: Matrix, dOutputs: Matrix) {
    let (dQueries, dOutputs, dTurns) = CrossAttention.backward(
      dScores, queries: queries, outputs: outputs, keys: cache.turnVectors,
      segments: layout.contextSegments, cache: cache.cross)
    let dKeys = AttentionPooling.backward(
      dTurns, x: keys, segments: layout.wordSegments, query: poolQuery, cache: cache.pool,
      dQuery: &dPoolQuery)
    return (dKeys, dQueries, dOutputs)
  }
}
