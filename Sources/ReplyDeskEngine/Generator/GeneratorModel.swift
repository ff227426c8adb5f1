import Foundation
import ReplyDeskCore

/// A small decoder-only transformer (pre-norm blocks, single-head causal attention, ReLU feed-forward,
/// output tied to the token table) that reads the profile and context as its prefix and writes the reply.
public struct GeneratorModel: Sendable {
  public let config: GeneratorConfig
  public let vocabulary: GeneratorVocabulary
  var parameters: [Matrix]
  let layout: GeneratorLayout

  public init(config: GeneratorConfig, vocabulary: GeneratorVocabulary, seed: UInt64) {
    var rng = SeededGenerator(seed: seed, skip: 1)
    let layout = GeneratorLayout(config: config, vocabularySize: vocabulary.count)
    var parameters = layout.shapes.map { Matrix(rows: $0.rows, cols: $0.cols) }
    parameters[GeneratorLayout.embedding] = .random(
      rows: vocabulary.count, cols: config.dim, scale: 0.05, using: &rng)
    parameters[GeneratorLayout.position] = .random(
      rows: config.maxSequence, cols: config.dim, scale: 0.02, using: &rng)
    for layer in 0..<config.layers {
      for parameter in [GeneratorBlockParameter.wq, .wk, .wv, .wo, .w1, .w2] {
        let shape = parameter.shape(config)
        let scale = (3 / Float(shape.rows)).squareRoot() / (parameter == .wo || parameter == .w2 ? 2 : 1)
        parameters[layout.index(layer, parameter)] = .random(
          rows: shape.rows, cols: shape.cols, scale: scale, using: &rng)
      }
      for gain in [GeneratorBlockParameter.attentionGain, .feedForwardGain] {
        parameters[layout.index(layer, gain)] = Matrix(rows: 1, cols: config.dim, value: 1)
      }
    }
    parameters[layout.finalGain] = Matrix(rows: 1, cols: config.dim, value: 1)
    self.init(config: config, vocabulary: vocabulary, parameters: parameters)
  }

  init(config: GeneratorConfig, vocabulary: GeneratorVocabulary, parameters: [Matrix]) {
    self.config = config
    self.vocabulary = vocabulary
    self.parameters = parameters
    layout = GeneratorLayout(config: config, vocabularySize: vocabulary.count)
  }

  public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

  func parameter(_ layer: Int, _ name: GeneratorBlockParameter) -> Matrix {
    parameters[layout.index(layer, name)]
  }

  /// Token plus position vectors for stacked sequences [n, dim].
  func embed(_ tokens: [Int], positions: [Int]) -> Matrix {
    let table = parameters[GeneratorLayout.embedding]
    let place = parameters[GeneratorLayout.position]
    let d = config.dim
    var x = Matrix(rows: tokens.count, cols: d)
    for (r, token) in tokens.enumerated() {
      for c in 0..<d { x.data[r * d + c] = table.data[token * d + c] + place.data[positions[r] * d + c] }
    }
    return x
  }

  /// Logits [m, vocabulary] for final hidden rows [m, dim] (already normalised). A few rows (decoding)
  /// use one matrix-vector product each: sgemm would repack the whole token table on every call.
  func logits(_ hidden: Matrix) -> Matrix {
    var out = Matrix(rows: hidden.rows, cols: vocabulary.count)
    let bias = parameters[layout.outputBias]
    let table = parameters[GeneratorLayout.embedding]
    if hidden.rows <= 8 {
      for r in 0..<out.rows {
        let row = BLAS.gemv(table, Array(hidden.data[(r * hidden.cols)..<((r + 1) * hidden.cols)]))
        for c in 0..<out.cols { out.data[r * out.cols + c] = row[c] + bias.data[c] }
      }
      return out
    }
    for r in 0..<out.rows {
      out.data.replaceSubrange((r * out.cols)..<((r + 1) * out.cols), with: bias.data)
    }
    BLAS.gemm(hidden, table, transposeB: true, into: &out, beta: 1)
    return out
  }
}

/// What one block's forward pass keeps for its backward pass; `Attention` is what its attention
/// step keeps (`CausalSelfAttention.Cache` in training, nothing while decoding).
struct BlockCache<Attention> {
  var input: Matrix
  var attentionNorm: LayerNorm.Cache
  var attentionIn: Matrix
  var q: Matrix
  var k: Matrix
  var v: Matrix
  var attention: Attention
  var attended: Matrix
  var middle: Matrix
  var feedForwardNorm: LayerNorm.Cache
  var feedForwardIn: Matrix
  var hidden: Matrix
}

