import Foundation
import ReplyDeskCore
import ReplyDeskEngine
import ReplyDeskStore

/// One recorded session as a ranker training conversation, text redacted as `replydesk export`
/// redacts it. Every reply that reached the customer is an agent turn: an accepted or auto-sent
/// suggestion is learned as its template's text (slots unfilled, as the console ranks it), an
/// edited reply's final text as the positive with the suggestion it started from as that turn's
/// hard negative, and a reply the representative wrote as itself, profile values turned back into
/// slots. Escalated turns add no reply; a practice chat with suggestions hidden gives nothing.
struct SessionConversation {
  /// What one session gave.
  enum Outcome {
    case conversation(CorpusConversation, escalatedTurns: Int)
    /// Practised with suggestions hidden: left out.
    case hiddenSuggestions
    /// No reply after a customer turn (or no `started` event): nothing to learn from.
    case nothingToLearn(escalatedTurns: Int)
  }

  /// Template texts by id, for accepted and edited suggestions.
  let templates: [String: String]

  func convert(_ events: [SessionEvent]) -> Outcome {
    guard let start = events.first(where: { if case .started = $0.kind { true } else { false } }),
      case .started(_, let customer, _) = start.kind,
      case .started(_, let shown, _) = start.kind.redacted(
        hiding: customer.redactedValues, names: customer.redactedNames)
    else { return .nothingToLearn(escalatedTurns: 0) }
    var builder = Builder(profile: customer, shown: shown, templates: templates)
    for event in events {
      if case .practiceScore(let score) = event.kind, score.suggestionsHidden { return .hiddenSuggestions }
      builder.add(event)
    }
    let chat = events.first?.chat.rawValue ?? ""
    guard let conversation = builder.conversation(id: chat) else {
      return .nothingToLearn(escalatedTurns: builder.escalatedTurns)
    }
    return .conversation(conversation, escalatedTurns: builder.escalatedTurns)
  }
}

extension SessionConversation {
  /// Folds a session's events into turns and the replies to learn at them.
  fileprivate struct Builder {
    let profile: CustomerProfile
    /// The profile as an export shows it: what the conversation carries.
    let shown: CustomerProfile
    let templates: [String: String]
    let values: [String: String]
    let names: [String]
    var turns: [Turn] = []
    var replyTexts: [Int: String] = [:]
    var negativeTexts: [Int: [String]] = [:]
    var escalatedTurns = 0
    var domain: String?

    init(profile: CustomerProfile, shown: CustomerProfile, templates: [String: String]) {
      self.profile = profile
      self.shown = shown
      self.templates = templates
      values = profile.redactedValues
      names = profile.redactedNames
    }

    mutating func add(_ event: SessionEvent) {
      switch event.kind {
      case .customerMessage(let text):
        append(.customer, redact(text), at: event.time)
      case .decision(let decision, _):
        add(decision, at: event.time)
      case .intentResolved(let intent) where domain == nil:
        domain = intent
      default:
        break
      }
    }

    private mutating func add(_ decision: Decision, at time: Date) {
      guard let sent = decision.sentText else {
        escalatedTurns += 1
        return
      }
      let index = turns.count
      append(.agent, redact(sent), at: time)
      switch decision {
      case .accepted(let id, _, let text), .autoSent(let id, _, let text, _):
        replyTexts[index] = templates[id] ?? slotted(text, at: time)
      case .edited(let id, _, let original, let final):
        let positive = slotted(final, at: time)
        let negative = templates[id] ?? slotted(original, at: time)
        replyTexts[index] = positive
        if negative != positive { negativeTexts[index] = [negative] }
      case .written(let text):
        replyTexts[index] = slotted(text, at: time)
      case .escalated:
        break
      }
    }

    private mutating func append(_ speaker: Speaker, _ text: String, at time: Date) {
      turns.append(Turn(id: turns.count + 1, speaker: speaker, text: text, time: time))
    }

    private func redact(_ text: String) -> String {
      Redactor.redact(text, hiding: values, names: names)
    }

    /// A reply as a template: the profile's values as slots, then whatever else an export hides.
    private func slotted(_ text: String, at time: Date) -> String {
      redact(TemplateWriter.templateText(from: text, profile: profile, now: time))
    }

    /// The conversation, with the profile as an export shows it; nil without a reply after the
    /// first turn.
    func conversation(id: String) -> CorpusConversation? {
      guard turns.indices.contains(where: { $0 > 0 && turns[$0].speaker == .agent }) else { return nil }
      var conversation = CorpusConversation(
        id: id, profile: shown, turns: turns, domain: domain ?? "session")
      conversation.replyTexts = replyTexts
      conversation.negativeTexts = negativeTexts
      return conversation
    }
  }
}
