import ReplyDeskCore

extension SessionEventKind {
  /// The same event with `Redactor` applied to every text a person wrote or read (messages,
  /// replies, suggestions, notes) and the customer's name, email, phone and address hidden; `values`
  /// (from `CustomerProfile.redactedValues`) and `names` (`CustomerProfile.redactedNames`) are hidden
  /// wherever they appear in those texts.
  public func redacted(hiding values: [String: String] = [:], names: [String] = []) -> SessionEventKind {
    func redact(_ text: String) -> String { Redactor.redact(text, hiding: values, names: names) }
    switch self {
    case .started(let representative, var customer, let channel):
      customer.firstName = customer.firstName.isEmpty ? "" : "[name]"
      customer.lastName = customer.lastName.isEmpty ? "" : "[name]"
      customer.email = customer.email.map { _ in "[email]" }
      customer.phone = customer.phone.map { _ in "[phone]" }
      customer.address = customer.address.map { _ in "[address]" }
      return .started(representative: representative, customer: customer, channel: channel)
    case .customerMessage(let text):
      return .customerMessage(text: redact(text))
    case .typing:
      return self
    case .suggestionsShown(let suggestions, let ranker):
      let hidden = suggestions.map { shown in
        var copy = shown
        copy.text = redact(shown.text)
        return copy
      }
      return .suggestionsShown(suggestions: hidden, ranker: ranker)
    case .decision(let decision, let responseSeconds):
      return .decision(
        decision: decision.redacted(hiding: values, names: names), responseSeconds: responseSeconds)
    case .systemNote(let text):
      return .systemNote(text: redact(text))
    case .qaNote(let text, let rating):
      return .qaNote(text: redact(text), rating: rating)
    case .rating(let score, let comment):
      return .rating(score: score, comment: comment.map(redact))
    case .ended, .practiceScore, .intentResolved:
      return self
    }
  }
}

extension CustomerProfile {
  /// The profile values an export hides wherever they appear, with their placeholders.
  public var redactedValues: [String: String] {
    var values: [String: String] = [:]
    if let email { values[email] = "[email]" }
    if let phone { values[phone] = "[phone]" }
    if let address { values[address] = "[address]" }
    return values
  }

  /// The customer's full, first and last name, which an export hides wherever they stand as words.
  public var redactedNames: [String] {
    let full = "\(firstName) \(lastName)".trimmingCharacters(in: .whitespaces)
    return [full, firstName, lastName].filter { !$0.isEmpty }
  }
}

extension Decision {
  func redacted(hiding values: [String: String], names: [String]) -> Decision {
    func redact(_ text: String) -> String { Redactor.redact(text, hiding: values, names: names) }
    switch self {
    case .accepted(let id, let rank, let text):
      return .accepted(suggestionID: id, rank: rank, text: redact(text))
    case .edited(let id, let rank, let original, let final):
      return .edited(
        suggestionID: id, rank: rank, original: redact(original), final: redact(final))
    case .written(let text):
      return .written(text: redact(text))
    case .escalated(let reason, let note):
      return .escalated(reason: redact(reason), note: redact(note))
    case .autoSent(let id, let rank, let text, let confidence):
      return .autoSent(suggestionID: id, rank: rank, text: redact(text), confidence: confidence)
    }
  }
}
