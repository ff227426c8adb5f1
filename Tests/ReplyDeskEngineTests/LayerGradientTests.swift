import Testing

@testable import ReplyDeskEngine

/// Numerical gradient checks of every trainable layer.
struct LayerGradientTests {
  let threshold: Float = 2e-2

  @Test func linearGradients() {
    let x = GradientCheck.random(5, 4, seed: 1)
    let w = GradientCheck.random(4, 3, seed: 2)
    let b = GradientCheck.random(1, 3, seed: 3)
    let g = GradientCheck.random(5, 3, seed: 4)
    var dw = Matrix(rows: 4, cols: 3)
    var db = Matrix(rows: 1, cols: 3)
    let dx = Linear.backward(x, w, g, dw: &dw, db: &db)
    #expect(
      GradientCheck.worstError(x, analytic: dx) { GradientCheck.weightedSum(Linear.forward($0, w, b), g) }
        < threshold)
    #expect(
      GradientCheck.worstError(w, analytic: dw) { GradientCheck.weightedSum(Linear.forward(x, $0, b), g) }
        < threshold)
    #expect(
      GradientCheck.worstError(b, analytic: db) { GradientCheck.weightedSum(Linear.forward(x, w, $0), g) }
        < threshold)
  }

  @Test func layerNormGradients() {
    let x = GradientCheck.random(4, 6, seed: 5)
    let gain = GradientCheck.random(1, 6, seed: 6)
    let bias = GradientCheck.random(1, 6, seed: 7)
    let g = GradientCheck.random(4, 6, seed: 8)
    func loss(_ x: Matrix, _ gain: Matrix, _ bias: Matrix) -> Float {
      GradientCheck.weightedSum(LayerNorm.forward(x, gain: gain, bias: bias).0, g)
    }
    let cache = LayerNorm.forward(x, gain: gain, bias: bias).1
    var dGain = Matrix(rows: 1, cols: 6)
    var dBias = Matrix(rows: 1, cols: 6)
    let dx = LayerNorm.backward(g, cache: cache, gain: gain, dGain: &dGain, dBias: &dBias)
    #expect(GradientCheck.worstError(x, analytic: dx) { loss($0, gain, bias) } < threshold)
    #expect(GradientCheck.worstError(gain, analytic: dGain) { loss(x, $0, bias) } < threshold)
    #expect(GradientCheck.worstError(bias, analytic: dBias) { loss(x, gain, $0) } < threshold)
  }

  @Test func attentionPoolingGradients() {
    let x = GradientCheck.random(7, 4, seed: 9)
    let query = GradientCheck.random(1, 4, seed: 10)
    let segments = [0, 3, 3, 7]
    let g = GradientCheck.random(3, 4, seed: 11)
    let cache = AttentionPooling.forward(x, segments: segments, query: query).1
    var dQuery = Matrix(rows: 1, cols: 4)
    let dx = AttentionPooling.backward(
      g, x: x, segments: segments, query: query, cache: cache, dQuery: &dQuery)
    func loss(_ x: Matrix, _ q: Matrix) -> Float {
      GradientCheck.weightedSum(AttentionPooling.forward(x, segments: segments, query: q).0, g)
    }
    #expect(GradientCheck.worstError(x, analytic: dx) { loss($0, query) } < threshold)
    #expect(GradientCheck.worstError(query, analytic: dQuery) { loss(x, $0) } < threshold)
  }

  @Test func crossAttentionGradients() {
    let queries = GradientCheck.random(3, 4, seed: 12)
    let outputs = GradientCheck.random(3, 4, seed: 13)
    let keys = GradientCheck.random(6, 4, seed: 14)
    let segments = [0, 2, 6]
    let g = GradientCheck.random(2, 3, seed: 15)
    func loss(_ q: Matrix, _ o: Matrix, _ k: Matrix) -> Float {
      GradientCheck.weightedSum(
        CrossAttention.forward(queries: q, outputs: o, keys: k, segments: segments).0, g)
    }
    let cache = CrossAttention.forward(queries: queries, outputs: outputs, keys: keys, segments: segments).1
    let grads = CrossAttention.backward(
      g, queries: queries, outputs: outputs, keys: keys, segments: segments, cache: cache)
    #expect(
      GradientCheck.worstError(queries, analytic: grads.dQueries) { loss($0, outputs, keys) } < threshold)
    #expect(
      GradientCheck.worstError(outputs, analytic: grads.dOutputs) { loss(queries, $0, keys) } < threshold)
    #expect(GradientCheck.worstError(keys, analytic: grads.dKeys) { loss(queries, outputs, $0) } < threshold)
  }

  @Test func embeddingBagGradients() {
    let table = GradientCheck.random(6, 3, seed: 16)
    var bags = Bags()
    bags.append([0, 2, 2])
    bags.append([])
    bags.append([5, 1])
    let g = GradientCheck.random(3, 3, seed: 17)
    var dTable = Matrix(rows: 6, cols: 3)
    var touched = TouchedRows(rows: 6)
    EmbeddingBag.backward(g, bags, dTable: &dTable, touched: &touched)
    #expect(Set(touched.list) == [0, 1, 2, 5])
    #expect(
      GradientCheck.worstError(table, analytic: dTable) {
        GradientCheck.weightedSum(EmbeddingBag.forward($0, bags), g)
      } < threshold)
  }

  @Test func softmaxCrossEntropyGradients() {
    let logits = GradientCheck.random(3, 4, seed: 18, scale: 3)
    let labels = [1, 0, 3]
    let allowed: (Int, Int) -> Bool = { row, col in !(row == 0 && col == 2) }
    let (_, gradient) = SoftmaxCrossEntropy.lossAndGradient(logits, labels: labels, allowed: allowed)
    #expect(
      GradientCheck.worstError(logits, analytic: gradient) {
        SoftmaxCrossEntropy.lossAndGradient($0, labels: labels, allowed: allowed).loss
      } < threshold)
    #expect(gradient[0, 2] == 0)
  }
}
