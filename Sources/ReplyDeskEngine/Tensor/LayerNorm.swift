/// Layer normalisation over each row with a learned gain and bias.
enum LayerNorm {
  /// What the backward pass needs from the forward pass.
  struct Cache: Sendable {
    var normalized: Matrix  // [n, dim]
    var inverseStd: [Float]  // [n]
  }

  static let epsilon: Float = 1e-5

  /// x [n, dim], gain [1, dim], bias [1, dim] -> y [n, dim]
  static func forward(_ x: Matrix, gain: Matrix, bias: Matrix) -> (Matrix, Cache) {
    let n = x.rows
    let dim = x.cols
    var normalized = Matrix(rows: n, cols: dim)  // [n, dim]
    var y = Matrix(rows: n, cols: dim)  // [n, dim]
    var inverseStd = [Float](repeating: 0, count: n)
    for r in 0..<n {
      let base = r * dim
      var mean: Float = 0
      for c in 0..<dim { mean += x.data[base + c] }
      mean /= Float(dim)
      var variance: Float = 0
      for c in 0..<dim {
        let d = x.data[base + c] - mean
        variance += d * d
      }
      variance /= Float(dim)
      let inv = 1 / (variance + epsilon).squareRoot()
      inverseStd[r] = inv
      for c in 0..<dim {
        let z = (x.data[base + c] - mean) * inv
        normalized.data[base + c] = z
        y.data[base + c] = z * gain.data[c] + bias.data[c]
      }
    }
    return (y, Cache(normalized: normalized, inverseStd: inverseStd))
  }

  /// Accumulates dGain and dBias [1, dim]; returns dx [n, dim].
  static func backward(
    _ dy: Matrix, cache: Cache, gain: Matrix, dGain: inout Matrix, dBias: inout Matrix
  ) -> Matrix {
    let n = dy.rows
    let dim = dy.cols
    var dx = Matrix(rows: n, cols: dim)  // [n, dim]
    for r in 0..<n {
      let base = r * dim
      var sumG: Float = 0
      var sumGZ: Float = 0
      for c in 0..<dim {
        let z = cache.normalized.data[base + c]
        let g = dy.data[base + c] * gain.data[c]
        dGain.data[c] += dy.data[base + c] * z
        dBias.data[c] += dy.data[base + c]
        sumG += g
        sumGZ += g * z
      }
      let inv = cache.inverseStd[r]
      let scale = inv / Float(dim)
      for c in 0..<dim {
        let z = cache.normalized.data[base + c]
        let g = dy.data[base + c] * gain.data[c]
        dx.data[base + c] = scale * (Float(dim) * g - sumG - z * sumGZ)
      }
    }
    return dx
  }
}
