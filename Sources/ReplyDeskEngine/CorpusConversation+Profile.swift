import Foundation
import ReplyDeskCore

extension CorpusConversation {
  /// A conversation of the console's own types (a simulated transcript or a recorded session), with
  /// the profile written the way the neural ranker reads profiles at ranking time.
  public init(id: String, profile: CustomerProfile, turns: [Turn], domain: String) {
    let now = turns.last?.time ?? Date()
    self.init(
      id: id, profile: NeuralRanker.profileJSON(profile, now: now),
      turns: turns.map { (speaker: NeuralRanker.code($0.speaker), text: $0.text) }, domain: domain)
  }
}
