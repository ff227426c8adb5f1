/// A word of a text after analysis: the stem used for matching and the word as written (lowercased).
public struct AnalyzedToken: Sendable, Equatable {
  public var stem: String
  public var surface: String
}

/// Turns text into lowercase, stemmed terms without stop words, for lexical matching. Works on
/// Unicode scalars with an ASCII fast path, since it runs on every ranking request.
public enum TextAnalyzer {
  /// Function words that carry no topic. Greetings, negations and thanks are kept on purpose.
  static let stopWords: Set<String> = [
    "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "is", "are", "was", "were", "be", "been", "being", "am", "i", "me", "my", "mine",
    "you", "your", "yours", "we", "us", "our", "it", "its", "this", "that", "these", "those", "there",
    "here", "so", "do", "does", "did", "have", "has", "had", "will", "would", "could", "should",
    "can", "shall", "just", "im", "ive", "id", "ill", "youre", "youll", "about", "into",
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
    for (surface, word) in words(text) where !stopWords.contains(word) {
      result.append(AnalyzedToken(stem: stem(word), surface: surface))
    }
    return result
  }

  /// Every word of `text`, lowercased, as written and without apostrophes ("hasn't", "hasnt").
  /// Words are runs of letters and digits; an apostrophe inside a word is kept in the surface form.
  public static func words(_ text: String) -> [(surface: String, word: String)] {
    text.utf8.allSatisfy { $0 < 0x80 } ? asciiWords(text) : unicodeWords(text)
  }

  private static func asciiWords(_ text: String) -> [(surface: String, word: String)] {
    var result: [(surface: String, word: String)] = []
    var surface: [UInt8] = []
    var word: [UInt8] = []
    func flush() {
      if !word.isEmpty {
        result.append((String(decoding: surface, as: UTF8.self), String(decoding: word, as: UTF8.self)))
      }
      surface.removeAll(keepingCapacity: true)
      word.removeAll(keepingCapacity: true)
    }
    for byte in text.utf8 {
      switch byte {
      case 0x61...0x7A, 0x30...0x39:
        surface.append(byte)
        word.append(byte)
      case 0x41...0x5A:
        surface.append(byte + 32)
        word.append(byte + 32)
      case 0x27 where !word.isEmpty:
        surface.append(byte)
      default:
        flush()
      }
    }
    flush()
    return result
  }

  private static func unicodeWords(_ text: String) -> [(surface: String, word: String)] {
    var result: [(surface: String, word: String)] = []
    var surface = String.UnicodeScalarView()
    var word = String.UnicodeScalarView()
    func flush() {
      if !word.isEmpty { result.append((String(surface), String(word))) }
      surface = String.UnicodeScalarView()
      word = String.UnicodeScalarView()
    }
    for scalar in text.unicodeScalars {
      if scalar.value < 0x80 {
        switch scalar.value {
        case 0x61...0x7A, 0x30...0x39:
          surface.append(scalar)
          word.append(scalar)
        case 0x41...0x5A:
          let lower = Unicode.Scalar(scalar.value + 32)!
          surface.append(lower)
          word.append(lower)
        case 0x27 where !word.isEmpty:
          surface.append(scalar)
        default:
          flush()
        }
      } else if scalar == "’" && !word.isEmpty {
        surface.append("'")
      } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
          surface.append(lower)
          word.append(lower)
        }
      } else {
        flush()
      }
    }
    flush()
    return result
  }

  /// A light suffix-stripping stemmer for ASCII words: "refunded", "refunds" and "refunding" all
  /// become "refund"; "cancellation" and "cancelled" become "cancel"; "deliveries" and "delivery"
  /// become "deliver". Other words are returned unchanged.
  public static func stem(_ word: String) -> String {
    var bytes = Array(word.utf8)
    guard bytes.count > 3, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
    for (suffix, replacement) in suffixRules where bytes.count > suffix.count + 2 && bytes.ends(with: suffix)
    {
      bytes.removeLast(suffix.count)
      bytes += replacement
      break
    }
    if bytes.count > 4, bytes.last == UInt8(ascii: "e") { bytes.removeLast() }
    if bytes.count > 3, let last = bytes.last, last == bytes[bytes.count - 2], !doublesKept.contains(last) {
      bytes.removeLast()
    }
    if bytes.count > 5, bytes.ends(with: Array("ll".utf8)) { bytes.removeLast() }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Doubled letters a stem keeps ("tall", "press", "good"); other doubles lose one ("shipp" → "ship").
  private static let doublesKept = Set("aeiouls".utf8)

  private static let suffixRules: [([UInt8], [UInt8])] = [
    ("ations", ""), ("ation", ""), ("ments", ""), ("ment", ""), ("ingly", ""), ("ings", ""),
    ("eries", "er"), ("ies", "y"), ("ied", "y"), ("ery", "er"), ("ing", ""), ("edly", ""), ("ed", ""),
    ("ly", ""), ("sses", "ss"), ("ss", "ss"), ("us", "us"), ("is", "is"), ("es", "e"), ("s", ""),
  ].map { (Array($0.utf8), Array($1.utf8)) }
}

extension Array where Element == UInt8 {
  fileprivate func ends(with suffix: [UInt8]) -> Bool {
    count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
  }
}
