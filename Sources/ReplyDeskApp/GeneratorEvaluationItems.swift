import Foundation
import ReplyDeskCore
import ReplyDeskEngine
import ReplyDeskSimulation

/// The generator's evaluation set from held-out simulated transcripts (`generator eval --simulated`).
public enum GeneratorEvaluationItems {
  /// Every agent turn of the transcripts, with the true reply among 99 other held-out agent replies.
  public static func simulated(_ transcripts: [SimulatedTranscript], generator: ReplyGenerator)
    -> [GeneratorEvaluationItem]
  {
    let replies = Array(Set(transcripts.flatMap { $0.turns.filter { $0.speaker == .agent }.map(\.text) }))
      .sorted()
    var rng = SeededGenerator(seed: 11, skip: 1)
    var items: [GeneratorEvaluationItem] = []
    for transcript in transcripts {
      let profile = ConsoleTranscripts.conversation(
        id: transcript.id, profile: transcript.profile, turns: transcript.turns
      )
      .conversation.profile
      for (index, turn) in transcript.turns.enumerated() where index > 0 && turn.speaker == .agent {
        var candidates = [turn.text]
        for other in replies.shuffled(using: &rng) where candidates.count < 100 && other != turn.text {
          candidates.append(other)
        }
        let context = Array(transcript.turns[..<index])
        let query = RankingQuery(
          id: "\(transcript.id):\(index)",
          context: context.map { RankingQuery.Turn(speaker: $0.speaker.rawValue, text: $0.text) },
          profile: profile,
          candidates: candidates)
        let generated = try? generator.suggestion(
          context: context, profile: transcript.profile, now: context.last?.time ?? turn.time
        ).get()
        items.append(GeneratorEvaluationItem(query: query, answer: 0, generated: generated?.text))
      }
    }
    return items
  }
}
