/// Exact-match signals between candidate words and context words: for each context, the match
/// groups (bits) in which each candidate word key occurs.
struct MatchMasks: Sendable {
  /// Local index of every distinct candidate word key.
  private(set) var keyIndex: [UInt32: Int] = [:]
  /// The key of each local index.
  private(set) var keys: [UInt32] = []
  /// Local key index of every candidate word, in candidate order.
  private(set) var wordKeys: [Int] = []
  /// [contexts, keys] group bits of each key in each context.
  private(set) var masks: [[UInt8]] = []

  /// Indexes the words of candidates (their `keys` concatenated).
  init(candidateKeys: [UInt32]) {
    for key in candidateKeys {
      if let index = keyIndex[key] {
        wordKeys.append(index)
      } else {
        keyIndex[key] = keys.count
        wordKeys.append(keys.count)
        keys.append(key)
      }
    }
  }

  /// Adds one context's masks: the group bits of its words.
  mutating func add(_ context: EncodedContext) {
    var mask = [UInt8](repeating: 0, count: keyIndex.count)
    for (k, key) in context.keys.enumerated() {
      if let index = keyIndex[key] { mask[index] |= context.groups[k] }
    }
    masks.append(mask)
  }
}

extension RankerModel {
  /// Adds the match score of every (context, candidate) pair to scores [contexts, candidates].
  /// weights [words]: term weights of the candidate words, grouped by `segments`.
  func addMatchScores(
    _ scores: inout Matrix, masks: MatchMasks, weights: [Float], segments: [Int]
  ) {
    let values = matchValueTable()
    for j in 0..<masks.masks.count {
      let mask = masks.masks[j]
      for i in 0..<(segments.count - 1) {
        var s: Float = 0
        for t in segments[i]..<segments[i + 1] { s += weights[t] * values[Int(mask[masks.wordKeys[t]])] }
        scores.data[j * scores.cols + i] += s
      }
    }
  }

  /// Backward of `addMatchScores`: accumulates the match-weight gradient, returns dWeights [words].
  func matchBackward(
    _ dScores: Matrix, masks: MatchMasks, weights: [Float], segments: [Int], gradients: inout [Matrix]
  ) -> [Float] {
    let values = matchValueTable()
    var dWeights = [Float](repeating: 0, count: weights.count)
    // [masks] sum of dScore * weight per mask value
    var perMask = [Float](repeating: 0, count: RankerConfig.matchMasks)
    for j in 0..<masks.masks.count {
      let mask = masks.masks[j]
      for i in 0..<(segments.count - 1) {
        let g = dScores.data[j * dScores.cols + i]
        for t in segments[i]..<segments[i + 1] {
          let m = Int(mask[masks.wordKeys[t]])
          dWeights[t] += g * values[m]
          perMask[m] += g * weights[t]
        }
      }
    }
    let index = RankerParameter.matchWeights.rawValue
    gradients[index].data[RankerConfig.matchGroups] += perMask[0]
    for m in 1..<RankerConfig.matchMasks {
      for group in 0..<RankerConfig.matchGroups where (m >> group) & 1 == 1 {
        gradients[index].data[group] += perMask[m]
      }
    }
    return dWeights
  }
}
