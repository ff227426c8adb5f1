/// The two encoders ("towers"): attention pooling over word vectors, then
/// linear -> layer norm -> relu -> linear. The context tower outputs `c` [dim]; the candidate
/// tower outputs `[rd | q | o | rp | tq | to]` [6 dim] (dual-encoder vector, word attention query,
/// word attention readout, profile vector (`profileWordsReadout` adds to it), turn attention query,
/// turn attention readout).
enum RankerTower: Sendable {
  case context, candidate

  /// How many `dim`-wide parts the candidate tower outputs.
  static let candidateParts = 6

  var names:
    (
      pool: RankerParameter, w1: RankerParameter, b1: RankerParameter, gain: RankerParameter,
      bias: RankerParameter, w2: RankerParameter, b2: RankerParameter
    )
  {
    switch self {
    case .context:
      return (.contextPoolQuery, .contextW1, .contextB1, .contextGain, .contextBias, .contextW2, .contextB2)
    case .candidate:
      return (
        .candidatePoolQuery, .candidateW1, .candidateB1, .candidateGain, .candidateBias, .candidateW2,
        .candidateB2
      )
    }
  }
}

/// Intermediate values of a tower's forward pass.
struct TowerCache: Sendable {
  var pooled: Matrix  // [segments, dim]
  var pool: AttentionPooling.Cache
  var norm: LayerNorm.Cache
  var activation: Matrix  // [segments, hidden]
}

extension RankerModel {
  /// words [n, dim] grouped by `segments` (count + 1 offsets) -> [segments, out]
  func towerForward(_ words: Matrix, segments: [Int], tower: RankerTower) -> (Matrix, TowerCache) {
    let p = tower.names
    let (pooled, pool) = AttentionPooling.forward(words, segments: segments, query: self[p.pool])  // [s, d]
    let hidden = Linear.forward(pooled, self[p.w1], self[p.b1])  // [s, h]
    let (normalized, norm) = LayerNorm.forward(hidden, gain: self[p.gain], bias: self[p.bias])  // [s, h]
    let activation = Activation.relu(normalized)  // [s, h]
    let out = Linear.forward(activation, self[p.w2], self[p.b2])  // [s, out]
    return (out, TowerCache(pooled: pooled, pool: pool, norm: norm, activation: activation))
  }

  /// Accumulates the tower's parameter gradients; returns dWords [n, dim].
  func towerBackward(
    _ dOut: Matrix, words: Matrix, segments: [Int], tower: RankerTower, cache: TowerCache,
    gradients: inout [Matrix]
  ) -> Matrix {
    let p = tower.names
    let dActivation = gradients.withPair(p.w2.rawValue, p.b2.rawValue) {
      Linear.backward(cache.activation, self[p.w2], dOut, dw: &$0, db: &$1)  // [s, h]
    }
    let dNormalized = Activation.reluBackward(cache.activation, dActivation)  // [s, h]
    let dHidden = gradients.withPair(p.gain.rawValue, p.bias.rawValue) {
      LayerNorm.backward(dNormalized, cache: cache.norm, gain: self[p.gain], dGain: &$0, dBias: &$1)
    }
    let dPooled = gradients.withPair(p.w1.rawValue, p.b1.rawValue) {
      Linear.backward(cache.pooled, self[p.w1], dHidden, dw: &$0, db: &$1)  // [s, d]
    }
    return AttentionPooling.backward(
      dPooled, x: words, segments: segments, query: self[p.pool], cache: cache.pool,
      dQuery: &gradients[p.pool.rawValue])
  }

  /// Context word keys: word vectors plus speaker and recency embeddings. words [n, dim] -> [n, dim]
  func contextKeys(_ words: Matrix, _ context: (speakers: [Int], recency: [Int])) -> Matrix {
    var keys = words
    let d = config.dim
    let rows = words.rows
    self[.speaker].data.withUnsafeBufferPointer { speaker in
      self[.recency].data.withUnsafeBufferPointer { recency in
        keys.data.withUnsafeMutableBufferPointer { k in
          for r in 0..<rows {
            Vector.axpy(1, speaker.baseAddress! + context.speakers[r] * d, k.baseAddress! + r * d, d)
            Vector.axpy(1, recency.baseAddress! + context.recency[r] * d, k.baseAddress! + r * d, d)
          }
        }
      }
    }
    return keys
  }

  /// Backward of `contextKeys`: accumulates speaker and recency gradients (dWords = dKeys).
  func contextKeysBackward(
    _ dKeys: Matrix, _ context: (speakers: [Int], recency: [Int]), gradients: inout [Matrix]
  ) {
    let d = config.dim
    gradients.withPair(RankerParameter.speaker.rawValue, RankerParameter.recency.rawValue) {
      dSpeaker, dRecency in
      let rows = dKeys.rows
      dKeys.data.withUnsafeBufferPointer { g in
        dSpeaker.data.withUnsafeMutableBufferPointer { ds in
          dRecency.data.withUnsafeMutableBufferPointer { dr in
            for r in 0..<rows {
              Vector.axpy(1, g.baseAddress! + r * d, ds.baseAddress! + context.speakers[r] * d, d)
              Vector.axpy(1, g.baseAddress! + r * d, dr.baseAddress! + context.recency[r] * d, d)
            }
          }
        }
      }
    }
  }

  /// Per-word match weights softplus(y . termW + termB). words [n, dim] -> ([n] weights, [n] logits)
  func termWeights(_ words: Matrix) -> (weights: [Float], logits: [Float]) {
    let logits = Linear.forward(words, self[.termW], self[.termB]).data  // [n]
    return (logits.map(Activation.softplus), logits)
  }

  /// The value of one candidate word's match mask: sum of group weights, or the unmatched weight.
  func matchValueTable() -> [Float] {
    let w = self[.matchWeights].data
    var table = [Float](repeating: w[RankerConfig.matchGroups], count: RankerConfig.matchMasks)
    for mask in 1..<RankerConfig.matchMasks {
      var value: Float = 0
      for group in 0..<RankerConfig.matchGroups where (mask >> group) & 1 == 1 { value += w[group] }
      table[mask] = value
    }
    return table
  }
}

extension Array where Element == Matrix {
  /// Runs `body` with two distinct elements borrowed mutably (swapped out, so nothing is copied).
  mutating func withPair<Result>(
    _ first: Int, _ second: Int, _ body: (inout Matrix, inout Matrix) -> Result
  ) -> Result {
    var a = Matrix(rows: 0, cols: 0)
    var b = Matrix(rows: 0, cols: 0)
    swap(&a, &self[first])
    swap(&b, &self[second])
    let result = body(&a, &b)
    swap(&a, &self[first])
    swap(&b, &self[second])
    return result
  }
}
