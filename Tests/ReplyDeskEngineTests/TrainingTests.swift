import ReplyDeskCore
import Testing

@testable import ReplyDeskEngine

/// The ranker learns: a tiny corpus is overfitted, and identical input gives identical scores.
struct TrainingTests {
  @Test func overfitsTinyCorpus() throws {
    let (data, model) = SyntheticCorpus.setUp()
    let options = SyntheticCorpus.overfitOptions
    let (trained, report) = try Trainer(options: options).train(data, model: model, dev: nil) { _ in }
    #expect(report.finalLoss < 0.05)

    let conversations = SyntheticCorpus.conversations()
    let replies = SyntheticCorpus.topics.map(\.reply)
    let queries = conversations.enumerated().map { index, conversation in
      RankingQuery(
        id: conversation.id,
        context: conversation.turns.prefix(3).map {
          RankingQuery.Turn(speaker: $0.speaker == 0 ? "customer" : "agent", text: $0.text)
        },
        profile: conversation.profile, candidates: replies)
    }
    let metrics = try EvaluationSet(queries: queries, answers: Array(replies.indices)).evaluate(trained)
    #expect(metrics.recallAt1 == 1)
  }

  @Test func identicalInputGivesIdenticalScores() throws {
    let (_, model) = SyntheticCorpus.setUp()
    let query = RankingQuery(
      id: "q", context: [.init(speaker: "customer", text: "where is my parcel")], profile: nil,
      candidates: SyntheticCorpus.topics.map(\.reply))
    let first = try QueryRanker(model: model).scores(for: query)
    let ranker = QueryRanker(model: model)
    let second = try ranker.scores(for: query)
    let third = try ranker.scores(for: query)
    #expect(first == second)
    #expect(second == third)
    #expect(Set(first).count > 1)
  }

  @Test func sameSeedGivesSameWeights() {
    let (_, a) = SyntheticCorpus.setUp(seed: 11)
    let (_, b) = SyntheticCorpus.setUp(seed: 11)
    let (_, c) = SyntheticCorpus.setUp(seed: 12)
    #expect(a == b)
    #expect(a != c)
  }

  @Test func dropoutZeroesAboutTheRateAndScalesTheRest() {
    var rng = SeededGenerator(seed: 4, skip: 1)
    let mask = DropoutMask(count: 4000, rate: 0.25, using: &rng)
    var x = Matrix(rows: 40, cols: 100, value: 1)
    mask.apply(&x)
    let dropped = x.data.filter { $0 == 0 }.count
    #expect(dropped > 800 && dropped < 1200)
    #expect(x.data.allSatisfy { $0 == 0 || abs($0 - 4 / 3) < 1e-6 })
  }

  @Test func aRunOfSetStepsFollowsItsStepsNotTheClock() {
    let counted = LearningSchedule(
      peak: 1, warmupSteps: 1, plannedSteps: 100, stepsAreSet: true, budgetMinutes: 1.5)
    #expect(counted.fractionDone(steps: 10, seconds: 80) == 0.1)
    #expect(counted.fractionDone(steps: 100, seconds: 1) == 1)
    let timed = LearningSchedule(
      peak: 1, warmupSteps: 1, plannedSteps: 100, stepsAreSet: false, budgetMinutes: 1.5)
    #expect(timed.fractionDone(steps: 10, seconds: 45) == 0.5)
    #expect(timed.fractionDone(steps: 60, seconds: 45) == 0.6)
    #expect(timed.fractionDone(steps: 10, seconds: 900) == 1)
  }

  @Test func optimizerClipsAndDecays() {
    var parameters = [Matrix(rows: 1, cols: 2, data: [1, -1])]
    var gradients = [Matrix(rows: 1, cols: 2, data: [100, 0])]
    var sparse: [Int: TouchedRows] = [:]
    #expect(AdamW.gradientNorm(gradients, sparse: sparse) == 100)
    var optimizer = AdamW(shapes: parameters, learningRate: 0.1, weightDecay: 0.5, clipNorm: 1)
    optimizer.update(&parameters, &gradients, sparse: &sparse)
    #expect(abs(parameters[0].data[0] - (1 - 0.1 - 0.05)) < 1e-4)
    #expect(abs(parameters[0].data[1] - (-1 + 0.05)) < 1e-4)
    #expect(gradients[0].data == [0, 0])
  }
}
