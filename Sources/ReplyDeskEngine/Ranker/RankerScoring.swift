/// Candidate encodings computed once per candidate set (or once per candidate text and joined).
struct CandidateEncodings: Sendable {
  var dual: Matrix  // [n, d]
  var query: Matrix  // [n, d]
  var readout: Matrix  // [n, d]
  var profileReadout: Matrix  // [n, d]
  var turnQuery: Matrix  // [n, d]
  var turnReadout: Matrix  // [n, d]
  var weights: [Float]  // [words] term weight of each candidate word
  var segments: [Int]  // [n + 1] word offsets
  var masks: MatchMasks

  var count: Int { dual.rows }

  /// Several encodings one after another, as one set.
  static func joining(_ parts: [CandidateEncodings]) -> CandidateEncodings {
    let d = parts.first?.dual.cols ?? 0
    func stack(_ path: KeyPath<CandidateEncodings, Matrix>) -> Matrix {
      Matrix(rows: parts.reduce(0) { $0 + $1.count }, cols: d, data: parts.flatMap { $0[keyPath: path].data })
    }
    var segments = [0]
    for part in parts {
      for k in 1..<part.segments.count {
        segments.append(segments.last! + part.segments[k] - part.segments[k - 1])
      }
    }
    let keys = parts.flatMap { part in part.masks.wordKeys.map { part.masks.keys[$0] } }
    return CandidateEncodings(
      dual: stack(\.dual), query: stack(\.query), readout: stack(\.readout),
      profileReadout: stack(\.profileReadout), turnQuery: stack(\.turnQuery),
      turnReadout: stack(\.turnReadout), weights: parts.flatMap(\.weights), segments: segments,
      masks: MatchMasks(candidateKeys: keys))
  }
}

/// One context scored against a candidate set.
struct ContextScores: Sendable {
  var scores: [Float]  // [n]
  var attention: Matrix  // [n, contextWords] attention of each candidate over context words
  var turnAttention: Matrix  // [n, turns] attention of each candidate over the context's turns
  var turns: TurnLayout  // the turns `turnAttention` refers to (word offsets)
}

/// The candidate tower's output [n, 6 dim] split into its `dim`-wide parts.
struct CandidateParts {
  var dual, query, readout, profileReadout, turnQuery, turnReadout: Matrix  // [n, d] each

  init(_ vectors: Matrix, dim d: Int) {
    let parts = (0..<RankerTower.candidateParts).map { vectors.columns((d * $0)..<(d * ($0 + 1))) }
    (dual, query, readout, profileReadout, turnQuery, turnReadout) =
      (parts[0], parts[1], parts[2], parts[3], parts[4], parts[5])
  }
}

extension RankerModel {
  /// Encodes candidates (their word types come from `bags`).
  func encodeCandidates(_ replies: [EncodedReply], bags: Bags) -> CandidateEncodings {
    let d = config.dim
    let words = EmbeddingBag.forward(self[.embedding], bags.subset(replies.flatMap(\.types)))  // [words, d]
    let segments = segmentOffsets(replies.map(\.types.count))
    let (vectors, _) = towerForward(words, segments: segments, tower: .candidate)  // [n, 6d]
    let parts = CandidateParts(vectors, dim: d)
    let profileWords = profileWordsReadout(words, segments: segments).0  // [n, d]
    return CandidateEncodings(
      dual: parts.dual, query: parts.query, readout: parts.readout,
      profileReadout: parts.profileReadout.adding(profileWords),
      turnQuery: parts.turnQuery, turnReadout: parts.turnReadout, weights: termWeights(words).weights,
      segments: segments,
      masks: MatchMasks(candidateKeys: replies.flatMap(\.keys)))
  }

