/// A word of a text after analysis: the stem used for matching and the word as written.
public struct AnalyzedToken: Sendable, Equatable {
  public var stem: String
  public var surface: String
}

/// Turns text into lowercase, stemmed terms without stop words, for lexical matching.
public enum TextAnalyzer {
  /// Function words that carry no topic. Greetings, negations and thanks are kept on purpose.
  static let stopWords: Set<String> = [
    "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "is", "are", "was", "were", "be", "been", "being", "am", "i", "me", "my", "mine",
    "you", "your", "yours", "we", "us", "our", "it", "its", "this", "that", "these", "those", "there",
    "here", "so", "do", "does", "did", "have", "has", "had", "will", "would", "could", "should",
    "can", "shall", "just", "im", "ive", "id", "ill", "youre", "youll", "its", "about", "into",
    "then", "than", "too", "very", "also", "up", "out", "some", "any", "all", "what", "which",
    "who", "whom", "when", "how", "they", "them", "their", "he", "she", "his", "her", "him",
    "let", "get", "got", "one", "now", "please", "s", "t", "ll", "re", "ve", "d", "m", "want", "like",
    "need", "wondering", "know", "tell", "think",
  ]

  /// The stems of `text` in order.
  public static func terms(_ text: String) -> [String] {
    tokens(text).map(\.stem)
  }

  /// The analyzed words of `text` in order, stop words removed.
  public static func tokens(_ text: String) -> [AnalyzedToken] {
    var result: [AnalyzedToken] = []
    var word = ""
    func flush() {
      defer { word = "" }
      let cleaned = word.replacingApostrophes()
      guard !cleaned.isEmpty, !stopWords.contains(cleaned) else { return }
      result.append(AnalyzedToken(stem: stem(cleaned), surface: word))
    }
    for character in text.lowercased() {
      if character.isLetter || character.isNumber || (character == "'" || character == "’") && !word.isEmpty {
        word.append(character)
      } else {
        flush()
      }
    }
    flush()
    return result
  }

  /// A light suffix-stripping stemmer: "refunded", "refunds" and "refunding" all become "refund";
  /// "cancellation" and "cancelled" become "cancel"; "deliveries" and "delivery" become "deliver".
  public static func stem(_ word: String) -> String {
    var stem = word
    guard stem.count > 3, stem.allSatisfy(\.isLetter) else { return stem }
    for (suffix, replacement) in Self.suffixRules where stem.count > suffix.count + 2 && stem.hasSuffix(suffix) {
      stem = String(stem.dropLast(suffix.count)) + replacement
      break
    }
    if stem.count > 4, stem.hasSuffix("e") { stem.removeLast() }
    if stem.count > 3, let last = stem.last, let previous = stem.dropLast().last, last == previous,
      !"aeiouls".contains(last)
    {
      stem.removeLast()
    }
    if stem.hasSuffix("ll"), stem.count > 5 { stem.removeLast() }
    return stem
  }

  private static let suffixRules: [(String, String)] = [
    ("ations", ""), ("ation", ""), ("ments", ""), ("ment", ""), ("ingly", ""), ("ings", ""),
    ("eries", "er"), ("ies", "y"), ("ied", "y"), ("ery", "er"), ("ing", ""), ("edly", ""), ("ed", ""), ("ly", ""),
    ("sses", "ss"), ("ss", "ss"), ("us", "us"), ("is", "is"), ("es", "e"), ("s", ""),
  ]
}

extension String {
  fileprivate func replacingApostrophes() -> String {
    filter { $0 != "'" && $0 != "’" }
  }
}
