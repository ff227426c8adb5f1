import Foundation

/// Corpus-level BLEU-4 (Papineni et al. 2002): clipped n-gram precisions summed over the corpus,
/// their geometric mean, and the standard brevity penalty. No smoothing.
struct CorpusBLEU: Sendable, Equatable {
  private(set) var matches = [Int](repeating: 0, count: 4)
  private(set) var totals = [Int](repeating: 0, count: 4)
  private(set) var hypothesisLength = 0
  private(set) var referenceLength = 0

  /// Adds one hypothesis with its single reference (both as tokens).
  mutating func add(hypothesis: [String], reference: [String]) {
    hypothesisLength += hypothesis.count
    referenceLength += reference.count
    for n in 1...4 {
      let wanted = Self.ngrams(reference, n)
      for (gram, count) in Self.ngrams(hypothesis, n) {
        matches[n - 1] += min(count, wanted[gram] ?? 0)
        totals[n - 1] += count
      }
    }
  }

  /// BLEU in 0...1; zero when any n-gram order has no match.
  var score: Double {
    guard hypothesisLength > 0 else { return 0 }
    var logSum = 0.0
    for n in 0..<4 {
      guard matches[n] > 0 else { return 0 }
      logSum += log(Double(matches[n]) / Double(totals[n]))
    }
    return brevityPenalty * exp(logSum / 4)
  }

  /// exp(1 - r/c) when the hypotheses are shorter than the references in total, else 1.
  var brevityPenalty: Double {
    guard hypothesisLength > 0 else { return 0 }
    return hypothesisLength >= referenceLength
      ? 1 : exp(1 - Double(referenceLength) / Double(hypothesisLength))
  }

  static func ngrams(_ tokens: [String], _ n: Int) -> [[String]: Int] {
    var counts: [[String]: Int] = [:]
    guard tokens.count >= n else { return counts }
    for start in 0...(tokens.count - n) { counts[Array(tokens[start..<(start + n)]), default: 0] += 1 }
    return counts
  }
}
