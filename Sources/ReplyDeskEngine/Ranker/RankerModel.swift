import ReplyDeskCore

/// The neural template ranker's weights: configuration, vocabulary and tensors.
public struct RankerModel: Sendable, Equatable {
  public var config: RankerConfig
  public var vocabulary: Vocabulary
  var parameters: [Matrix]  // indexed by RankerParameter.rawValue

  init(config: RankerConfig, vocabulary: Vocabulary, parameters: [Matrix]) {
    self.config = config
    self.vocabulary = vocabulary
    self.parameters = parameters
  }

  /// Fresh weights from a seed: small uniform values, unit gains, zero biases.
  public init(config: RankerConfig, vocabulary: Vocabulary, seed: UInt64) {
    var rng = SeededGenerator(seed: seed, skip: 1)
    var parameters: [Matrix] = []
    for name in RankerParameter.allCases {
      let (rows, cols) = name.shape(config, rows: vocabulary.rowCount)
      switch name {
      case .contextGain, .candidateGain:
        parameters.append(Matrix(rows: rows, cols: cols, value: 1))
      case .contextB1, .contextBias, .contextB2, .candidateB1, .candidateBias, .candidateB2, .termB,
        .contextPoolQuery, .candidatePoolQuery, .turnPoolQuery, .profilePoolQuery, .profileReadW:
        parameters.append(Matrix(rows: rows, cols: cols))
      case .matchWeights:
        parameters.append(Matrix(rows: 1, cols: cols, data: [0.5, 0.5, 0.3, 0.3, 0]))
      case .embedding, .speaker, .recency:
        parameters.append(.random(rows: rows, cols: cols, scale: 0.1, using: &rng))
      case .candidateW2:
        // The turn readout part starts at zero: turn attention adds nothing until it has learned to.
        var w2 = Matrix.random(rows: rows, cols: cols, scale: 1 / Float(rows).squareRoot(), using: &rng)
        for r in 0..<rows {
          for c in ((cols - config.dim)..<cols) { w2[r, c] = 0 }
        }
        parameters.append(w2)
      default:
        parameters.append(.random(rows: rows, cols: cols, scale: 1 / Float(rows).squareRoot(), using: &rng))
      }
    }
    self.init(config: config, vocabulary: vocabulary, parameters: parameters)
  }

  subscript(_ name: RankerParameter) -> Matrix { parameters[name.rawValue] }

  public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }
}

extension Matrix {
  /// Columns `range` of every row, as a new matrix.
  func columns(_ range: Range<Int>) -> Matrix {
    var out = Matrix(rows: rows, cols: range.count)
    for r in 0..<rows {
      for (k, c) in range.enumerated() { out.data[r * range.count + k] = data[r * cols + c] }
    }
    return out
  }

  /// Matrices with the same row count side by side.
  static func concatenatingColumns(_ parts: [Matrix]) -> Matrix {
    let rows = parts.first?.rows ?? 0
    let cols = parts.reduce(0) { $0 + $1.cols }
    var out = Matrix(rows: rows, cols: cols)
    var offset = 0
    for part in parts {
      for r in 0..<rows {
        for c in 0..<part.cols { out.data[r * cols + offset + c] = part.data[r * part.cols + c] }
      }
      offset += part.cols
    }
    return out
  }

  /// Rows gathered by index: out[k] = self[indices[k]].
  func gathering(_ indices: [Int]) -> Matrix {
    var out = Matrix(rows: indices.count, cols: cols)
    data.withUnsafeBufferPointer { source in
      out.data.withUnsafeMutableBufferPointer { target in
        for (k, row) in indices.enumerated() {
          precondition(row >= 0 && row < rows, "gathering: row \(row) of \(rows)")
          (target.baseAddress! + k * cols).update(from: source.baseAddress! + row * cols, count: cols)
        }
      }
    }
    return out
  }

  /// Adds each row of `gradient` into row indices[k] of self (the backward of `gathering`).
  mutating func scatterAdd(_ gradient: Matrix, _ indices: [Int]) {
    for (k, row) in indices.enumerated() {
      for c in 0..<cols { data[row * cols + c] += gradient.data[k * cols + c] }
    }
  }
}
