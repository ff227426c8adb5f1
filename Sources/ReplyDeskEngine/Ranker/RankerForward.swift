/// The ranker's one forward pass, shared by training (a batch of B contexts against every reply of
/// the batch and its hard negatives) and scoring (one context against a candidate set, whole or
/// shortlisted). Every logit is `RankerModel.logit`, so training, the full scorer and the
/// shortlist add up the same terms in the same order.
///
/// The candidate side: every candidate's encodings and what backward needs.
struct CandidateForward {
  var encodings: CandidateEncodings
  var tower: TowerCache
  var profileWords: ProfileWordsCache
  var termLogits: [Float]  // [candidate words]
}

/// The context side: B contexts' word keys, tower vectors and profile vectors.
struct ContextForward {
  var contexts: [EncodedContext]
  var keys: Matrix  // [context words, d] words plus speaker and recency
  var vectors: Matrix  // [B, d] context tower output
  var profiles: Matrix  // [B, d] sum of each context's profile words
  var segments: [Int]  // [B + 1] context word offsets
  var profileSegments: [Int]  // [B + 1] profile word offsets
  var turns: TurnLayout
  var tower: TowerCache

  /// Speaker and recency codes of every context word, in order.
  var positions: (speakers: [Int], recency: [Int]) {
    (contexts.flatMap(\.speakers), contexts.flatMap(\.recency))
  }
}

/// The scores that come from precomputed vectors alone (the shortlist's first stage).
struct FirstStageScores {
  var dual: Matrix  // [B, N] context vector . candidate dual vector
  var profile: Matrix  // [B, N] profile vector . candidate profile readout
  var match: Matrix  // [B, N] exact-match score
  var masks: MatchMasks  // the candidates' match masks with every context added
}

/// Every logit of a forward pass and what backward needs.
struct RankerLogits {
  var logits: Matrix  // [B, N]
  var first: FirstStageScores
  var cross: CrossAttention.Cache  // word attention: B x [N, context words]
  var turn: TurnAttention.Cache  // turn attention: B x [N, turns]
}

extension RankerModel {
  /// The logit of one (context, candidate) pair from its five terms, always in this order.
  static func logit(cross: Float, turn: Float, dual: Float, profile: Float, match: Float) -> Float {
    cross + turn + dual + profile + match
  }

  /// Candidates from their word vectors: words [candidate words, d], grouped by `replies`.
  func candidateForward(_ words: Matrix, _ replies: [EncodedReply]) -> CandidateForward {
    let segments = segmentOffsets(replies.map(\.types.count))  // [N + 1]
    let (vectors, tower) = towerForward(words, segments: segments, tower: .candidate)  // [N, 6d]
    let parts = CandidateParts(vectors, dim: config.dim)  // [N, d] each
    let (wordReadout, profileWords) = profileWordsReadout(words, segments: segments)  // [N, d]
    let (weights, termLogits) = termWeights(words)  // [candidate words] each
    let encodings = CandidateEncodings(
      dual: parts.dual, query: parts.query, readout: parts.readout,
      profileReadout: parts.profileReadout.adding(wordReadout), turnQuery: parts.turnQuery,
      turnReadout: parts.turnReadout, weights: weights, segments: segments,
      masks: MatchMasks(candidateKeys: replies.flatMap(\.keys)))
    return CandidateForward(
      encodings: encodings, tower: tower, profileWords: profileWords, termLogits: termLogits)
  }

  /// Contexts from their word vectors: words [context words, d] and profileWords [profile words, d],
  /// both grouped by `contexts`.
  func contextForward(_ words: Matrix, profileWords: Matrix, _ contexts: [EncodedContext]) -> ContextForward {
    let segments = segmentOffsets(contexts.map(\.types.count))  // [B + 1]
    let profileSegments = segmentOffsets(contexts.map(\.profileTypes.count))  // [B + 1]
    let keys = contextKeys(words, (contexts.flatMap(\.speakers), contexts.flatMap(\.recency)))  // [words, d]
    let (vectors, tower) = towerForward(keys, segments: segments, tower: .context)  // [B, d]
    return ContextForward(
      contexts: contexts, keys: keys, vectors: vectors, profiles: segmentSums(profileWords, profileSegments),
      segments: segments, profileSegments: profileSegments, turns: TurnLayout(contexts), tower: tower)
  }

  /// One context embedded and run through the context side.
  func contextForward(_ context: EncodedContext, bags: Bags) -> ContextForward {
    let words = EmbeddingBag.forward(self[.embedding], bags.subset(context.types))  // [L, d]
    let profileWords = EmbeddingBag.forward(self[.embedding], bags.subset(context.profileTypes))  // [P, d]
    return contextForward(words, profileWords: profileWords, [context])
  }

  /// Dual-encoder, profile and exact-match scores of every (context, candidate) pair.
  func firstStage(_ context: ContextForward, _ candidates: CandidateEncodings) -> FirstStageScores {
    var masks = candidates.masks
    for encoded in context.contexts { masks.add(encoded) }
    var match = Matrix(rows: context.contexts.count, cols: candidates.count)  // [B, N]
    addMatchScores(&match, masks: masks, weights: candidates.weights, segments: candidates.segments)
    return FirstStageScores(
      dual: Self.similarities(context.vectors, candidates.dual),
      profile: Self.similarities(context.profiles, candidates.profileReadout), match: match, masks: masks)
  }

  /// a [B, d] against b [N, d] -> [B, N]; one matrix-vector product when B is 1.
  static func similarities(_ a: Matrix, _ b: Matrix) -> Matrix {
    if a.rows == 1 { return Matrix(rows: 1, cols: b.rows, data: BLAS.gemv(b, a.data)) }
    var out = Matrix(rows: a.rows, cols: b.rows)  // [B, N]
    BLAS.gemm(a, b, transposeB: true, into: &out)
    return out
  }

  /// Word attention of k candidates (queries and readouts [k, d]) over the context words -> [B, k].
  func wordAttention(_ context: ContextForward, queries: Matrix, readouts: Matrix)
    -> (Matrix, CrossAttention.Cache)
  {
    CrossAttention.forward(
      queries: queries, outputs: readouts, keys: context.keys, segments: context.segments)
  }

  /// Turn attention of k candidates (queries and readouts [k, d]) over the context's turns -> [B, k].
  func turnAttention(_ context: ContextForward, queries: Matrix, readouts: Matrix)
    -> (Matrix, TurnAttention.Cache)
  {
    TurnAttention.forward(
      keys: context.keys, layout: context.turns, poolQuery: self[.turnPoolQuery], queries: queries,
      outputs: readouts)
  }

  /// Every candidate's logit for every context: [B, N].
  func logits(_ context: ContextForward, _ candidates: CandidateEncodings) -> RankerLogits {
    let first = firstStage(context, candidates)
    let (cross, crossCache) = wordAttention(context, queries: candidates.query, readouts: candidates.readout)
    let (turn, turnCache) = turnAttention(
      context, queries: candidates.turnQuery, readouts: candidates.turnReadout)
    var logits = Matrix(rows: cross.rows, cols: cross.cols)  // [B, N]
    for k in 0..<logits.count {
      logits.data[k] = Self.logit(
        cross: cross.data[k], turn: turn.data[k], dual: first.dual.data[k], profile: first.profile.data[k],
        match: first.match.data[k])
    }
    return RankerLogits(logits: logits, first: first, cross: crossCache, turn: turnCache)
  }
}
