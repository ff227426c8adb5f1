import Foundation

/// What the customer said they do not have: "Sorry, I don't have the order number or the email to
/// hand", or "don't have it" in answer to a request for the order number. Asking for it again reads
/// as though the answer was not heard, so `TemplateConditions.needlessAsk` treats it as held.
///
/// A clause declines when it holds a phrase of not having ("don't have", "no idea", "not sure",
/// "lost", …); it declines the facts it names ("order number", "email"), else, when it names none,
/// what the questions of the representative's reply just before it asked for. Text is read as
/// lower-cased letter runs ("don't" is "don", "t"), on every request, without Foundation's string
/// searches.
enum DeclinedFacts {
  /// The facts the customer declined anywhere in `turns`. Most customer turns hold no phrase of not
  /// having, so a turn's clauses, and the questions of the reply before it, are read only when it does.
  static func `in`(_ turns: [Turn]) -> Set<AskedFact> {
    var declined = Set<AskedFact>()
    var latestReply: String?
    for turn in turns {
      if turn.speaker == .agent {
        latestReply = turn.text
        continue
      }
      guard declines(words(turn.text)) else { continue }
      for clause in clauses(of: turn.text) where declines(clause) {
        let named = facts(namedIn: clause)
        declined.formUnion(named.isEmpty ? latestReply.map(askedFor) ?? [] : named)
      }
    }
    return declined
  }

  /// What the questions of a representative's reply ask for.
  private static func askedFor(_ reply: String) -> Set<AskedFact> {
    TextRuns.questions(in: reply).reduce(into: []) { $0.formUnion(facts(namedIn: words($1))) }
  }

  /// The phrases of not having a detail, as letter runs.
  private static let notHaving: [[String]] = [
    "don't have", "dont have", "do not have", "don't know", "dont know", "do not know", "no idea", "not sure",
    "don't remember", "dont remember", "can't find", "cant find", "cannot find", "can't remember", "forgot",
    "lost", "no order number", "no email", "haven't got", "have no",
  ].map(words)

  private static let orderNumber: [[String]] = ["order number", "order no", "order id"].map(words)
  private static let email: [[String]] = ["email", "e-mail"].map(words)

  private static func declines(_ clause: [String]) -> Bool {
    let present = Set(clause)
    return notHaving.contains { present.contains($0[0]) && clause.containsRun($0) }
  }

  /// The facts a clause (letter runs) names.
  private static func facts(namedIn clause: [String]) -> Set<AskedFact> {
    var named = Set<AskedFact>()
    if orderNumber.contains(where: { clause.containsRun($0) }) { named.insert(.orderID) }
    if email.contains(where: { clause.containsRun($0) }) { named.insert(.email) }
    return named
  }

  /// `text`'s clauses, cut at sentence ends, commas, semicolons and "but", each as its letter runs.
  private static func clauses(of text: String) -> [[String]] {
    text.split { ".,;!?".contains($0) }.flatMap { part in
      words(String(part)).split(separator: "but", omittingEmptySubsequences: true).map(Array.init)
    }
  }

  private static func words(_ text: String) -> [String] {
    TextRuns.runs(text, of: .letters, lowercased: true)
  }
}

extension Array where Element == String {
  /// Whether `run` appears in these words as consecutive words.
  fileprivate func containsRun(_ run: [String]) -> Bool {
    guard let first = run.first, run.count <= count else { return false }
    for start in 0...(count - run.count) where self[start] == first {
      if self[start..<(start + run.count)].elementsEqual(run) { return true }
    }
    return false
  }
}
