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

/// The batch-local type position of every context, profile and candidate word.
struct BatchWords {
  var context: [Int]  // [context words]
  var profile: [Int]  // [profile words]
  var candidate: [Int]  // [candidate words]
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
    var local = LocalTypes()
    let words = BatchWords(
      context: local.positions(batch.contexts.flatMap(\.types)),
      profile: local.positions(batch.contexts.flatMap(\.profileTypes)),
      candidate: local.positions((batch.replies + batch.negatives).flatMap(\.types)))
    let localBags = bags.subset(local.types)
    var typeVectors = EmbeddingBag.forward(self[.embedding], localBags)  // [types, d]
    let keep = DropoutMask(count: typeVectors.count, rate: dropout, using: &rng)
    keep.apply(&typeVectors)

    let replyWords = typeVectors.gathering(words.candidate)  // [candidate words, d]
    let candidates = candidateForward(replyWords, batch.replies + batch.negatives)  // N candidates
    let context = contextForward(
      typeVectors.gathering(words.context), profileWords: typeVectors.gathering(words.profile),
      batch.contexts)  // B contexts
    let forward = logits(context, candidates.encodings)  // [B, N]
    let scores = forward.logits
    let (loss, dScores) = SoftmaxCrossEntropy.lossAndGradient(
      scores, labels: Array(0..<scores.rows), allowed: batch.isNegative)
    let correct = (0..<scores.rows).filter { j in
      !(0..<scores.cols).contains { batch.isNegative(j, $0) && scores[j, $0] >= scores[j, j] }
    }.count

    var dTypes = backward(
      dScores, forward: forward, context: context, candidates: candidates, replyWords: replyWords,
      words: words, typeCount: local.types.count, gradients: &gradients)  // [types, d]
    keep.apply(&dTypes)
    EmbeddingBag.backward(
      dTypes, localBags, dTable: &gradients[RankerParameter.embedding.rawValue], touched: &touched)
    return (loss, correct)
  }

  /// Backward of the forward pass from dScores [B, N]: accumulates every parameter gradient but
  /// the embedding's and returns the gradient of each batch-local word type [types, d].
  func backward(
    _ dScores: Matrix, forward: RankerLogits, context: ContextForward, candidates: CandidateForward,
    replyWords: Matrix, words: BatchWords, typeCount: Int, gradients: inout [Matrix]
  ) -> Matrix {
    let encoded = candidates.encodings
    let dContext = BLAS.product(dScores, encoded.dual)  // [B, d]
    let dDual = BLAS.product(dScores, transposeA: true, context.vectors)  // [N, d]
    let dProfile = BLAS.product(dScores, encoded.profileReadout)  // [B, d]
    let dProfileReadout = BLAS.product(dScores, transposeA: true, context.profiles)  // [N, d]
    var (dQuery, dReadout, dKeys) = CrossAttention.backward(
      dScores, queries: encoded.query, outputs: encoded.readout, keys: context.keys,
      segments: context.segments, cache: forward.cross)  // [N, d], [N, d], [context words, d]
    let turn = TurnAttention.backward(
      dScores, keys: context.keys, layout: context.turns, poolQuery: self[.turnPoolQuery],
      queries: encoded.turnQuery, outputs: encoded.turnReadout, cache: forward.turn,
      dPoolQuery: &gradients[RankerParameter.turnPoolQuery.rawValue])
    dKeys.add(turn.dKeys)
    let dWeights = matchBackward(
      dScores, masks: forward.first.masks, weights: encoded.weights, segments: encoded.segments,
      gradients: &gradients)  // [candidate words]

    var dReplyWords = towerBackward(
      .concatenatingColumns([dDual, dQuery, dReadout, dProfileReadout, turn.dQueries, turn.dOutputs]),
      words: replyWords, segments: encoded.segments, tower: .candidate, cache: candidates.tower,
      gradients: &gradients)  // [candidate words, d]
    termWeightsBackward(
      dWeights, logits: candidates.termLogits, words: replyWords, dWords: &dReplyWords, gradients: &gradients)
    dReplyWords.add(
      profileWordsBackward(
        dProfileReadout, words: replyWords, segments: encoded.segments, cache: candidates.profileWords,
        gradients: &gradients))
    dKeys.add(
      towerBackward(
        dContext, words: context.keys, segments: context.segments, tower: .context, cache: context.tower,
        gradients: &gradients))
    contextKeysBackward(dKeys, context.positions, gradients: &gradients)

    var dTypes = Matrix(rows: typeCount, cols: config.dim)  // [types, d]
    dTypes.scatterAdd(dKeys, words.context)
    dTypes.scatterAdd(dReplyWords, words.candidate)
    dTypes.scatterAdd(segmentSumsBackward(dProfile, context.profileSegments), words.profile)
    return dTypes
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
