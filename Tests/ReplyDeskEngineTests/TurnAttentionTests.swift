import Testing

@testable import ReplyDeskEngine

/// Turn-level attention: turn boundaries, its gradients against central differences, and the turn
/// weights a ranking exposes.
struct TurnAttentionTests {
  @Test func layoutFollowsTurnIndicesAcrossContexts() {
    var first = EncodedContext()
    first.turnIndices = [0, 0, 2, 2, 2, 3]
    let empty = EncodedContext()
    var last = EncodedContext()
    last.turnIndices = [5, 5]
    let layout = TurnLayout([first, empty, last])
    #expect(layout.wordSegments == [0, 2, 5, 6, 8])
    #expect(layout.contextSegments == [0, 3, 3, 4])
    #expect(layout.turnCount == 4)
  }

  @Test func gradientsMatchCentralDifferences() {
    let dim = 4
    let layout = TurnLayout(wordSegments: [0, 2, 5, 6, 9], contextSegments: [0, 3, 3, 4])
    let keys = GradientCheck.random(9, dim, seed: 21)
    let poolQuery = GradientCheck.random(1, dim, seed: 22)
    let queries = GradientCheck.random(3, dim, seed: 23, scale: 2)
    let outputs = GradientCheck.random(3, dim, seed: 24)
    let g = GradientCheck.random(3, 3, seed: 25)
    func loss(_ k: Matrix, _ p: Matrix, _ q: Matrix, _ o: Matrix) -> Float {
      GradientCheck.weightedSum(
        TurnAttention.forward(keys: k, layout: layout, poolQuery: p, queries: q, outputs: o).0, g)
    }
    let cache = TurnAttention.forward(
      keys: keys, layout: layout, poolQuery: poolQuery, queries: queries, outputs: outputs
    ).1
    var dPoolQuery = Matrix(rows: 1, cols: dim)
    let grads = TurnAttention.backward(
      g, keys: keys, layout: layout, poolQuery: poolQuery, queries: queries, outputs: outputs, cache: cache,
      dPoolQuery: &dPoolQuery)
    let threshold: Float = 2e-2
    #expect(
      GradientCheck.worstError(keys, analytic: grads.dKeys) { loss($0, poolQuery, queries, outputs) }
        < threshold)
    #expect(
      GradientCheck.worstError(poolQuery, analytic: dPoolQuery) { loss(keys, $0, queries, outputs) }
        < threshold)
    #expect(
      GradientCheck.worstError(queries, analytic: grads.dQueries) { loss(keys, poolQuery, $0, outputs) }
        < threshold)
    #expect(
      GradientCheck.worstError(outputs, analytic: grads.dOutputs) { loss(keys, poolQuery, queries, $0) }
        < threshold)
    #expect(dPoolQuery.data.contains { $0 != 0 })
  }

  @Test func aContextWithoutTurnsScoresZero() {
    let layout = TurnLayout(wordSegments: [0, 3], contextSegments: [0, 0, 1])
    let keys = GradientCheck.random(3, 4, seed: 31)
    let (scores, _) = TurnAttention.forward(
      keys: keys, layout: layout, poolQuery: GradientCheck.random(1, 4, seed: 32),
      queries: GradientCheck.random(2, 4, seed: 33), outputs: GradientCheck.random(2, 4, seed: 34))
    #expect(scores[0, 0] == 0 && scores[0, 1] == 0)
    #expect(scores[1, 0] != 0 && scores[1, 1] != 0)
  }

  @Test func scoringExposesEachCandidatesWeightsOverTheTurns() {
    let (_, model) = SyntheticCorpus.setUp()
    var table = TypeTable(vocabulary: model.vocabulary)
    let encoder = RankerInputEncoder(config: model.config)
    let turns = [(speaker: 0, text: "hello there"), (1, "Hi, how can I help?"), (0, "where is my parcel")]
    let context = encoder.encodeContext(turns, profile: ProfileText(nil), features: [], table: &table)
    let replies = SyntheticCorpus.topics.map {
      encoder.encodeReply($0.reply, profile: ProfileText(nil), table: &table)
    }
    let scored = model.score(
      context, bags: table.bags, candidates: model.encodeCandidates(replies, bags: table.bags))
    #expect(scored.turns.turnCount == 3)
    #expect(scored.turnAttention.rows == replies.count && scored.turnAttention.cols == 3)
    for row in 0..<scored.turnAttention.rows {
      let weights = (0..<3).map { scored.turnAttention[row, $0] }
      #expect(abs(weights.reduce(0, +) - 1) < 1e-5)
      #expect(weights.allSatisfy { $0 > 0 })
    }
  }
}
