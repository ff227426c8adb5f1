import ReplyDeskCore

/// One training batch: contexts with their true replies; reply ids mark identical reply texts,
/// which are not negatives of each other. Hard negatives belong to one context each (their owner):
/// a reply stating another state of that context's order is wrong there, not elsewhere.
struct TrainingBatch: Sendable {
  var contexts: [EncodedContext]
  var replies: [EncodedReply]
  var replyIDs: [Int]
  var negatives: [EncodedReply] = []
  var negativeIDs: [Int] = []
  /// The index of the context each negative is wrong for.
  var negativeOwners: [Int] = []

  /// Words in the batch (context, profile, reply and negative words).
  var tokenCount: Int {
    contexts.reduce(0) { $0 + $1.types.count + $1.profileTypes.count }
      + (replies + negatives).reduce(0) { $0 + $1.types.count }
  }

  /// Whether candidate `column` (replies, then negatives) is a negative for context `row`.
  func isNegative(_ row: Int, _ column: Int) -> Bool {
    let count = replies.count
    if column < count { return replyIDs[column] != replyIDs[row] }
    return negativeOwners[column - count] == row && negativeIDs[column - count] != replyIDs[row]
  }
}

/// Batch-local type indices: each distinct type once, with the position of every word.
struct LocalTypes {
  var types: [Int32] = []
  var index: [Int32: Int] = [:]

  mutating func positions(_ words: [Int32]) -> [Int] {
    words.map { type in
      if let k = index[type] { return k }
      index[type] = types.count
      types.append(type)
      return types.count - 1
    }
  }
}

func segmentOffsets(_ counts: [Int]) -> [Int] {
  var offsets = [0]
  for count in counts { offsets.append(offsets.last! + count) }
  return offsets
}

extension RankerModel {
  /// Scores every context against every reply of the batch (in-batch negatives) and against its
  /// own hard negatives, adds the gradient of the mean cross-entropy to `gradients`, and returns the
  /// loss and how many contexts ranked their own reply first.
  /// `dropout` zeroes that fraction of word-vector entries (scaling the rest), drawn from `rng`.
  func trainingStep(
    _ batch: TrainingBatch, bags: Bags, gradients: inout [Matrix], touched: inout TouchedRows,
    dropout: Float = 0, rng: inout SeededGenerator
  ) -> (loss: Float, correct: Int) {
    let d = config.dim
    var local = LocalTypes()
    let contextPositions = local.positions(batch.contexts.flatMap(\.types))
    let profilePositions = local.positions(batch.contexts.flatMap(\.profileTypes))
    let candidates = batch.replies + batch.negatives
    let replyPositions = local.positions(candidates.flatMap(\.types))
    let contextSegments = segmentOffsets(batch.contexts.map(\.types.count))
    let profileSegments = segmentOffsets(batch.contexts.map(\.profileTypes.count))
    let replySegments = segmentOffsets(candidates.map(\.types.count))
    let localBags = bags.subset(local.types)
    var typeVectors = EmbeddingBag.forward(self[.embedding], localBags)  // [types, d]
    let keep = DropoutMask(count: typeVectors.count, rate: dropout, using: &rng)
    keep.apply(&typeVectors)

    let speakers = batch.contexts.flatMap(\.speakers)
    let recency = batch.contexts.flatMap(\.recency)
    let keys = contextKeys(typeVectors.gathering(contextPositions), (speakers, recency))  // [ctxWords, d]
    let profileWords = typeVectors.gathering(profilePositions)  // [profileWords, d]
    let replyWords = typeVectors.gathering(replyPositions)  // [replyWords, d]
    // contextVectors [B, d], candidate [N, 6d] (N = B replies + hard negatives)
    let (contextVectors, contextCache) = towerForward(keys, segments: contextSegments, tower: .context)
    let (candidate, candidateCache) = towerForward(replyWords, segments: replySegments, tower: .candidate)
    let parts = CandidateParts(candidate, dim: d)  // [N, d] each
    let (wordReadout, wordReadoutCache) = profileWordsReadout(replyWords, segments: replySegments)  // [N, d]
    let (dual, query, readout, profileReadout) = (
      parts.dual, parts.query, parts.readout, parts.profileReadout.adding(wordReadout)
    )
    let profileVectors = segmentSums(profileWords, profileSegments)  // [B, d]
    let (weights, termLogits) = termWeights(replyWords)  // [replyWords]

    var (scores, crossCache) = CrossAttention.forward(
      queries: query, outputs: readout, keys: keys, segments: contextSegments)  // [B ctx, N cand]
    let turns = TurnLayout(batch.contexts)
    let (turnScores, turnCache) = TurnAttention.forward(
      keys: keys, layout: turns, poolQuery: self[.turnPoolQuery], queries: parts.turnQuery,
      outputs: parts.turnReadout)  // [B ctx, N cand]
    for k in 0..<scores.count { scores.data[k] += turnScores.data[k] }
    BLAS.gemm(contextVectors, dual, transposeB: true, into: &scores, beta: 1)
    BLAS.gemm(profileVectors, profileReadout, transposeB: true, into: &scores, beta: 1)
    var masks = MatchMasks(candidateKeys: candidates.flatMap(\.keys))
    for context in batch.contexts { masks.add(context) }
    addMatchScores(&scores, masks: masks, weights: weights, segments: replySegments)

    let (loss, dScores) = SoftmaxCrossEntropy.lossAndGradient(
      scores, labels: Array(0..<scores.rows), allowed: batch.isNegative)
    var correct = 0
    for j in 0..<scores.rows {
      let own = scores[j, j]
      if !(0..<scores.cols).contains(where: { batch.isNegative(j, $0) && scores[j, $0] >= own }) {
        correct += 1
      }
    }

    let dContext = BLAS.product(dScores, dual)  // [B, d]
    let dDual = BLAS.product(dScores, transposeA: true, contextVectors)  // [N, d]
    let dProfile = BLAS.product(dScores, profileReadout)  // [B, d]
    let dProfileReadout = BLAS.product(dScores, transposeA: true, profileVectors)  // [N, d]
    var (dQuery, dReadout, dKeys) = CrossAttention.backward(
      dScores, queries: query, outputs: readout, keys: keys, segments: contextSegments, cache: crossCache)
    let turnGradients = TurnAttention.backward(
      dScores, keys: keys, layout: turns, poolQuery: self[.turnPoolQuery], queries: parts.turnQuery,
      outputs: parts.turnReadout, cache: turnCache,
      dPoolQuery: &gradients[RankerParameter.turnPoolQuery.rawValue])
    for k in 0..<dKeys.count { dKeys.data[k] += turnGradients.dKeys.data[k] }
    let dWeights = matchBackward(
      dScores, masks: masks, weights: weights, segments: replySegments, gradients: &gradients)

    var dReplyWords = towerBackward(
      .concatenatingColumns([
        dDual, dQuery, dReadout, dProfileReadout, turnGradients.dQueries, turnGradients.dOutputs,
      ]), words: replyWords,
      segments: replySegments, tower: .candidate, cache: candidateCache, gradients: &gradients)
    termWeightsBackward(
      dWeights, logits: termLogits, words: replyWords, dWords: &dReplyWords, gradients: &gradients)
    let dProfileWords = profileWordsBackward(
      dProfileReadout, words: replyWords, segments: replySegments, cache: wordReadoutCache,
      gradients: &gradients)
    for k in 0..<dReplyWords.count { dReplyWords.data[k] += dProfileWords.data[k] }
    let dContextKeys = towerBackward(
      dContext, words: keys, segments: contextSegments, tower: .context, cache: contextCache,
      gradients: &gradients)
    for k in 0..<dKeys.count { dKeys.data[k] += dContextKeys.data[k] }
    contextKeysBackward(dKeys, (speakers, recency), gradients: &gradients)

    var dTypes = Matrix(rows: local.types.count, cols: d)  // [types, d]
    dTypes.scatterAdd(dKeys, contextPositions)
    dTypes.scatterAdd(dReplyWords, replyPositions)
    dTypes.scatterAdd(segmentSumsBackward(dProfile, profileSegments), profilePositions)
    keep.apply(&dTypes)
    EmbeddingBag.backward(
      dTypes, localBags, dTable: &gradients[RankerParameter.embedding.rawValue], touched: &touched)
    return (loss, correct)
  }

