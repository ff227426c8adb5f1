import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskEngine

/// A query of the dev set that a scorer preferring its first candidate gets wrong exactly when the
/// state-true reply is not first.
@Test func aMissNamesTheStateTheRankerPutFirst() throws {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  let queries = try Array(
    JSONLines.read(
      GroundingQuery.self, path: root.appendingPathComponent("Evaluation/grounding-dev/queries.jsonl").path
    ).prefix(40))
  let firstWins: (GroundingQuery) -> [Float] = { query in
    query.candidates.indices.map { $0 == 0 ? 1 : 0 }
  }
  let evaluation = try GroundingEvaluation(queries: queries, scorers: [("first", firstWins)])
  let wrong = queries.filter { $0.answer != 0 }
  let misses = evaluation.misses["first", default: []]
  #expect(!wrong.isEmpty && misses.map(\.queryID) == wrong.map(\.id))
  for (miss, query) in zip(misses, wrong) {
    #expect(miss.chosenState == query.states[0] && miss.trueState == query.states[query.answer])
    #expect(miss.chosenReply == query.candidates[0])
    #expect(
      miss.description.hasPrefix(
        "\(query.id) \(query.kind): \(miss.trueState), put \(miss.chosenState) first"))
  }
}
