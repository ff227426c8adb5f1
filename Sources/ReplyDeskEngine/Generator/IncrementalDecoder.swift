import Foundation

/// One hypothesis's own keys and values (one row per written token, per layer): the incremental
/// state that lets each step cost one position instead of the whole sequence.
public struct DecoderState: Sendable {
  var keys: [[Float]]
  var values: [[Float]]
  /// Positions seen so far, prefix included.
  var length: Int
}

/// Runs the model one token at a time after reading the prefix once; the prefix's keys and values
/// are shared by every hypothesis.
public struct IncrementalDecoder: Sendable {
  let model: GeneratorModel
  private let prefixKeys: [Matrix]  // per layer [p, dim]
  private let prefixValues: [Matrix]
  /// Log-probabilities of the first reply token.
  public let firstLogProbs: [Float]
  /// `true` for tokens that must never be written.
  let banned: [Bool]

  public init(model: GeneratorModel, prefix: [Int], banned: [Bool]) {
    self.model = model
    self.banned = banned
    var x = model.embed(prefix, positions: Array(prefix.indices))
    var keys: [Matrix] = []
    var values: [Matrix] = []
    for layer in 0..<model.config.layers {
      let (out, cache) = model.block(layer, x, segments: [0, prefix.count])
      keys.append(cache.k)
      values.append(cache.v)
      x = out
    }
    prefixKeys = keys
    prefixValues = values
    firstLogProbs = Self.logProbs(model, x.rows((prefix.count - 1)..<prefix.count), banned: banned)[0]
  }

  /// The state before any reply token.
  public var start: DecoderState {
    let layers = model.config.layers
    return DecoderState(
      keys: Array(repeating: [], count: layers), values: Array(repeating: [], count: layers),
      length: prefixKeys.first?.rows ?? 0)
  }

  /// Feeds `tokens[i]` to `states[i]` (all at once) and returns each new state with the
  /// log-probabilities of the next token.
  public func step(_ states: [DecoderState], _ tokens: [Int]) -> [(DecoderState, [Float])] {
    var states = states
    let d = model.config.dim
    var x = model.embed(tokens, positions: states.map(\.length))  // [B, dim]
    for layer in 0..<model.config.layers {
      (x, _) = model.block(layer, x) { q, k, v in
        var attended = Matrix(rows: q.rows, cols: d)  // [B, dim]
        for b in 0..<q.rows {
          states[b].keys[layer] += k.data[(b * d)..<((b + 1) * d)]
          states[b].values[layer] += v.data[(b * d)..<((b + 1) * d)]
          let row = attend(q.data[(b * d)..<((b + 1) * d)], layer: layer, state: states[b])
          attended.data.replaceSubrange((b * d)..<((b + 1) * d), with: row)
        }
        return (attended, ())
      }
    }
    for b in states.indices { states[b].length += 1 }
    return Array(zip(states, Self.logProbs(model, x, banned: banned)))
  }

  /// Attention of one query over the shared prefix and the hypothesis's own rows.
  private func attend(_ query: ArraySlice<Float>, layer: Int, state: DecoderState) -> [Float] {
    let d = model.config.dim
    let scale = 1 / Float(d).squareRoot()
    let query = Array(query)
    let own = state.keys[layer].count / d
    var scores = BLAS.gemv(prefixKeys[layer], query)
    state.keys[layer].withUnsafeBufferPointer { keys in
      query.withUnsafeBufferPointer { q in
        for j in 0..<own { scores.append(Vector.dot(keys.baseAddress! + j * d, q.baseAddress!, d)) }
      }
    }
    for i in scores.indices { scores[i] *= scale }
    scores.withUnsafeMutableBufferPointer { Vector.softmax($0.baseAddress!, $0.count) }
    var out = [Float](repeating: 0, count: d)
    let shared = prefixValues[layer].rows
    out.withUnsafeMutableBufferPointer { o in
      prefixValues[layer].data.withUnsafeBufferPointer { values in
        for j in 0..<shared { Vector.axpy(scores[j], values.baseAddress! + j * d, o.baseAddress!, d) }
      }
      state.values[layer].withUnsafeBufferPointer { values in
        for j in 0..<own { Vector.axpy(scores[shared + j], values.baseAddress! + j * d, o.baseAddress!, d) }
      }
    }
    return out
  }

  /// Final norm, tied output layer and log-softmax per row, with banned tokens at -infinity.
  static func logProbs(_ model: GeneratorModel, _ hidden: Matrix, banned: [Bool]) -> [[Float]] {
    let (normalized, _) = LayerNorm.forward(
      hidden, gain: model.parameters[model.layout.finalGain], bias: model.parameters[model.layout.finalBias])
    let logits = model.logits(normalized)
    return (0..<logits.rows).map { r in
      var row = Array(logits.data[(r * logits.cols)..<((r + 1) * logits.cols)])
      row.withUnsafeMutableBufferPointer { values in
        banned.withUnsafeBufferPointer { isBanned in
          var top = -Float.infinity
          for c in 0..<values.count where values[c] > top { top = values[c] }
          var sum: Float = 0
          for c in 0..<values.count { sum += expf(values[c] - top) }
          let total = logf(sum) + top
          for c in 0..<values.count { values[c] = isBanned[c] ? -.infinity : values[c] - total }
        }
      }
      return row
    }
  }
}