  func termWeightsBackward(
    _ dWeights: [Float], logits: [Float], words: Matrix, dWords: inout Matrix, gradients: inout [Matrix]
  ) {
    var dLogits = Matrix(rows: logits.count, cols: 1)  // [words, 1]
    for t in 0..<logits.count { dLogits.data[t] = dWeights[t] * Activation.sigmoid(logits[t]) }
    let dx = gradients.withPair(RankerParameter.termW.rawValue, RankerParameter.termB.rawValue) {
      Linear.backward(words, self[.termW], dLogits, dw: &$0, db: &$1)  // [words, d]
    }
    for k in 0..<dx.count { dWords.data[k] += dx.data[k] }
  }
}

/// Inverted dropout: kept entries are scaled by 1 / (1 - rate); the same mask serves backward.
struct DropoutMask {
  var scales: [Float]  // [count], empty when the rate is zero

  init(count: Int, rate: Float, using rng: inout SeededGenerator) {
    guard rate > 0 else {
      scales = []
      return
    }
    let kept = 1 / (1 - rate)
    scales = (0..<count).map { _ in Float.random(in: 0..<1, using: &rng) < rate ? 0 : kept }
  }

  func apply(_ x: inout Matrix) {
    guard !scales.isEmpty else { return }
    for k in 0..<x.count { x.data[k] *= scales[k] }
  }
}

/// Sum of each segment's rows: the grounding features are indicators, so each adds its whole
/// vector. x [n, dim] -> [segments, dim]; an empty segment gives zeros.
func segmentSums(_ x: Matrix, _ segments: [Int]) -> Matrix {
  var out = Matrix(rows: segments.count - 1, cols: x.cols)
  for s in 0..<(segments.count - 1) {
    for r in segments[s]..<segments[s + 1] {
      for c in 0..<x.cols { out.data[s * x.cols + c] += x.data[r * x.cols + c] }
    }
  }
  return out
}

/// Backward of `segmentSums`: dOut [segments, dim] -> dx [n, dim].
func segmentSumsBackward(_ dOut: Matrix, _ segments: [Int]) -> Matrix {
  var dx = Matrix(rows: segments.last ?? 0, cols: dOut.cols)
  for s in 0..<(segments.count - 1) {
    for r in segments[s]..<segments[s + 1] {
      for c in 0..<dOut.cols { dx.data[r * dOut.cols + c] = dOut.data[s * dOut.cols + c] }
    }
  }
  return dx
}

extension Bags {
  /// The bags at `indices`, in that order.
  func subset(_ indices: [Int32]) -> Bags {
    var out = Bags()
    for i in indices { out.append(ids[range(Int(i))]) }
    return out
  }
}
