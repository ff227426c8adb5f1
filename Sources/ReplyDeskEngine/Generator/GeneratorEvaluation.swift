import Foundation

/// One evaluation query: the response-selection query (context, profile, 100 candidates), the index
/// of the true reply, and the generated reply (nil when the generator refused).
public struct GeneratorEvaluationItem: Sendable {
  var query: RankingQuery
  var answer: Int
  var generated: String?

  public init(query: RankingQuery, answer: Int, generated: String?) {
    self.query = query
    self.answer = answer
    self.generated = generated
  }
}

/// Corpus BLEU-4 of generated replies against the true replies, and, with a ranker, the rank of the
/// generated reply among the query's candidates (1 = the ranker prefers it to all of them).
public struct GeneratorEvaluationReport: Sendable {
  var queries = 0
  var refused = 0
  var bleu = CorpusBLEU()
  var ranks: [Int] = []
  /// Generated replies that write some run of three words twice.
  var repeating = 0
  /// Generated replies whose last word ends a sentence (".", "!" or "?").
  var endingWell = 0

  public init(items: [GeneratorEvaluationItem], ranker: QueryRanker?) throws {
    queries = items.count
    for item in items {
      guard let generated = item.generated else {
        refused += 1
        bleu.add(hypothesis: [], reference: WordSplitter.words(item.query.candidates[item.answer]))
        continue
      }
      let words = WordSplitter.words(generated)
      if Self.repeatsATrigram(words) { repeating += 1 }
      if let last = words.last, [".", "!", "?"].contains(where: last.hasSuffix) { endingWell += 1 }
      bleu.add(
        hypothesis: words,
        reference: WordSplitter.words(item.query.candidates[item.answer]))
      guard let ranker else { continue }
      var query = item.query
      query.candidates.append(generated)
      let scores = try ranker.scores(for: query)
      let own = scores[scores.count - 1]
      ranks.append(1 + scores.dropLast().filter { $0 >= own }.count)
    }
  }

  /// Whether some run of three words appears twice in `words`.
  static func repeatsATrigram(_ words: [String]) -> Bool {
    guard words.count >= 6 else { return false }
    var seen = Set<[String]>()
    for start in 0...(words.count - 3) where !seen.insert(Array(words[start..<(start + 3)])).inserted {
      return true
    }
    return false
  }

  /// One JSON line with the figures.
  public var json: String {
    var fields = [
      "\"queries\": \(queries)", "\"refused\": \(refused)", String(format: "\"BLEU-4\": %.4f", bleu.score),
      String(format: "\"brevity_penalty\": %.4f", bleu.brevityPenalty),
    ]
    let written = queries - refused
    if written > 0 {
      fields += [
        String(format: "\"repeating_3gram\": %.4f", Double(repeating) / Double(written)),
        String(format: "\"ends_well\": %.4f", Double(endingWell) / Double(written)),
      ]
    }
    for n in 0..<4 where bleu.totals[n] > 0 {
      fields.append(String(format: "\"p%d\": %.4f", n + 1, Double(bleu.matches[n]) / Double(bleu.totals[n])))
    }
    if !ranks.isEmpty {
      let sorted = ranks.sorted()
      let mean = Double(ranks.reduce(0, +)) / Double(ranks.count)
      let top10 = Double(ranks.filter { $0 <= 10 }.count) / Double(ranks.count)
      fields += [
        String(format: "\"mean_rank\": %.2f", mean), "\"median_rank\": \(sorted[sorted.count / 2])",
        String(format: "\"rank_le_10\": %.4f", top10),
      ]
    }
    return "{" + fields.joined(separator: ", ") + "}"
  }
}
