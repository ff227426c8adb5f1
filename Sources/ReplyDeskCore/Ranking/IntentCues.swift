/// Words and phrases that signal a customer intent. The lexical ranker adds the matching intent
/// as query terms (`#thanks`, and `!thanks` for templates listing it first), so that a bare
/// "No, that's all, bye" or "It's RD-120456" still finds the right reply.
enum IntentCues {
  /// Single words (lowercased, apostrophes removed) and phrases, by intent.
  static let cues: [String: (words: Set<String>, phrases: [String])] = [
    "greet": (["hi", "hello", "hey", "morning", "afternoon", "evening"], ["anyone there", "right place"]),
    "thanks": (["thanks", "thank", "thx", "ty", "great", "perfect", "appreciate", "cheers", "finally"], []),
    "nothing_else": (
      ["no", "nope", "nah", "everything", "good", "all"], ["that's all", "thats all", "that's it"]
    ),
    "goodbye": (["bye", "goodbye", "cya"], ["good day", "take care"]),
    "confirm": (
      ["yes", "yep", "yeah", "sure", "ok", "okay", "correct", "right"], ["go ahead", "do it", "please do"]
    ),
    "cancel_decline": (["keep", "leave"], ["changed my mind", "forget it"]),
    "refund_when": ([], ["how long", "when will", "when does", "when do i", "see it", "back on my"]),
    "refund_amount": (["amount", "full", "less", "shipping"], ["paid more"]),
    "delivery_late": (
      ["late", "delayed", "delay", "still", "passed", "waiting"],
      ["supposed to", "hasn't arrived", "not here"]
    ),
    "delivery_late_followup": (["why", "compensation", "long"], ["for the delay", "what happened"]),
    "delivery_status": (
      ["shipped", "arrive", "delivered", "package", "parcel"],
      ["where is my order", "where's my order", "where is my package", "where is my parcel", "when will it"]
    ),
    "refund_status": (["refund", "refunded", "reimbursed"], ["money back", "my money"]),
    "cancel_order": (["cancel", "cancelled", "canceled", "cancellation"], []),
    "return_item": (["return", "returning"], ["send it back", "send back", "doesn't fit"]),
    "change_address": (["address", "moving"], ["wrong address", "old address", "work address"]),
    "payment_failed": (["declined", "rejected", "failed", "pay"], ["payment failed", "can't pay"]),
    "delivery_window": (["time", "slot", "home"], ["what time"]),
    "tracking": (["tracking", "track"], []),
    "return_condition": (["box", "packaging", "opened"], []),
    "return_exchange": (["exchange", "size", "colour", "color"], []),
    "payment_method": (["paypal", "ways", "method", "methods"], ["other card"]),
    "double_charge": (["twice", "double", "two"], ["charged twice"]),
    "double_charge_followup": ([], ["doesn't disappear", "still there", "next week"]),
    "provide_address": (
      ["street", "road", "avenue", "lane", "drive", "court", "rue", "weg", "straat", "gracht"],
      ["new address", "send it to", "go to"]
    ),
    "escalate": (["manager", "supervisor", "someone"], ["someone else"]),
    "complaint": (["ridiculous", "unacceptable", "frustrating", "useless", "impressed", "disappointed"], []),
    "impatient": (["hello", "anyone", "waiting"], ["still there", "any update"]),
    "confused": (["confused", "understand", "lost"], ["not sure", "what does it mean"]),
  ]

  /// The intents each cue word signals.
  private static let intentsByWord: [String: [String]] = cues.reduce(into: [:]) { table, cue in
    for word in cue.value.words { table[word, default: []].append("#" + cue.key) }
  }

  /// The phrases (split into words, apostrophes removed) by their first word, with their intent.
  private static let phrasesByFirstWord: [String: [(intent: String, words: [String])]] = cues.reduce(
    into: [:]
  ) { table, cue in
    for phrase in cue.value.phrases {
      let words = TextAnalyzer.words(phrase).map(\.word)
      if let first = words.first { table[first, default: []].append(("#" + cue.key, words)) }
    }
  }

  /// The intent terms (`#intent`) signalled by `text`, with how many cues each matched, sorted.
  static func intents(in text: String) -> [(term: String, hits: Int)] {
    let words = TextAnalyzer.words(text).map(\.word)
    var hits: [String: Int] = [:]
    // "good" in "good morning" greets; it is not "all good".
    let greetingTimes: Set<String> = ["morning", "afternoon", "evening"]
    let greetingGood = Set(
      words.indices.filter {
        words[$0] == "good" && words.indices.contains($0 + 1) && greetingTimes.contains(words[$0 + 1])
      })
    for word in Set(words.enumerated().filter { !greetingGood.contains($0.offset) }.map(\.element)) {
      for intent in intentsByWord[word] ?? [] { hits[intent, default: 0] += 1 }
    }
    for (start, word) in words.enumerated() {
      for phrase in phrasesByFirstWord[word] ?? [] where words[start...].starts(with: phrase.words) {
        hits[phrase.intent, default: 0] += 1
      }
    }
    var found = hits.sorted { $0.key < $1.key }.map { (term: $0.key, hits: $0.value) }
    if found.count > 1 { found.removeAll { $0.term == "#greet" } }
    let asksSomething = found.contains { $0.term != "#greet" }
    if text.contains("@") { found.append(("#provide_email", asksSomething ? 1 : 2)) }
    if OrderMentions.containsOrderNumber(text) {
      found.append(("#provide_order_id", asksSomething ? 1 : 2))
    }
    return found
  }
}
