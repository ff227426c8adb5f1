import Foundation

/// What the customer said they do not have: "Sorry, I don't have the order number or the email to
/// hand", or "don't have it" in answer to a request for the order number. Asking for it again reads
/// as though the answer was not heard, so `TemplateConditions.needlessAsk` treats it as held.
///
/// A clause declines when it holds a phrase of not having ("don't have", "no idea", "not sure",
/// "lost", …); it declines the facts it names ("order number", "email"), else, when it names none,
/// what the questions of the representative's reply just before it asked for.
enum DeclinedFacts {
  /// The facts the customer declined anywhere in `turns`.
  static func `in`(_ turns: [Turn]) -> Set<AskedFact> {
    var declined = Set<AskedFact>()
    var askedBefore = Set<AskedFact>()
    for turn in turns {
      let text = turn.text.lowercased()
      if turn.speaker == .agent {
        askedBefore = TextRuns.questions(in: text).reduce(into: []) { $0.formUnion(facts(namedIn: $1)) }
        continue
      }
      for clause in clauses(of: text) where declines(clause) {
        let named = facts(namedIn: clause)
        declined.formUnion(named.isEmpty ? askedBefore : named)
      }
    }
    return declined
  }

  /// The phrases of not having a detail, matched within a lower-cased clause.
  private static let notHaving = [
    "don't have", "dont have", "do not have", "don't know", "dont know", "do not know", "no idea",
    "not sure", "don't remember", "dont remember", "can't find", "cant find", "cannot find", "can't remember",
    "forgot", "lost", "no order number", "no email", "haven't got", "have no",
  ]

  private static func declines(_ clause: String) -> Bool {
    notHaving.contains { clause.contains($0) }
  }

  /// The facts a lower-cased text names.
  private static func facts(namedIn text: String) -> Set<AskedFact> {
    var named = Set<AskedFact>()
    if text.contains("order number") || text.contains("order no") || text.contains("order id") {
      named.insert(.orderID)
    }
    if text.contains("email") || text.contains("e-mail") { named.insert(.email) }
    return named
  }

  /// `text` cut at sentence ends, commas, semicolons and "but".
  private static func clauses(of text: String) -> [String] {
    text.replacingOccurrences(of: " but ", with: ".")
      .split { ".,;!?".contains($0) }
      .map(String.init)
  }
}
