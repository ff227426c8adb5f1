import ReplyDeskCore

extension SessionEventKind {
  /// The same event with `Redactor` applied to every text a person wrote or read (messages,
  /// replies, suggestions, notes) and the customer's email, phone and address hidden.
  public func redacted() -> SessionEventKind {
    switch self {
    case .started(let representative, var customer, let channel):
      customer.email = customer.email.map { _ in "[email]" }
      customer.phone = customer.phone.map { _ in "[phone]" }
      customer.address = customer.address.map { _ in "[address]" }
      return .started(representative: representative, customer: customer, channel: channel)
    case .customerMessage(let text):
      return .customerMessage(text: Redactor.redact(text))
    case .typing:
      return self
    case .suggestionsShown(let suggestions, let ranker):
      let hidden = suggestions.map { shown in
        var copy = shown
        copy.text = Redactor.redact(shown.text)
        return copy
      }
      return .suggestionsShown(suggestions: hidden, ranker: ranker)
    case .decision(let decision, let responseSeconds):
      return .decision(decision: decision.redacted(), responseSeconds: responseSeconds)
    case .systemNote(let text):
      return .systemNote(text: Redactor.redact(text))
    case .qaNote(let text, let rating):
      return .qaNote(text: Redactor.redact(text), rating: rating)
    case .ended, .practiceScore:
      return self
    }
  }
}

extension Decision {
  func redacted() -> Decision {
    switch self {
    case .accepted(let id, let rank, let text):
      return .accepted(suggestionID: id, rank: rank, text: Redactor.redact(text))
    case .edited(let id, let rank, let original, let final):
      return .edited(
        suggestionID: id, rank: rank, original: Redactor.redact(original), final: Redactor.redact(final))
    case .written(let text):
      return .written(text: Redactor.redact(text))
    case .escalated(let reason, let note):
      return .escalated(reason: Redactor.redact(reason), note: Redactor.redact(note))
    case .autoSent(let id, let rank, let text, let confidence):
      return .autoSent(suggestionID: id, rank: rank, text: Redactor.redact(text), confidence: confidence)
    }
  }
}
