import Foundation
import ReplyDeskCore

/// Console chats (such as simulated transcripts) as generator training data.
public enum ConsoleTranscripts {
  /// The chat as a corpus conversation whose profile reads as the console's rankers read it, and,
  /// by turn index, each agent turn's text with profile values turned back into `{slot}` placeholders
  /// (the reply the generator should learn to write).
  public static func conversation(id: String, profile: CustomerProfile, turns: [Turn], domain: String = "")
    -> (conversation: CorpusConversation, targets: [Int: String])
  {
    let json = profileJSON(profile, now: turns.last?.time ?? Date())
    var targets: [Int: String] = [:]
    for (index, turn) in turns.enumerated() where turn.speaker == .agent {
      targets[index] = TemplateWriter.templateText(from: turn.text, profile: profile, now: turn.time)
    }
    let conversation = CorpusConversation(
      id: id, profile: json, turns: turns.map { (NeuralRanker.code($0.speaker), $0.text) }, domain: domain)
    return (conversation, targets)
  }

  /// The profile as JSON with dates as days before `now`: the generator's profile words (recency).
  static func profileJSON(_ profile: CustomerProfile, now: Date) -> JSONValue? {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode((now.timeIntervalSince(date) / 86_400).rounded())
    }
    guard let data = try? encoder.encode(profile) else { return nil }
    return try? JSONValue.parse(data)
  }
}
