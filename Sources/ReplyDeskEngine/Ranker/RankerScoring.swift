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
    let words = EmbeddingBag.forward(self[.embedding], bags.subset(replies.flatMap(\.types)))  // [words, d]
    return candidateForward(words, replies).encodings
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
    let forward = contextForward(context, bags: bags)
    let scored = logits(forward, candidates)  // [1, n]
    return ContextScores(
      scores: scored.logits.data, attention: scored.cross.weights[0],
      turnAttention: scored.turn.cross.weights[0], turns: forward.turns)
  }
}
