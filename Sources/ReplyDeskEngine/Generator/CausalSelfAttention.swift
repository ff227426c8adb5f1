import Foundation

/// Single-head scaled dot-product attention where each position sees only itself and earlier
/// positions of its own sequence. Several sequences are stacked as rows; `segments` holds their
/// row offsets (`[0, t1, t1 + t2, …]`).
enum CausalSelfAttention {
  /// The attention weights of each sequence, kept for the backward pass.
  struct Cache: Sendable {
    var weights: [Matrix]  // per sequence [t, t]
  }

  /// q, k, v [n, d] -> output [n, d]
  static func forward(q: Matrix, k: Matrix, v: Matrix, segments: [Int]) -> (Matrix, Cache) {
    let scale = 1 / Float(q.cols).squareRoot()
    var output = Matrix(rows: q.rows, cols: q.cols)  // [n, d]
    var weights: [Matrix] = []
    for s in 0..<(segments.count - 1) {
      let range = segments[s]..<segments[s + 1]
      var scores = Matrix(rows: range.count, cols: range.count)  // [t, t]
      BLAS.gemm(q.rows(range), k.rows(range), transposeB: true, into: &scores, alpha: scale)
      scores.data.withUnsafeMutableBufferPointer { p in
        for i in 0..<range.count {
          let row = p.baseAddress! + i * range.count
          for j in (i + 1)..<range.count { row[j] = -.infinity }
          Vector.softmax(row, i + 1)
          for j in (i + 1)..<range.count { row[j] = 0 }
        }
      }
      let part = BLAS.product(scores, v.rows(range))  // [t, d]
      output.data.replaceSubrange((range.lowerBound * q.cols)..<(range.upperBound * q.cols), with: part.data)
      weights.append(scores)
    }
    return (output, Cache(weights: weights))
  }

  /// Returns dq, dk, dv [n, d] for dOutput [n, d].
  static func backward(
    _ dOutput: Matrix, q: Matrix, k: Matrix, v: Matrix, segments: [Int], cache: Cache
  ) -> (dq: Matrix, dk: Matrix, dv: Matrix) {
    let scale = 1 / Float(q.cols).squareRoot()
    var dq = Matrix(rows: q.rows, cols: q.cols)
    var dk = dq
    var dv = dq
    for s in 0..<(segments.count - 1) {
      let range = segments[s]..<segments[s + 1]
      let weights = cache.weights[s]  // [t, t]
      let dOut = dOutput.rows(range)  // [t, d]
      let dWeights = BLAS.product(dOut, v.rows(range), transposeB: true)  // [t, t]
      let dvPart = BLAS.product(weights, transposeA: true, dOut)  // [t, d]
      var dScores = Matrix(rows: range.count, cols: range.count)  // [t, t]
      for i in 0..<range.count {
        var dotted: Float = 0
        for j in 0...i { dotted += dWeights[i, j] * weights[i, j] }
        for j in 0...i { dScores[i, j] = weights[i, j] * (dWeights[i, j] - dotted) * scale }
      }
      let dqPart = BLAS.product(dScores, k.rows(range))  // [t, d]
      let dkPart = BLAS.product(dScores, transposeA: true, q.rows(range))  // [t, d]
      let span = (range.lowerBound * q.cols)..<(range.upperBound * q.cols)
      dq.data.replaceSubrange(span, with: dqPart.data)
      dk.data.replaceSubrange(span, with: dkPart.data)
      dv.data.replaceSubrange(span, with: dvPart.data)
    }
    return (dq, dk, dv)
  }
}
