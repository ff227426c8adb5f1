import ReplyDeskCore

/// A large candidate set scored in two stages (issue 13 item 6). Stage one scores every candidate
/// from vectors computed when the templates were encoded: dual encoder, profile, exact match, turn
/// attention and an estimate of word attention over the turn vectors (at most `maxTurns` of them,
/// so cheap for any library), plus any boost (the draft). Stage two, word attention (the costly part: every
/// candidate over every context word), runs only on the shortlist: the best `size` of stage one,
/// and the best `size` of the boosted candidates, so a template the representative's draft matches
/// always reaches it unless more than `size` templates share the draft's words. Turn attention is
/// in stage one, not two, because on 10,000 templates (`bench ranker`, 90 queries) it lifted the
/// share of queries whose full-scorer top 4 is shortlisted from about 60% to 93%, and the word
/// attention estimate to 99%.
///
/// A shortlisted candidate's logit is the full scorer's. A candidate left out gets its stage-one
/// logit plus the smallest increment (word attention minus its estimate) seen on the shortlist,
/// capped just below the lowest shortlisted logit: it ranks below every shortlisted candidate, the
/// left-out ones keep their stage-one order, and the softmax over all logits still sums to 1. The
/// smallest increment, not the mean, because a candidate that stage one did not pick is more
/// likely than not one whose word attention would not lift it either.
struct ShortlistScores: Sendable {
  var scores: [Float]  // [n] logits
  var shortlist: [Int]  // [k] candidates scored in full: stage-one order, then boosted ones
  var attention: Matrix  // [k, L] attention of each shortlisted candidate over the context words
  /// Position of each candidate in `shortlist`, or nil when it was left out.
  var positions: [Int?]  // [n]
}

extension RankerModel {
  /// How many candidates stage one passes to the full scorer, measured with `replydesk bench
  /// ranker`: 256 keeps the full scorer's top 4 inside the shortlist on nearly every query while
  /// 10,000 templates rank well inside 3 ms.
  public static let shortlistSize = 256

  /// Scores candidates in two stages (see `ShortlistScores`). `boost` [n] (or empty) is added to
  /// every logit, and a candidate with a positive boost is shortlisted as described there.
  func scoreShortlisted(
    _ context: EncodedContext, bags: Bags, candidates: CandidateEncodings, size: Int = shortlistSize,
    boost: [Float] = []
  ) -> ShortlistScores {
    let n = candidates.count
    let forward = contextForward(context, bags: bags)
    let first = firstStage(forward, candidates)  // [1, n] each
    let (turn, estimate) = firstStageAttention(forward, candidates: candidates)  // [n] each
    func logit(_ i: Int, cross: Float) -> Float {
      let logit = Self.logit(
        cross: cross, turn: turn[i], dual: first.dual.data[i], profile: first.profile.data[i],
        match: first.match.data[i])
      return boost.isEmpty ? logit : logit + boost[i]
    }
    let stageOne = (0..<n).map { logit($0, cross: estimate[$0]) }  // [n]
    let shortlist = Self.shortlist(stageOne, size: size, boost: boost)  // [k]
    let (cross, cache) = wordAttention(
      forward, queries: candidates.query.gathering(shortlist),
      readouts: candidates.readout.gathering(shortlist))  // [1, k]
    var scores = stageOne  // [n]
    var positions = [Int?](repeating: nil, count: n)  // [n]
    var lowestIncrement = Float.infinity
    var lowest = Float.infinity
    for (k, i) in shortlist.enumerated() {
      let full = logit(i, cross: cross.data[k])
      lowestIncrement = min(lowestIncrement, full - stageOne[i])
      lowest = min(lowest, full)
      scores[i] = full
      positions[i] = k
    }
    for i in 0..<n where positions[i] == nil {
      scores[i] = min(stageOne[i] + lowestIncrement, lowest.nextDown)
    }
    return ShortlistScores(
      scores: scores, shortlist: shortlist, attention: cache.weights[0], positions: positions)
  }

  /// Stage one's attention terms for every candidate: the turn attention score itself, and an
  /// estimate of the word attention score, the same word attention query and readout over the
  /// turn vectors (each turn's words pooled) instead of the words. Both attend over at most
  /// `maxTurns` vectors, with the fused `FewKeyAttention`, so they are cheap for any library.
  /// [n] each.
  func firstStageAttention(_ context: ContextForward, candidates: CandidateEncodings)
    -> (turn: [Float], estimate: [Float])
  {
    let (turnVectors, _) = AttentionPooling.forward(
      context.keys, segments: context.turns.wordSegments, query: self[.turnPoolQuery])  // [turns, d]
    let turn = FewKeyAttention.scores(
      queries: candidates.turnQuery, outputs: candidates.turnReadout, keys: turnVectors)  // [n]
    let estimate = FewKeyAttention.scores(
      queries: candidates.query, outputs: candidates.readout, keys: turnVectors)  // [n]
    return (turn, estimate)
  }

  /// The best `size` of `first` [n], then the best `size` of the boosted candidates not yet in.
  static func shortlist(_ first: [Float], size: Int, boost: [Float]) -> [Int] {
    var shortlist = TopIndices.largest(first, count: size)  // [size]
    guard !boost.isEmpty else { return shortlist }
    let picked = Set(shortlist)
    let boosted = TopIndices.largest(first, count: size) { boost[$0] > 0 }  // [≤ size]
    shortlist += boosted.filter { !picked.contains($0) }
    return shortlist
  }
}
