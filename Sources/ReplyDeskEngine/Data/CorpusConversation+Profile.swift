import Foundation
import ReplyDeskCore

extension CorpusConversation {
  /// A conversation of the console's own types (a simulated transcript or a recorded session), with
  /// the profile in the live protocol's format and the turn times, so the grounding features of each
  /// reply are those the console computes at that moment.
  public init(id: String, profile: CustomerProfile, turns: [Turn], domain: String) {
    self.init(
      id: id, profile: NeuralRanker.profileJSON(profile),
      turns: turns.map { (speaker: NeuralRanker.code($0.speaker), text: $0.text) }, domain: domain)
    times = turns.map(\.time)
  }
}
