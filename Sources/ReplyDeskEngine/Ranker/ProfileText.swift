import Foundation
import ReplyDeskCore

/// Masks profile values (names, order ids, dates, amounts) found in text as slot tokens, and turns
/// an arbitrary JSON profile into words for the generator's profile prefix. (The ranker reads the
/// profile as `GroundingFeatures` instead.)
struct ProfileText: Sendable {
  /// Word sequences of the profile's values and the slot token each becomes, longest first,
  /// under their first word (so masking looks up each word once instead of trying every value).
  private let patterns: [String: [(words: [String], token: String)]]
  /// Words that describe the profile (key names, short values and number magnitudes), for the generator.
  let featureWords: [String]

  init(_ profile: JSONValue?, maxFeatureWords: Int = 48) {
    var patterns: [(words: [String], token: String)] = []
    var features: [String] = []
    for (key, path, value) in profile?.leaves ?? [] {
      guard let text = value.text else { continue }
      let words = WordSplitter.words(text)
      features.append(contentsOf: WordSplitter.words(key.replacingUnderscores()))
      if case .number(let number) = value {
        features.append("<num_\(Int(log2(abs(number) + 1)))>")
      } else {
        features.append(contentsOf: words.prefix(6))
      }
      let letters = text.filter { $0.isLetter || $0.isNumber }.count
      if !words.isEmpty && words.count <= 8 && letters >= 3 {
        patterns.append((words, WordSplitter.slotToken(path)))
      }
    }
    self.patterns = Dictionary(
      grouping: patterns.sorted { $0.words.count > $1.words.count }, by: { $0.words[0] })
    featureWords = Array(features.prefix(maxFeatureWords))
  }

  /// `words` with every occurrence of a profile value replaced by its slot token.
  func mask(_ words: [String]) -> [String] {
    guard !patterns.isEmpty else { return words }
    var out: [String] = []
    var i = 0
    outer: while i < words.count {
      for pattern in patterns[words[i]] ?? [] {
        let end = i + pattern.words.count
        if end <= words.count && words[i..<end].elementsEqual(pattern.words) {
          out.append(pattern.token)
          i = end
          continue outer
        }
      }
      out.append(words[i])
      i += 1
    }
    return out
  }
}

extension String {
  fileprivate func replacingUnderscores() -> String {
    String(map { $0 == "_" || $0 == "." ? " " : $0 })
  }
}
