import Foundation
import Testing

@testable import ReplyDeskEngine

/// Beam search on hand-made scoring functions, where the right answer is known.
struct GeneratorBeamSearchTests {
  /// Tokens: 0 end, 1 "a", 2 "b", 3 "c". The state is the tokens written so far.
  func run(_ search: BeamSearch, table: @escaping ([Int]) -> [Float]) -> [BeamHypothesis] {
    search.search(start: [Int](), first: table([])) { states, tokens in
      zip(states, tokens).map { state, token in (state + [token], table(state + [token])) }
    }
  }

  func logs(_ probabilities: [Float]) -> [Float] { probabilities.map { $0 > 0 ? logf($0) : -.infinity } }

  @Test func beamFindsWhatGreedyMisses() {
    let table: ([Int]) -> [Float] = { prefix in
      switch prefix {
      case []: return self.logs([0, 0.6, 0.4, 0])
      case [1]: return self.logs([0.3, 0.35, 0, 0.35])
      case [2]: return self.logs([0.95, 0, 0, 0.05])
      default: return self.logs([1, 0, 0, 0])
      }
    }
    let greedy = run(
      BeamSearch(beamWidth: 1, lengthPenalty: 0, repetitionPenalty: 0, endToken: 0), table: table)
    let beam = run(
      BeamSearch(beamWidth: 3, lengthPenalty: 0, repetitionPenalty: 0, endToken: 0), table: table)
    #expect(greedy[0].tokens == [1, 1])
    #expect(beam[0].tokens == [2])
    #expect(abs(beam[0].logProb - logf(0.4 * 0.95)) < 1e-5)
    #expect(beam[0].finished)
  }

  @Test func lengthNormalisationFavoursLongerReplies() {
    let table: ([Int]) -> [Float] = { prefix in
      switch prefix.count {
      case 0: return self.logs([0.5, 0.5, 0, 0])
      case 1, 2: return self.logs([0.3, 0, 0.7, 0])
      default: return self.logs([1, 0, 0, 0])
      }
    }
    let raw = run(BeamSearch(beamWidth: 4, lengthPenalty: 0, repetitionPenalty: 0, endToken: 0), table: table)
    let normalised = run(
      BeamSearch(beamWidth: 4, lengthPenalty: 1, repetitionPenalty: 0, endToken: 0), table: table)
    #expect(raw[0].tokens == [])
    #expect(normalised[0].tokens == [1, 2, 2])
    #expect(abs(normalised[0].score - logf(0.5 * 0.7 * 0.7) / 4) < 1e-5)
  }

  @Test func repetitionPenaltyAvoidsRepeatedTokens() {
    let table: ([Int]) -> [Float] = { prefix in
      prefix.count >= 3 ? self.logs([1, 0, 0, 0]) : self.logs([0, 0.5, 0.3, 0.2])
    }
    let plain = run(
      BeamSearch(beamWidth: 1, lengthPenalty: 0, repetitionPenalty: 0, endToken: 0), table: table)
    let penalised = run(
      BeamSearch(beamWidth: 1, lengthPenalty: 0, repetitionPenalty: 2, endToken: 0), table: table)
    #expect(plain[0].tokens == [1, 1, 1])
    #expect(penalised[0].tokens == [1, 2, 3])
  }

  @Test func stopsAtTheLengthLimitAndSkipsImpossibleTokens() {
    let table: ([Int]) -> [Float] = { _ in self.logs([0, 0, 1, 0]) }
    let result = run(
      BeamSearch(beamWidth: 2, maxLength: 5, repetitionPenalty: 0, noRepeatNGram: 0, endToken: 0),
      table: table)
    #expect(result[0].tokens == [2, 2, 2, 2, 2])
    #expect(!result[0].finished)
    #expect(result.allSatisfy { !$0.tokens.contains(1) && !$0.tokens.contains(3) })
  }

  @Test func noHypothesisWritesAThreeTokenRunTwice() {
    let cycle: ([Int]) -> [Float] = { prefix in
      prefix.last == 1 ? self.logs([0, 0.05, 0.9, 0.05]) : self.logs([0, 0.9, 0.05, 0.05])
    }
    let plain = run(
      BeamSearch(beamWidth: 2, maxLength: 8, repetitionPenalty: 0, noRepeatNGram: 0, endToken: 0),
      table: cycle)
    let blocked = run(
      BeamSearch(beamWidth: 2, maxLength: 8, repetitionPenalty: 0, noRepeatNGram: 3, endToken: 0),
      table: cycle)
    #expect(plain[0].tokens == [1, 2, 1, 2, 1, 2, 1, 2])
    #expect(blocked.allSatisfy { !GeneratorEvaluationReport.repeatsATrigram($0.tokens.map(String.init)) })
    #expect(blocked[0].tokens.count == 8)
  }

  @Test func aReplyEndsOnlyAfterASentenceEnds() {
    // 0 end, 1 "sure", 2 ".", 3 "then"
    let table: ([Int]) -> [Float] = { prefix in
      switch prefix {
      case []: return self.logs([0, 0.9, 0.05, 0.05])
      case [1]: return self.logs([0.7, 0, 0.2, 0.1])
      default: return self.logs([1, 0, 0, 0])
      }
    }
    let free = run(
      BeamSearch(beamWidth: 2, lengthPenalty: 0, repetitionPenalty: 0, endToken: 0), table: table)
    let sentences = run(
      BeamSearch(beamWidth: 2, lengthPenalty: 0, repetitionPenalty: 0, sentenceEnders: [2], endToken: 0),
      table: table)
    #expect(free[0].tokens == [1])
    #expect(sentences[0].tokens == [1, 2])
    #expect(sentences.filter(\.finished).allSatisfy { $0.tokens.last == 2 })
  }

  @Test func evaluationCountsRepeatedRunsOfThreeWords() {
    #expect(
      GeneratorEvaluationReport.repeatsATrigram(
        "could you please ? could you please ?".split(separator: " ").map(String.init)))
    #expect(
      !GeneratorEvaluationReport.repeatsATrigram(
        "could you please send your order number ?".split(separator: " ").map(String.init)))
  }
}
