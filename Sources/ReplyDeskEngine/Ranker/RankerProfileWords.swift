/// The word-level part of a candidate's profile readout `rp`: the candidate's words pooled with a
/// query of their own, which learns to weigh the words that state an order's state ("delivered",
/// "refunded") whatever sentence frame carries them, then mapped to a `dim` vector that is added to
/// the tower's `rp`. `profileReadW` starts at zero, so a fresh model scores as without it.
struct ProfileWordsCache: Sendable {
  var pooled: Matrix  // [segments, dim]
  var pool: AttentionPooling.Cache
}

extension RankerModel {
  /// words [n, dim] grouped by `segments` -> [segments, dim], to add to the tower's `rp`.
  func profileWordsReadout(_ words: Matrix, segments: [Int]) -> (Matrix, ProfileWordsCache) {
    let (pooled, pool) = AttentionPooling.forward(
      words, segments: segments, query: self[.profilePoolQuery])  // [s, d]
    let out = BLAS.product(pooled, self[.profileReadW])  // [s, d]
    return (out, ProfileWordsCache(pooled: pooled, pool: pool))
  }

  /// Accumulates the gradients of `profilePoolQuery` and `profileReadW`; returns dWords [n, dim].
  func profileWordsBackward(
    _ dOut: Matrix, words: Matrix, segments: [Int], cache: ProfileWordsCache, gradients: inout [Matrix]
  ) -> Matrix {
    BLAS.gemm(
      cache.pooled, transposeA: true, dOut, into: &gradients[RankerParameter.profileReadW.rawValue],
      beta: 1)  // [d, d]
    let dPooled = BLAS.product(dOut, self[.profileReadW], transposeB: true)  // [s, d]
    return AttentionPooling.backward(
      dPooled, x: words, segments: segments, query: self[.profilePoolQuery], cache: cache.pool,
      dQuery: &gradients[RankerParameter.profilePoolQuery.rawValue])
  }
}
