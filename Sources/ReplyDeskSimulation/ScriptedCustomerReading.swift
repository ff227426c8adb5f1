import ReplyDeskCore

/// How a scripted customer understands a representative's reply: by what it means when the customer
/// has an interpreter (the template the reply says, in whatever words, read as that template's
/// words), else, or when the reply means no template, by its keywords.
extension ScriptedCustomer {
  /// What the customer takes `agentText` to say, in the chat so far.
  func understand(_ agentText: String) -> AgentMessageReading {
    if let interpreter, let meaning = interpreter.meaning(of: agentText, in: chatSoFar) {
      return AgentMessageReading(meaning.text, scenario: scenario)
    }
    return AgentMessageReading(agentText, scenario: scenario)
  }

  /// The chat as the customer has seen it, as a ranking request for the interpreter (every turn at
  /// the chat's time).
  var chatSoFar: RankingRequest {
    RankingRequest(
      chat: ChatID("customer-\(profile.id)"), generation: transcript.count, context: transcript,
      profile: profile, time: startedAt)
  }

  /// Notes a message of the chat, for reading the replies that follow it.
  mutating func remember(_ speaker: Speaker, _ text: String) {
    transcript.append(Turn(id: transcript.count + 1, speaker: speaker, text: text, time: startedAt))
  }
}
