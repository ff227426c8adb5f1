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

  /// The cues prepared for matching: phrases split into words, apostrophes removed.
  private static let prepared: [(term: String, words: Set<String>, phrases: [[String]])] = cues
    .sorted { $0.key < $1.key }
    .map { intent, cue in
      ("#" + intent, cue.words, cue.phrases.map { TextAnalyzer.words($0).map(\.word) })
    }

  /// The intent terms (`#intent`) signalled by `text`, with how many cues each matched.
  static func intents(in text: String) -> [(term: String, hits: Int)] {
    let analyzed = TextAnalyzer.words(text)
    let words = analyzed.map(\.word)
    let present = Set(words)
    var found: [(term: String, hits: Int)] = []
    for cue in prepared {
      let hits = cue.words.intersection(present).count + cue.phrases.filter { words.contains(phrase: $0) }.count
      if hits > 0 { found.append((cue.term, hits)) }
    }
    if found.count > 1 { found.removeAll { $0.term == "#greet" } }
    if text.contains("@") { found.append(("#provide_email", 2)) }
    if words.contains(where: { $0.count >= 6 && $0.allSatisfy(\.isNumber) }) {
      found.append(("#provide_order_id", 2))
    }
    return found
  }
}

extension Array where Element == String {
  /// Whether `phrase` occurs as consecutive elements.
  fileprivate func contains(phrase: [String]) -> Bool {
    guard !phrase.isEmpty, phrase.count <= count else { return false }
    return (0...(count - phrase.count)).contains { start in
      phrase.indices.allSatisfy { self[start + $0] == phrase[$0] }
    }
  }
}
