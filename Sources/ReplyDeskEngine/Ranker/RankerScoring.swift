/// Candidate encodings computed once per candidate set (or once per candidate text and joined).
public struct CandidateEncodings: Sendable {
  public var dual: Matrix  // [n, d]
  public var query: Matrix  // [n, d]
  public var readout: Matrix  // [n, d]
  public var profileReadout: Matrix  // [n, d]
  public var turnQuery: Matrix  // [n, d]
  public var turnReadout: Matrix  // [n, d]
  public var weights: [Float]  // [words] term weight of each candidate word
  public var segments: [Int]  // [n + 1] word offsets
  public var masks: MatchMasks

  public var count: Int { dual.rows }

  /// Several encodings one after another, as one set.
  public static func joining(_ parts: [CandidateEncodings]) -> CandidateEncodings {
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
public struct ContextScores: Sendable {
  public var scores: [Float]  // [n]
  public var attention: Matrix  // [n, contextWords] attention of each candidate over context words
  public var turnAttention: Matrix  // [n, turns] attention of each candidate over the context's turns
  public var turns: TurnLayout  // the turns `turnAttention` refers to (word offsets)
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
  public func encodeCandidates(_ replies: [EncodedReply], bags: Bags) -> CandidateEncodings {
    let d = config.dim
    let words = EmbeddingBag.forward(self[.embedding], bags.subset(replies.flatMap(\.types)))  // [words, d]
    let segments = segmentOffsets(replies.map(\.types.count))
    let (vectors, _) = towerForward(words, segments: segments, tower: .candidate)  // [n, 6d]
    let parts = CandidateParts(vectors, dim: d)
    return CandidateEncodings(
      dual: parts.dual, query: parts.query, readout: parts.readout, profileReadout: parts.profileReadout,
      turnQuery: parts.turnQuery, turnReadout: parts.turnReadout, weights: termWeights(words).weights,
      segments: segments,
      masks: MatchMasks(candidateKeys: replies.flatMap(\.keys)))
  }

  /// The candidate tower's attention-pooled word vectors of each reply [n, d] (the tower's first
  /// stage, before the layers that shape them for scoring), for telling replies apart by meaning.
  public func pooledCandidates(_ replies: [EncodedReply], bags: Bags) -> Matrix {
    let words = EmbeddingBag.forward(self[.embedding], bags.subset(replies.flatMap(\.types)))  // [words, d]
    let segments = segmentOffsets(replies.map(\.types.count))
    return towerForward(words, segments: segments, tower: .candidate).1.pooled  // [n, d]
  }

  /// Scores every candidate for one context, with each candidate's attention over the context words
  /// and over its turns.
  public func score(_ context: EncodedContext, bags: Bags, candidates: CandidateEncodings) -> ContextScores {
    let words = EmbeddingBag.forward(self[.embedding], bags.subset(context.types))  // [L, d]
    let keys = contextKeys(words, (context.speakers, context.recency))  // [L, d]
    let (contextVector, _) = towerForward(keys, segments: [0, keys.rows], tower: .context)  // [1, d]
    let profileWords = EmbeddingBag.forward(self[.embedding], bags.subset(context.profileTypes))  // [P, d]
    let profileVector = segmentSums(profileWords, [0, profileWords.rows])  // [1, d]
    var (cross, cache) = CrossAttention.forward(
      queries: candidates.query, outputs: candidates.readout, keys: keys, segments: [0, keys.rows])  // [1, n]
    let turns = TurnLayout([context])
    let (turnScores, turnCache) = TurnAttention.forward(
      keys: keys, layout: turns, poolQuery: self[.turnPoolQuery], queries: candidates.turnQuery,
      outputs: candidates.turnReadout)  // [1, n]
    let dual = BLAS.gemv(candidates.dual, contextVector.data)  // [n]
    let profile = BLAS.gemv(candidates.profileReadout, profileVector.data)  // [n]
    for i in 0..<cross.cols { cross.data[i] += dual[i] + profile[i] + turnScores.data[i] }
    var masks = candidates.masks
    masks.add(context)
    addMatchScores(&cross, masks: masks, weights: candidates.weights, segments: candidates.segments)
    return ContextScores(
      scores: cross.data, attention: cache.weights[0], turnAttention: turnCache.cross.weights[0], turns: turns
    )
  }
}
