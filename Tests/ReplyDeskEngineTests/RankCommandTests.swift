import Foundation
import Testing

@testable import ReplyDeskEngine

/// The rank command's logic on a fixture query file.
struct RankCommandTests {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/queries.jsonl")

  @Test func writesOneScoresLinePerQueryAndReportsBadLines() throws {
    let (_, model) = SyntheticCorpus.setUp()
    let ranker = QueryRanker(model: model)
    let text = try String(contentsOf: Self.fixture, encoding: .utf8)
    var output: [String] = []
    var errors: [String] = []
    let failed = ranker.run(
      lines: text.split(separator: "\n").map(String.init), output: { output.append($0) },
      errors: { errors.append($0) })

    #expect(output.count == 5)
    struct ScoresLine: Decodable { var scores: [Double] }
    let parsed = try output.map { try JSONDecoder().decode(ScoresLine.self, from: Data($0.utf8)) }
    #expect(parsed.map(\.scores.count) == [3, 2, 0, 0, 1])
    #expect(errors.count == 2)
    #expect(failed == 2, "the command exits non-zero on this count")
    #expect(errors[0].hasPrefix("line 3:") && errors[0].contains("robot"))
    #expect(errors[1].hasPrefix("line 4:"))
    // Four distinct candidate texts in the file: repeated texts reuse their encoding.
    #expect(ranker.cachedCandidates == 4)
  }

  @Test func scoresMatchAFreshRankerForRepeatedCandidates() throws {
    let (_, model) = SyntheticCorpus.setUp()
    let lines = try String(contentsOf: Self.fixture, encoding: .utf8).split(separator: "\n").map(String.init)
    let warm = QueryRanker(model: model)
    var first: [String] = []
    warm.run(lines: lines, output: { first.append($0) }, errors: { _ in })
    var again: [String] = []
    warm.run(lines: lines, output: { again.append($0) }, errors: { _ in })
    #expect(first == again)
  }
}
