import ReplyDeskCore

/// What a simulated customer understands from a representative's message, by keyword matching.
struct AgentMessageReading: Equatable {
  /// What the representative asked the customer to confirm.
  enum ConfirmationTopic: Equatable {
    case cancel
    case returnLabel
    case address
    case refund
    case callback
    case general
  }

  var asksOrderNumber = false
  /// The request for the order number offers the email as an alternative.
  var acceptsEmail = false
  var asksEmail = false
  var asksAddress = false
  var asksAnythingElse = false
  var asksIssue = false
  var asksPresence = false
  var confirmation: ConfirmationTopic?
  var farewell = false
  var escalation = false
  var onTopic = false
  /// "Let me check", "bear with me", "sorry about this": the customer waits for more.
  var holding = false

  private static let farewellPhrases = [
    "have a great day", "have a lovely day", "have a nice day", "goodbye", "take care", "close this chat",
    "thanks for chatting", "thanks for contacting",
  ]
  private static let escalationPhrases = [
    "supervisor", "payments team", "opened an investigation", "handed this over", "senior colleague",
    "opened a case", "right team", "delivery team", "escalat",
  ]
  private static let confirmationPhrases = [
    "shall i", "should i", "would you like", "do you want", "want me to", "is that", "can you confirm",
    "would a ", "is this",
  ]
  private static let topicStems: [Scenario: Set<String>] = Dictionary(
    uniqueKeysWithValues: Scenario.allCases.map { ($0, Set($0.topicWords.flatMap(TextAnalyzer.terms))) })
  private static let holdingPhrases = [
    "let me", "give me a moment", "one moment", "on it", "bear with", "sorry", "pull up", "account open",
    "looking into", "checking", "found order", "step by step",
  ]
  private static let issuePhrases = [
    "how can i help", "what can i do", "what can i help", "how may i help", "or about something else",
  ]

  init(_ text: String, scenario: Scenario) {
    let lowered = text.lowercased()
    farewell = Self.farewellPhrases.contains { lowered.mentions($0) }
    escalation = Self.escalationPhrases.contains { lowered.mentions($0) }
    holding = Self.holdingPhrases.contains { lowered.mentions($0) }
    for question in TextRuns.questions(in: lowered) {
      read(question)
    }
    if confirmation == .general {
      confirmation = Self.actionTopic(lowered) ?? .general
    }
    let topicStems = Self.topicStems[scenario] ?? []
    onTopic = TextAnalyzer.terms(text).contains { topicStems.contains($0) }
  }

  private mutating func read(_ question: String) {
    if question.mentions("order number") {
      asksOrderNumber = true
      if question.mentions("email") { acceptsEmail = true }
    }
    if ["email address", "your email", "which email"].contains(where: question.mentions),
      !question.mentions("order number")
    {
      asksEmail = true
    }
    if question.mentions("address"), ["what", "which", "where"].contains(where: question.mentions),
      !question.mentions("is that")
    {
      asksAddress = true
    }
    if question.mentions("which part") { asksAddress = true }
    if question.mentions("anything else") { asksAnythingElse = true }
    if question.mentions("still with me") || question.mentions("still there") { asksPresence = true }
    if Self.issuePhrases.contains(where: question.mentions) { asksIssue = true }
    guard !asksOrderNumber, !asksEmail, !asksAddress, !asksAnythingElse, !asksPresence,
      Self.confirmationPhrases.contains(where: question.mentions)
    else { return }
    if question.mentions("address") && !question.mentions("is that") {
      confirmation = .address
    } else if question.mentions("call") {
      confirmation = .callback
    } else {
      confirmation = Self.actionTopic(question) ?? .general
    }
  }

  /// The action a confirmation is about, read from the question or, failing that, the whole message
  /// ("I don't see a refund yet. Would you like me to start one?").
  private static func actionTopic(_ text: String) -> ConfirmationTopic? {
    if text.mentions("cancel") { return .cancel }
    if text.mentions("label") || text.mentions("return") { return .returnLabel }
    if text.mentions("refund") { return .refund }
    return nil
  }
}

extension String {
  /// Whether `phrase` occurs in the string, compared byte by byte in place (much faster than
  /// Foundation's `contains` for these short phrases).
  fileprivate func mentions(_ phrase: String) -> Bool {
    var text = self
    var needle = phrase
    return text.withUTF8 { text in
      needle.withUTF8 { needle in
        guard needle.count <= text.count else { return false }
        guard !needle.isEmpty else { return true }
        var start = 0
        while start <= text.count - needle.count {
          var matched = 0
          while matched < needle.count && text[start + matched] == needle[matched] { matched += 1 }
          if matched == needle.count { return true }
          start += 1
        }
        return false
      }
    }
  }
}
