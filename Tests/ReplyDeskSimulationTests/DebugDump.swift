import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskSimulation

@Test func dumpRankerAccuracy() {
  let generator = TranscriptGenerator(templates: ShippedTemplates.all, seed: 3)
  let all = generator.generate(count: 600, start: fixedNow)
  let ranker = LexicalRanker(templates: ShippedTemplates.all)
  var total = 0, top1 = 0, top3 = 0, topicTop1 = 0
  var misses: [String: Int] = [:]
  for t in all {
    for (index, turn) in t.turns.enumerated() where turn.speaker == .agent && t.turns[index - 1].speaker == .customer {
      let label = t.templateIDs[turn.id]!
      let context = Array(t.turns[..<index])
      let result = ranker.rank(RankingRequest(chat: ChatID("x"), generation: 0, context: context, profile: t.profile))
      let ids = result.suggestions.map(\.id)
      total += 1
      if ids.first == label { top1 += 1 } else { misses["\(label) -> \(ids.first!)", default: 0] += 1 }
      if ids.prefix(3).contains(label) { top3 += 1 }
      if ids.first?.split(separator: ".").first == label.split(separator: ".").first { topicTop1 += 1 }
    }
  }
  print("total \(total) top1 \(Double(top1)/Double(total)) top3 \(Double(top3)/Double(total)) topic1 \(Double(topicTop1)/Double(total))")
  for (k, v) in misses.sorted(by: { $0.value > $1.value }).prefix(25) { print(v, k) }
}
