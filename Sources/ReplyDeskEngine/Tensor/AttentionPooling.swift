import Foundation

/// Pools each segment of rows into one vector with softmax weights from a learned query vector.
enum AttentionPooling {
  /// What the backward pass needs: the attention weight of every row.
  struct Cache: Sendable {
    var weights: [Float]  // [rows]
  }

  /// x [rows, dim] split into `segments` (offsets, count + 1), query [1, dim] -> [segments, dim]
  static func forward(_ x: Matrix, segments: [Int], query: Matrix) -> (Matrix, Cache) {
    let dim = x.cols
    let n = segments.count - 1
    var out = Matrix(rows: n, cols: dim)  // [segments, dim]
    var weights = [Float](repeating: 0, count: x.rows)  // [rows]
    x.data.withUnsafeBufferPointer { px in
      query.data.withUnsafeBufferPointer { pq in
        weights.withUnsafeMutableBufferPointer { pw in
          out.data.withUnsafeMutableBufferPointer { po in
            for s in 0..<n {
              let start = segments[s]
              let length = segments[s + 1] - start
              guard length > 0 else { continue }
              for r in start..<(start + length) {
                pw[r] = Vector.dot(px.baseAddress! + r * dim, pq.baseAddress!, dim)
              }
              Vector.softmax(pw.baseAddress! + start, length)
              for r in start..<(start + length) {
                Vector.axpy(pw[r], px.baseAddress! + r * dim, po.baseAddress! + s * dim, dim)
              }
            }
          }
        }
      }
    }
    return (out, Cache(weights: weights))
  }

  /// Accumulates dQuery [1, dim]; returns dx [rows, dim].
  static func backward(
    _ dOut: Matrix, x: Matrix, segments: [Int], query: Matrix, cache: Cache, dQuery: inout Matrix
  ) -> Matrix {
    let dim = x.cols
    var dx = Matrix(rows: x.rows, cols: dim)  // [rows, dim]
    var dLogit = [Float](repeating: 0, count: x.rows)  // [rows]
    for s in 0..<(segments.count - 1) {
      let start = segments[s]
      let end = segments[s + 1]
      guard end > start else { continue }
      var weighted: Float = 0
      x.data.withUnsafeBufferPointer { px in
        dOut.data.withUnsafeBufferPointer { pg in
          for r in start..<end {
            let da = Vector.dot(px.baseAddress! + r * dim, pg.baseAddress! + s * dim, dim)
            dLogit[r] = da
            weighted += cache.weights[r] * da
          }
        }
      }
      for r in start..<end {
        let w = cache.weights[r]
        let g = w * (dLogit[r] - weighted)
        for c in 0..<dim {
          dx.data[r * dim + c] += w * dOut.data[s * dim + c] + g * query.data[c]
          dQuery.data[c] += g * x.data[r * dim + c]
        }
      }
    }
    return dx
  }
}