  /// The candidate tower's attention-pooled word vectors of each reply [n, d] (the tower's first
  /// stage, before the layers that shape them for scoring), for telling replies apart by meaning.
  func pooledCandidates(_ replies: [EncodedReply], bags: Bags) -> Matrix {
    let words = EmbeddingBag.forward(self[.embedding], bags.subset(replies.flatMap(\.types)))  // [words, d]
    let segments = segmentOffsets(replies.map(\.types.count))
    return towerForward(words, segments: segments, tower: .candidate).1.pooled  // [n, d]
  }

  /// Scores every candidate for one context, with each candidate's attention over the context words
  /// and over its turns.
  func score(_ context: EncodedContext, bags: Bags, candidates: CandidateEncodings) -> ContextScores {
    let vectors = contextVectors(context, bags: bags, candidates: candidates)
    let attended = attend(
      vectors, context: context, queries: candidates.query, readouts: candidates.readout,
      turnQueries: candidates.turnQuery, turnReadouts: candidates.turnReadout)
    var scores = attended.cross  // [n]
    for i in scores.indices {
      scores[i] += vectors.dual[i] + vectors.profile[i] + attended.turn[i]
      scores[i] += vectors.match[i]
    }
    return ContextScores(
      scores: scores, attention: attended.attention, turnAttention: attended.turnAttention,
      turns: attended.turns)
  }

  /// The context's word keys and every candidate's scores from precomputed vectors alone: dual
  /// encoder, profile and exact match (the shortlist's first stage).
  func contextVectors(_ context: EncodedContext, bags: Bags, candidates: CandidateEncodings) -> ContextVectors
  {
    let words = EmbeddingBag.forward(self[.embedding], bags.subset(context.types))  // [L, d]
    let keys = contextKeys(words, (context.speakers, context.recency))  // [L, d]
    let (contextVector, _) = towerForward(keys, segments: [0, keys.rows], tower: .context)  // [1, d]
    let profileWords = EmbeddingBag.forward(self[.embedding], bags.subset(context.profileTypes))  // [P, d]
    let profileVector = segmentSums(profileWords, [0, profileWords.rows])  // [1, d]
    var masks = candidates.masks
    masks.add(context)
    var match = Matrix(rows: 1, cols: candidates.count)  // [1, n]
    addMatchScores(&match, masks: masks, weights: candidates.weights, segments: candidates.segments)
    return ContextVectors(
      keys: keys, dual: BLAS.gemv(candidates.dual, contextVector.data),
      profile: BLAS.gemv(candidates.profileReadout, profileVector.data), match: match.data)
  }

  /// Word and turn attention of candidates (their attention vectors, [k, d] each) over the context.
  func attend(
    _ vectors: ContextVectors, context: EncodedContext, queries: Matrix, readouts: Matrix,
    turnQueries: Matrix, turnReadouts: Matrix
  ) -> AttendedScores {
    let keys = vectors.keys  // [L, d]
    let (cross, cache) = CrossAttention.forward(
      queries: queries, outputs: readouts, keys: keys, segments: [0, keys.rows])  // [1, k]
    let turns = TurnLayout([context])
    let (turnScores, turnCache) = TurnAttention.forward(
      keys: keys, layout: turns, poolQuery: self[.turnPoolQuery], queries: turnQueries,
      outputs: turnReadouts)  // [1, k]
    return AttendedScores(
      cross: cross.data, turn: turnScores.data, attention: cache.weights[0],
      turnAttention: turnCache.cross.weights[0], turns: turns)
  }
}

/// One context against a candidate set, before attention: the context's word keys and the
/// first-stage scores of every candidate.
struct ContextVectors {
  var keys: Matrix  // [L, d] context word keys (words plus speaker and recency)
  var dual: [Float]  // [n] dual-encoder score
  var profile: [Float]  // [n] profile score
  var match: [Float]  // [n] exact-match score
}

/// Word and turn attention scores of `k` candidates for one context.
struct AttendedScores {
  var cross: [Float]  // [k] word attention score
  var turn: [Float]  // [k] turn attention score
  var attention: Matrix  // [k, L] attention over the context words
  var turnAttention: Matrix  // [k, turns] attention over the context's turns
  var turns: TurnLayout
}
