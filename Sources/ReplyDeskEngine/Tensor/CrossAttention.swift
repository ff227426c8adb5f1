import Foundation

/// Candidate-aware attention: every query row (a candidate) attends over the rows of every key
/// segment (a context's words) and the attended vector is read out with the candidate's output vector.
/// `score[s, i] = (softmax(q_i K_s^T / sqrt(dim)) K_s) . o_i`
enum CrossAttention {
  /// Attention weights and attended vectors per segment, kept for backward and for display.
  struct Cache: Sendable {
    var weights: [Matrix]  // segments x [queries, length]
    var attended: [Matrix]  // segments x [queries, dim]
  }

  /// queries [nq, dim], outputs [nq, dim], keys [nk, dim] in `segments` -> scores [segments, nq]
  static func forward(
    queries: Matrix, outputs: Matrix, keys: Matrix, segments: [Int]
  ) -> (Matrix, Cache) {
    let dim = queries.cols
    let nq = queries.rows
    let scale = 1 / Float(dim).squareRoot()
    var scores = Matrix(rows: segments.count - 1, cols: nq)  // [segments, nq]
    var cache = Cache(weights: [], attended: [])
    for s in 0..<(segments.count - 1) {
      let segmentKeys = keys.rows(segments[s]..<segments[s + 1])  // [length, dim]
      var weights = Matrix(rows: nq, cols: segmentKeys.rows)  // [nq, length]
      BLAS.gemm(queries, segmentKeys, transposeB: true, into: &weights, alpha: scale)
      weights.data.withUnsafeMutableBufferPointer { pw in
        for i in 0..<nq { Vector.softmax(pw.baseAddress! + i * weights.cols, weights.cols) }
      }
      let attended = BLAS.product(weights, segmentKeys)  // [nq, dim]
      attended.data.withUnsafeBufferPointer { ph in
        outputs.data.withUnsafeBufferPointer { po in
          for i in 0..<nq {
            scores.data[s * nq + i] = Vector.dot(ph.baseAddress! + i * dim, po.baseAddress! + i * dim, dim)
          }
        }
      }
      cache.weights.append(weights)
      cache.attended.append(attended)
    }
    return (scores, cache)
  }

  /// Gradients of queries [nq, dim], outputs [nq, dim] and keys [nk, dim] from dScores [segments, nq].
  static func backward(
    _ dScores: Matrix, queries: Matrix, outputs: Matrix, keys: Matrix, segments: [Int], cache: Cache
  ) -> (dQueries: Matrix, dOutputs: Matrix, dKeys: Matrix) {
    let dim = queries.cols
    let nq = queries.rows
    let scale = 1 / Float(dim).squareRoot()
    var dQueries = Matrix(rows: nq, cols: dim)  // [nq, dim]
    var dOutputs = Matrix(rows: nq, cols: dim)  // [nq, dim]
    var dKeys = Matrix(rows: keys.rows, cols: dim)  // [nk, dim]
    for s in 0..<(segments.count - 1) {
      let start = segments[s]
      let segmentKeys = keys.rows(start..<segments[s + 1])  // [length, dim]
      let weights = cache.weights[s]  // [nq, length]
      let attended = cache.attended[s]  // [nq, dim]
      let length = weights.cols
      guard length > 0 else { continue }  // nothing attended: no gradient
      let gradient = Array(dScores.data[(s * nq)..<((s + 1) * nq)])  // [nq]
      let dAttended = scaledRows(outputs, by: gradient)  // [nq, dim]
      addScaledRows(attended, by: gradient, into: &dOutputs)
      var dWeights = BLAS.product(dAttended, segmentKeys, transposeB: true)  // [nq, length]
      var dSegmentKeys = BLAS.product(weights, transposeA: true, dAttended)  // [length, dim]
      softmaxBackward(weights, &dWeights)
      BLAS.gemm(dWeights, segmentKeys, into: &dQueries, alpha: scale, beta: 1)
      BLAS.gemm(dWeights, transposeA: true, queries, into: &dSegmentKeys, alpha: scale, beta: 1)
      dKeys.data.withUnsafeMutableBufferPointer { pk in
        dSegmentKeys.data.withUnsafeBufferPointer { pg in
          Vector.axpy(1, pg.baseAddress!, pk.baseAddress! + start * dim, pg.count)
        }
      }
    }
    return (dQueries, dOutputs, dKeys)
  }

  /// Row i of x times scale[i]. x [n, dim] -> [n, dim]
  static func scaledRows(_ x: Matrix, by scale: [Float]) -> Matrix {
    var out = Matrix(rows: x.rows, cols: x.cols)
    addScaledRows(x, by: scale, into: &out)
    return out
  }

  /// out[i] += scale[i] * x[i] for every row i.
  static func addScaledRows(_ x: Matrix, by scale: [Float], into out: inout Matrix) {
    let dim = x.cols
    x.data.withUnsafeBufferPointer { px in
      out.data.withUnsafeMutableBufferPointer { po in
        for i in 0..<scale.count {
          Vector.axpy(scale[i], px.baseAddress! + i * dim, po.baseAddress! + i * dim, dim)
        }
      }
    }
  }

  /// Backward of a row softmax in place: dx = w * (dw - sum(w * dw)) per row. weights, dWeights [n, length]
  static func softmaxBackward(_ weights: Matrix, _ dWeights: inout Matrix) {
    let length = weights.cols
    guard length > 0 else { return }
    weights.data.withUnsafeBufferPointer { pw in
      dWeights.data.withUnsafeMutableBufferPointer { pd in
        for i in 0..<weights.rows {
          let w = pw.baseAddress! + i * length
          let d = pd.baseAddress! + i * length
          let weighted = Vector.dot(w, d, length)
          for t in 0..<length { d[t] = w[t] * (d[t] - weighted) }
        }
      }
    }
  }
}
