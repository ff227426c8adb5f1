import Foundation
import ReplyDeskCore

/// Labelled rankings for fitting and checking a confidence calibration: simulated conversations
/// between scripted customers and the ideal agent, where the ideal agent's template for each reply to
/// a customer message is the right answer. Use different seeds for fitting and for held-out checks.
public enum CalibrationDataset {
  /// Mixed into every seed, so calibration conversations never repeat the neural ranker's training
  /// conversations (`TranscriptGenerator` with a small seed; the default model uses seed 1). Fitted
  /// on its own training data, a neural ranker's confidence would come out too high.
  static let seedSalt: UInt64 = 0xCA11_B4A7_10E5_EED5

  /// The conversations the samples of `seed` are drawn from.
  static func transcripts(templates: [ReplyTemplate], seed: UInt64, conversations: Int, start: Date)
    -> [SimulatedTranscript]
  {
    TranscriptGenerator(templates: templates, seed: seed ^ seedSalt).generate(
      count: conversations, start: start)
  }

  /// Ranks the context before every first reply to a customer message in `conversations`
  /// transcripts and labels each ranking by whether its top suggestion is the ideal agent's template.
  public static func samples(
    ranker: any SuggestionRanker, templates: [ReplyTemplate], seed: UInt64, conversations: Int, start: Date
  ) -> [CalibrationSample] {
    var samples: [CalibrationSample] = []
    for transcript in transcripts(
      templates: templates, seed: seed, conversations: conversations, start: start)
    {
      for (index, turn) in transcript.turns.enumerated() where index > 0 {
        guard turn.speaker == .agent, transcript.turns[index - 1].speaker == .customer,
          let label = transcript.templateIDs[turn.id]
        else { continue }
        let request = RankingRequest(
          chat: ChatID(transcript.id), generation: index, context: Array(transcript.turns[..<index]),
          profile: transcript.profile, limit: 4)
        if let sample = CalibrationSample(result: ranker.rank(request), rightID: label) {
          samples.append(sample)
        }
      }
    }
    return samples
  }
}