extension GeneratorModel {
  /// One pre-norm block over whole sequences ([T, dim] in and out, causal within each segment), as
  /// training and the decoder's reading of the prefix run it.
  func block(_ layer: Int, _ x: Matrix, segments: [Int]) -> (Matrix, BlockCache<CausalSelfAttention.Cache>) {
    block(layer, x) { q, k, v in CausalSelfAttention.forward(q: q, k: k, v: v, segments: segments) }
  }

  /// The one pre-norm block: x + Attn(LN(x)), then + FFN(LN(·)). `attend` turns the block's queries,
  /// keys and values (x: [T, dim]; q, k, v: [T, dim]) into attended rows [T, dim]: over the whole
  /// sequence in training, over the cached keys and values while decoding one token at a time.
  func block<Attention>(
    _ layer: Int, _ x: Matrix, attend: (_ q: Matrix, _ k: Matrix, _ v: Matrix) -> (Matrix, Attention)
  ) -> (Matrix, BlockCache<Attention>) {
    let (attentionIn, attentionNorm) = LayerNorm.forward(
      x, gain: parameter(layer, .attentionGain), bias: parameter(layer, .attentionBias))
    let q = Linear.forward(attentionIn, parameter(layer, .wq), parameter(layer, .bq))
    let k = Linear.forward(attentionIn, parameter(layer, .wk), parameter(layer, .bk))
    let v = Linear.forward(attentionIn, parameter(layer, .wv), parameter(layer, .bv))
    let (attended, attention) = attend(q, k, v)
    var middle = Linear.forward(attended, parameter(layer, .wo), parameter(layer, .bo))
    for i in 0..<middle.count { middle.data[i] += x.data[i] }
    let (feedForwardIn, feedForwardNorm) = LayerNorm.forward(
      middle, gain: parameter(layer, .feedForwardGain), bias: parameter(layer, .feedForwardBias))
    let hidden = Activation.relu(Linear.forward(feedForwardIn, parameter(layer, .w1), parameter(layer, .b1)))
    var out = Linear.forward(hidden, parameter(layer, .w2), parameter(layer, .b2))
    for i in 0..<out.count { out.data[i] += middle.data[i] }
    let cache = BlockCache(
      input: x, attentionNorm: attentionNorm, attentionIn: attentionIn, q: q, k: k, v: v,
      attention: attention,
      attended: attended, middle: middle, feedForwardNorm: feedForwardNorm, feedForwardIn: feedForwardIn,
      hidden: hidden)
    return (out, cache)
  }

  /// Accumulates the block's parameter gradients into `gradients`; returns dx.
  func blockBackward(
    _ layer: Int, _ dOut: Matrix, cache: BlockCache<CausalSelfAttention.Cache>, segments: [Int],
    gradients: inout [Matrix]
  )
    -> Matrix
  {
    func linear(_ x: Matrix, _ w: GeneratorBlockParameter, _ b: GeneratorBlockParameter, _ dy: Matrix)
      -> Matrix
    {
      gradients.withPair(layout.index(layer, w), layout.index(layer, b)) {
        Linear.backward(x, parameter(layer, w), dy, dw: &$0, db: &$1)
      }
    }
    func norm(
      _ dy: Matrix, _ normCache: LayerNorm.Cache, _ g: GeneratorBlockParameter, _ b: GeneratorBlockParameter
    )
      -> Matrix
    {
      gradients.withPair(layout.index(layer, g), layout.index(layer, b)) {
        LayerNorm.backward(dy, cache: normCache, gain: parameter(layer, g), dGain: &$0, dBias: &$1)
      }
    }
    let dHidden = Activation.reluBackward(cache.hidden, linear(cache.hidden, .w2, .b2, dOut))
    let dFeedForwardIn = linear(cache.feedForwardIn, .w1, .b1, dHidden)
    var dMiddle = norm(dFeedForwardIn, cache.feedForwardNorm, .feedForwardGain, .feedForwardBias)
    for i in 0..<dMiddle.count { dMiddle.data[i] += dOut.data[i] }
    let dAttended = linear(cache.attended, .wo, .bo, dMiddle)
    let (dq, dk, dv) = CausalSelfAttention.backward(
      dAttended, q: cache.q, k: cache.k, v: cache.v, segments: segments, cache: cache.attention)
    var dAttentionIn = linear(cache.attentionIn, .wq, .bq, dq)
    let dFromKeys = linear(cache.attentionIn, .wk, .bk, dk)
    let dFromValues = linear(cache.attentionIn, .wv, .bv, dv)
    for i in 0..<dAttentionIn.count { dAttentionIn.data[i] += dFromKeys.data[i] + dFromValues.data[i] }
    var dx = norm(dAttentionIn, cache.attentionNorm, .attentionGain, .attentionBias)
    for i in 0..<dx.count { dx.data[i] += dMiddle.data[i] }
    return dx
  }
}
