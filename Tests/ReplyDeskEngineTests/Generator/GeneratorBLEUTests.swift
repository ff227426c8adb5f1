import Foundation
import Testing

@testable import ReplyDeskEngine

/// Corpus BLEU-4 against hand-computed values.
struct GeneratorBLEUTests {
  func words(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }

  @Test func identicalCorpusScoresOne() {
    var bleu = CorpusBLEU()
    bleu.add(hypothesis: words("the cat sat on the mat"), reference: words("the cat sat on the mat"))
    #expect(abs(bleu.score - 1) < 1e-12)
  }

  @Test func clippedPrecisionsAndBrevityPenalty() {
    var bleu = CorpusBLEU()
    bleu.add(hypothesis: words("the the cat sat on mat"), reference: words("the cat sat on the mat today"))
    #expect(bleu.matches == [6, 3, 2, 1])
    #expect(bleu.totals == [6, 5, 4, 3])
    let first = exp(1 - 7.0 / 6) * exp((log(6.0 / 6) + log(3.0 / 5) + log(2.0 / 4) + log(1.0 / 3)) / 4)
    #expect(abs(bleu.score - first) < 1e-12)
    bleu.add(hypothesis: words("a b c d"), reference: words("a b c d"))
    #expect(bleu.matches == [10, 6, 4, 2])
    #expect(bleu.totals == [10, 8, 6, 4])
    let corpus = exp(1 - 11.0 / 10) * exp((log(10.0 / 10) + log(6.0 / 8) + log(4.0 / 6) + log(2.0 / 4)) / 4)
    #expect(abs(bleu.score - corpus) < 1e-12)
  }

  @Test func noFourGramMatchScoresZero() {
    var bleu = CorpusBLEU()
    bleu.add(hypothesis: words("a b c"), reference: words("a b c"))
    #expect(bleu.score == 0)
  }

  @Test func emptyHypothesesScoreZero() {
    var bleu = CorpusBLEU()
    bleu.add(hypothesis: [], reference: words("a b c d"))
    #expect(bleu.score == 0)
    #expect(bleu.brevityPenalty == 0)
  }
}
