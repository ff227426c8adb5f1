import Testing

@testable import ReplyDeskEngine

/// Numerical gradient checks of the generator's attention layer and of the whole model.
struct GeneratorGradientTests {
  let threshold: Float = 2e-2
  /// Between Float rounding (worse at 1e-3 for these longer sums) and ReLU kinks (crossed at 1e-2).
  let epsilon: Float = 3e-3

  @Test func causalSelfAttentionGradients() {
    let q = GradientCheck.random(7, 4, seed: 21)
    let k = GradientCheck.random(7, 4, seed: 22)
    let v = GradientCheck.random(7, 4, seed: 23)
    let segments = [0, 3, 7]
    let g = GradientCheck.random(7, 4, seed: 24)
    func loss(_ q: Matrix, _ k: Matrix, _ v: Matrix) -> Float {
      GradientCheck.weightedSum(CausalSelfAttention.forward(q: q, k: k, v: v, segments: segments).0, g)
    }
    let cache = CausalSelfAttention.forward(q: q, k: k, v: v, segments: segments).1
    let grads = CausalSelfAttention.backward(g, q: q, k: k, v: v, segments: segments, cache: cache)
    #expect(GradientCheck.worstError(q, analytic: grads.dq, epsilon: epsilon) { loss($0, k, v) } < threshold)
    #expect(GradientCheck.worstError(k, analytic: grads.dk, epsilon: epsilon) { loss(q, $0, v) } < threshold)
    #expect(GradientCheck.worstError(v, analytic: grads.dv, epsilon: epsilon) { loss(q, k, $0) } < threshold)
  }

  @Test func attentionIsCausal() {
    let q = GradientCheck.random(4, 3, seed: 25)
    let k = GradientCheck.random(4, 3, seed: 26)
    let v = GradientCheck.random(4, 3, seed: 27)
    var later = v
    for c in 0..<3 { later[3, c] += 5 }
    let before = CausalSelfAttention.forward(q: q, k: k, v: v, segments: [0, 4]).0
    let after = CausalSelfAttention.forward(q: q, k: k, v: later, segments: [0, 4]).0
    #expect(before.rows(0..<3) == after.rows(0..<3))
    #expect(before.rows(3..<4) != after.rows(3..<4))
  }

  @Test func wholeModelGradients() {
    var config = GeneratorConfig()
    config.dim = 8
    config.ffn = 12
    config.layers = 2
    config.maxContextTokens = 8
    config.maxReplyTokens = 6
    let vocabulary = GeneratorVocabulary(words: ["a", "b", "c", "d"])
    var model = GeneratorModel(config: config, vocabulary: vocabulary, seed: 5)
    // Unit-scale token and position vectors: at the training scale (0.05) the first layer norm divides
    // by a tiny deviation and a finite difference no longer approximates the derivative.
    model.parameters[0] = GradientCheck.random(vocabulary.count, config.dim, seed: 31)
    model.parameters[1] = GradientCheck.random(config.maxSequence, config.dim, seed: 32)
    let examples = [
      GeneratorExample(prefix: [4, 8, 9, 2], reply: [10, 11]),
      GeneratorExample(prefix: [4, 5, 10, 2], reply: [8]),
    ]
    let gradients = model.lossAndGradients(examples).gradients
    for index in model.parameters.indices {
      let error = GradientCheck.worstError(
        model.parameters[index], analytic: gradients[index], samples: 6, epsilon: epsilon
      ) {
        var changed = model
        changed.parameters[index] = $0
        return changed.lossAndGradients(examples).loss
      }
      #expect(error < threshold, "parameter \(index)")
    }
  }
}
