import Foundation
import ReplyDeskCore

/// Whether a trainee's reply is the ranker's top suggestion: the same text, or, read by an
/// interpreter in the chat so far, a reply that means the suggestion's template.
struct RankerAgreement {
  let interpreter: ReplyInterpreter?
  var profile = CustomerProfile(id: "", firstName: "", lastName: "")
  private var turns: [Turn] = []

  init(interpreter: ReplyInterpreter?) {
    self.interpreter = interpreter
  }

  /// Notes a message of the chat, for reading the replies that follow it.
  mutating func heard(_ speaker: Speaker, _ text: String, at time: Date) {
    turns.append(Turn(id: turns.count + 1, speaker: speaker, text: text, time: time))
  }

  /// Whether `reply` agrees with the ranker's top suggestion `top`.
  func agrees(_ reply: String, with top: ShownSuggestion) -> Bool {
    if reply == top.text { return true }
    guard let interpreter else { return false }
    let chat = RankingRequest(
      chat: ChatID("practice"), generation: turns.count, context: turns, profile: profile,
      time: turns.last?.time)
    guard let meant = interpreter.meaning(of: reply, in: chat)?.templateID else { return false }
    if case .template(let id) = top.source { return meant == id }
    return interpreter.meaning(of: top.text, in: chat)?.templateID == meant
  }
}
