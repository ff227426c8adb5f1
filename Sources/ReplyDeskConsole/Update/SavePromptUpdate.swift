import Foundation
import ReplyDeskCore

// Saving a sent reply as a template: ^T opens a prompt for its intent, then its conditions (offered
// from the order in question's state), warning when it nearly repeats a template of the library.

/// The reply to offer for saving as a template once `commitment` went out: one the representative
/// wrote, an edited suggestion, or a generated reply sent as is (a template sent unchanged already is one).
func savableReply(_ commitment: Commitment, in chat: ActiveChat) -> TemplateDraft? {
  guard let text = commitment.decision.sentText else { return nil }
  switch commitment.decision {
  case .written, .edited: break
  case .accepted(let id, _, _): guard chat.generatedReply.suggestion?.id == id else { return nil }
  default: return nil
  }
  return TemplateDraft(
    text: text, profile: chat.conversation.profile, time: commitment.time, order: chat.orderInQuestion.order)
}

/// Opens the save prompt for the last savable reply of the chat on screen.
func saveAsTemplate(_ state: inout ConsoleState) -> [ConsoleEffect] {
  guard let chat = state.active, let reply = chat.savableReply else {
    state.say(
      "Nothing to save: send a reply of your own, an edited or a generated one, then press "
        + Bindings.label(of: .saveAsTemplate), warning: true)
    return []
  }
  let text = TemplateWriter.templateText(
    from: reply.text.trimmingCharacters(in: .whitespacesAndNewlines), profile: reply.profile, now: reply.time,
    order: reply.order)
  let facts = GroundingFacts(
    turns: chat.conversation.turns, profile: reply.profile, now: reply.time, pin: chat.orderPin)
  let templates = state.templates.templates
  let duplicate = TemplateSimilarity.nearestDuplicate(of: text, in: templates).map {
    TemplateSavePrompt.NearDuplicate(id: $0.template.id, similarity: $0.similarity)
  }
  let topTemplate = chat.suggestions.rows.lazy.compactMap { suggestion -> String? in
    guard case .template(let id) = suggestion.source else { return nil }
    return id
  }.first
  let guess = duplicate?.id ?? topTemplate
  let intent = guess.flatMap { id in templates.first { $0.id == id }?.intents.first } ?? ""
  state.overlay = .saveTemplate(
    TemplateSavePrompt(
      reply: reply, templateText: text, intent: Composer(intent),
      conditions: ConditionOffer.offers(
        for: reply.order, reply: reply.text, profile: reply.profile, facts: facts),
      nearDuplicate: duplicate))
  return []
}

/// Keys in the save prompt: the intent is typed, the conditions kept, dropped or changed, Enter saves.
func performSavePrompt(_ state: inout ConsoleState, _ action: Action, _ prompt: TemplateSavePrompt)
  -> [ConsoleEffect]
{
  var prompt = prompt
  let count = prompt.conditions.count
  switch action {
  case .closeOverlay:
    state.overlay = nil
    state.say("Not saved as a template; \(Bindings.label(of: .saveAsTemplate)) asks again")
    return []
  case .saveTemplate:
    state.overlay = nil
    state.say("Saving the template…")
    return [.saveTemplate(prompt.draft)]
  case .nextStep: prompt.choosingConditions = true
  case .pickerUp: prompt.highlighted = max(prompt.highlighted - 1, 0)
  case .pickerDown: prompt.highlighted = min(prompt.highlighted + 1, max(count - 1, 0))
  case .toggleCondition where count > 0: prompt.conditions[prompt.highlighted].kept.toggle()
  case .cursorLeft where prompt.choosingConditions: cycleValue(&prompt, step: -1)
  case .cursorRight where prompt.choosingConditions: cycleValue(&prompt, step: 1)
  case .deleteBackward: prompt.intent.deleteBackward()
  case .deleteForward: prompt.intent.deleteForward()
  case .deleteWord: prompt.intent.deleteWord()
  case .cursorLeft: prompt.intent.moveLeft()
  case .cursorRight: prompt.intent.moveRight()
  case .cursorHome: prompt.intent.moveHome()
  case .cursorEnd: prompt.intent.moveEnd()
  default: break
  }
  state.overlay = .saveTemplate(prompt)
  return []
}

/// Changes the highlighted condition's value to the next (or previous) choice and keeps it.
private func cycleValue(_ prompt: inout TemplateSavePrompt, step: Int) {
  guard prompt.conditions.indices.contains(prompt.highlighted) else { return }
  var offer = prompt.conditions[prompt.highlighted]
  offer.choice = (offer.choice + step + offer.choices.count) % offer.choices.count
  offer.kept = true
  prompt.conditions[prompt.highlighted] = offer
}

/// Types into the save prompt's intent.
func typeIntoSavePrompt(_ state: inout ConsoleState, _ text: String) {
  guard case .saveTemplate(var prompt) = state.overlay, !prompt.choosingConditions else { return }
  prompt.intent.insert(text)
  state.overlay = .saveTemplate(prompt)
}

/// A reply became a template: say where, add it to the finder's catalog and re-rank so it can show
/// at once.
func handleTemplateSaved(_ state: inout ConsoleState, _ template: ReplyTemplate, directory: String)
  -> [ConsoleEffect]
{
  if let index = state.focusedChat { state.chats[index].savableReply = nil }
  state.templates.add(template)
  state.say(
    "Saved as template \(DisplayText.singleLine(template.id)) in \(DisplayText.singleLine(directory)); "
      + "\(Bindings.label(of: .openFinder)) finds it", seconds: 10)
  return requestRanking(&state)
}
