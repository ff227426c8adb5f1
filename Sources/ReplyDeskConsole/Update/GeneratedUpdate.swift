import Foundation
import ReplyDeskCore

// The generated suggestion's two-phase life: the ranked list is shown first, then the generator is
// asked for the same turn and its reply is appended below the list (the cursor stays where it is);
// a reply for a turn that is no longer the latest is dropped.

/// Asks for a generated reply once per customer turn, after that turn's ranked list arrived.
func generationEffects(_ state: inout ConsoleState, in index: Int, after result: RankingResult)
  -> [ConsoleEffect]
{
  let chat = state.chats[index]
  guard state.generator == .ready, result.request.draft.isEmpty, chat.isOpen,
    let last = chat.conversation.turns.last, last.speaker == .customer, chat.generatedReply.turn != last.id
  else { return [] }
  state.chats[index].generatedReply = .requested(forTurn: last.id)
  return [.generate(result.request)]
}

/// `list` with the chat's generated reply appended when it answers the latest turn; a generated
/// reply for an older turn is forgotten.
func withGenerated(_ list: [Suggestion], in chat: inout ActiveChat) -> [Suggestion] {
  guard let generated = chat.generatedReply.suggestion,
    chat.generatedReply.turn == chat.conversation.turns.last?.id
  else {
    chat.generatedReply.forgetShown()
    return list
  }
  return list + [generated]
}

/// Shows a generated reply under the ranked list of the turn it was written for, and records the list
/// as shown again with it; a reply for an older turn or a closed chat is dropped, and so is one that
/// repeats a ranked suggestion or a reply already sent word for word.
func handleGenerated(_ state: inout ConsoleState, _ reply: GeneratedReply) -> [ConsoleEffect] {
  guard let index = state.index(of: reply.request.chat), state.chats[index].isOpen,
    let suggestion = reply.suggestion,
    let turn = state.chats[index].conversation.turns.last,
    reply.request.context.last?.id == turn.id, state.chats[index].generatedReply.turn == turn.id,
    !state.chats[index].suggestions.rows.contains(where: { !$0.isGenerated && $0.text == suggestion.text }),
    !ShownSuggestions.repeatsSentReply(suggestion.text, in: state.chats[index])
  else { return [] }
  var chat = state.chats[index]
  var list = chat.suggestions.rows
  if let previous = chat.generatedReply.suggestion { list.removeAll { $0 == previous } }
  chat.generatedReply = .shown(suggestion, forTurn: turn.id)
  chat.suggestions.show(withGenerated(list, in: &chat), at: state.now)
  guard chat.suggestions.recordedForTurn == turn.id else {
    state.chats[index] = chat
    return []
  }
  let ranker = "\(state.rankerName ?? "ranker") + generated"
  let record = recordShown(chat.suggestions.rows, in: &chat, ranker: ranker, at: state.now)
  state.chats[index] = chat
  return [record]
}

/// Follows the background generator: progress on the status line, and once it is ready, generated
/// replies for the turns already on screen.
func handleGeneratorPhase(_ state: inout ConsoleState, _ phase: GeneratorPhase) -> [ConsoleEffect] {
  state.generator = phase
  switch phase {
  case .ready:
    state.say("Generator ready: a generated reply now follows the ranked suggestions")
    var effects: [ConsoleEffect] = []
    for index in state.chats.indices where !state.chats[index].suggestions.rows.isEmpty {
      let chat = state.chats[index]
      let request = RankingRequest(
        chat: chat.id, generation: chat.generation, context: chat.conversation.turns,
        profile: chat.conversation.profile)
      effects += generationEffects(
        &state, in: index, after: RankingResult(request: request, suggestions: [], rankerName: ""))
    }
    return effects
  case .failed(let reason):
    state.say("Generator unavailable: \(DisplayText.singleLine(reason))", warning: true, seconds: 15)
  case .off, .training:
    break
  }
  return []
}

extension Suggestion {
  /// True for a reply the generator wrote rather than a template.
  var isGenerated: Bool {
    if case .generated = source { true } else { false }
  }
}
