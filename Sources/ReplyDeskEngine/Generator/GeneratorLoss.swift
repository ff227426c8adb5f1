import Foundation

/// A batch of examples stacked as rows, with the next-token target of each reply row.
struct GeneratorBatch {
  var tokens: [Int] = []
  var positions: [Int] = []
  var segments: [Int] = [0]
  /// Rows that predict a reply token (or the end token), and what they predict.
  var targetRows: [Int] = []
  var targets: [Int] = []

  init(_ examples: [GeneratorExample]) {
    for example in examples {
      let start = tokens.count
      tokens += example.prefix + example.reply
      positions += Array(0..<(example.prefix.count + example.reply.count))
      segments.append(tokens.count)
      for j in 0...example.reply.count {
        targetRows.append(start + example.prefix.count - 1 + j)
        targets.append(j < example.reply.count ? example.reply[j] : GeneratorVocabulary.end)
      }
    }
  }
}

extension GeneratorModel {
  /// The mean next-token cross-entropy over the replies of `examples` and the gradient of every
  /// parameter (same order as `parameters`).
  func lossAndGradients(_ examples: [GeneratorExample]) -> (loss: Float, gradients: [Matrix]) {
    let batch = GeneratorBatch(examples)
    var gradients = parameters.map { Matrix(rows: $0.rows, cols: $0.cols) }
    var x = embed(batch.tokens, positions: batch.positions)
    var caches: [BlockCache<CausalSelfAttention.Cache>] = []
    for layer in 0..<config.layers {
      let (out, cache) = block(layer, x, segments: batch.segments)
      caches.append(cache)
      x = out
    }
    let selected = Matrix(
      rows: batch.targetRows.count, cols: config.dim,
      data: batch.targetRows.flatMap { x.data[($0 * config.dim)..<(($0 + 1) * config.dim)] })
    let (normalized, finalCache) = LayerNorm.forward(
      selected, gain: parameters[layout.finalGain], bias: parameters[layout.finalBias])
    let (loss, dLogits) = SoftmaxCrossEntropy.lossAndGradient(logits(normalized), labels: batch.targets)
    for r in 0..<dLogits.rows {
      for c in 0..<dLogits.cols { gradients[layout.outputBias].data[c] += dLogits.data[r * dLogits.cols + c] }
    }
    let table = parameters[GeneratorLayout.embedding]
    BLAS.gemm(dLogits, transposeA: true, normalized, into: &gradients[GeneratorLayout.embedding], beta: 1)
    let dNormalized = BLAS.product(dLogits, table)  // [m, dim]
    let dSelected = gradients.withPair(layout.finalGain, layout.finalBias) {
      LayerNorm.backward(
        dNormalized, cache: finalCache, gain: parameters[layout.finalGain], dGain: &$0, dBias: &$1)
    }
    var dx = Matrix(rows: x.rows, cols: config.dim)
    for (i, row) in batch.targetRows.enumerated() {
      for c in 0..<config.dim { dx.data[row * config.dim + c] += dSelected.data[i * config.dim + c] }
    }
    for layer in stride(from: config.layers - 1, through: 0, by: -1) {
      dx = blockBackward(layer, dx, cache: caches[layer], segments: batch.segments, gradients: &gradients)
    }
    let d = config.dim
    for (r, token) in batch.tokens.enumerated() {
      for c in 0..<d {
        gradients[GeneratorLayout.embedding].data[token * d + c] += dx.data[r * d + c]
        gradients[GeneratorLayout.position].data[batch.positions[r] * d + c] += dx.data[r * d + c]
      }
    }
    return (loss, gradients)
  }
}
