import Foundation
import ReplyDeskCore

/// Acts on a fresh ranking for chat `index` when autopilot is on: sends suggestion 1 when its
/// confidence reaches the threshold and it has no gap, otherwise rings and asks the representative
/// to take over. Acts once per customer turn, only while the customer waits for a reply and the
/// chat has no draft (a representative already writing keeps the chat).
func runAutopilot(_ state: inout ConsoleState, in index: Int, result: RankingResult) -> [ConsoleEffect] {
  guard let threshold = state.autopilotThreshold else { return [] }
  let chat = state.chats[index]
  guard chat.isOpen, chat.awaitingReplySince != nil, result.request.draft.isEmpty,
    state.draft(of: index).isEmpty, let turn = chat.conversation.lastCustomerTurn?.id,
    chat.autopilot.actedTurn != turn
  else { return [] }
  state.chats[index].autopilot.act(on: turn)
  if let refusal = autopilotRefusal(result, threshold: threshold) {
    state.chats[index].autopilot.handOver()
    let name = DisplayText.singleLine(chat.conversation.profile.fullName)
    state.say("Autopilot needs you for \(name): \(refusal)", warning: true, seconds: 15)
    return [.bell]
  }
  let top = result.suggestions[0]
  return commit(
    &state,
    .autoSent(suggestionID: top.id, rank: 1, text: top.text, confidence: result.confidence ?? 0),
    in: index)
}

/// Why autopilot will not send suggestion 1 of `result`, or nil when it will.
func autopilotRefusal(_ result: RankingResult, threshold: Double) -> String? {
  guard let top = result.suggestions.first else { return "no suggestion" }
  if let reason = top.grounding.contradictionReason {
    return "suggestion 1 contradicts the profile (\(reason))"
  }
  guard let confidence = result.confidence else { return "the ranker reports no confidence for suggestion 1" }
  guard confidence >= threshold else {
    return String(format: "confidence %.2f is below %.2f", confidence, threshold)
  }
  guard top.isSendableUnedited else {
    let gaps = top.missingSlots.map { "[\($0)]" }.joined(separator: ", ")
    return "suggestion 1 has a gap \(gaps)"
  }
  return nil
}

/// "autopilot ≥0.80" for the status line.
func autopilotLabel(_ threshold: Double) -> String {
  String(format: "autopilot ≥%.2f", threshold)
}
