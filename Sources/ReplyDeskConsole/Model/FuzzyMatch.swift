/// Typo-tolerant word matching for the template finder: each query word is scored against a
/// template's words (exact, prefix, subsequence, or one or two letters wrong), words in any order.
enum FuzzyMatch {
  /// The lowercased words of `text` as bytes (letters and digits; everything else separates).
  static func words(_ text: String) -> [[UInt8]] {
    text.lowercased().split { !($0.isLetter || $0.isNumber) }.map { Array($0.utf8) }
  }

  /// How well a query matches a candidate whose words are `candidate` (indices into a vocabulary),
  /// given each query word's `wordScore` against every vocabulary word: 0 when some query word
  /// matches none of the candidate's words, otherwise the mean of each one's best match (1 for an
  /// empty query).
  static func score(_ wordScores: [[Double]], candidate: [Int32]) -> Double {
    guard !wordScores.isEmpty else { return 1 }
    var total = 0.0
    for scores in wordScores {
      var best = 0.0
      for word in candidate { best = max(best, scores[Int(word)]) }
      guard best > 0 else { return 0 }
      total += best
    }
    return total / Double(wordScores.count)
  }

  /// The bytes a word holds, one bit each (letters and digits their own bit, other bytes shared):
  /// a word can be within `n` edits of another only if at most `n` of its bits are missing there.
  static func mask(_ word: [UInt8]) -> UInt64 {
    var mask: UInt64 = 0
    for byte in word {
      switch byte {
      case 97...122: mask |= 1 << UInt64(byte - 97)
      case 48...57: mask |= 1 << UInt64(byte - 48 + 26)
      default: mask |= 1 << UInt64(36 + byte % 28)
      }
    }
    return mask
  }

  /// How many edits `wordScore` forgives in a query word of this many bytes.
  static func allowedEdits(_ count: Int) -> Int { count >= 7 ? 2 : count >= 4 ? 1 : 0 }

  /// `wordScore`, after a quick check of the two words' masks that rejects most non-matches.
  static func wordScore(_ word: [UInt8], mask: UInt64, _ target: [UInt8], targetMask: UInt64) -> Double {
    guard (mask & ~targetMask).nonzeroBitCount <= allowedEdits(word.count) else { return 0 }
    return wordScore(word, target)
  }

  /// One query word against one candidate word: 1 equal, 0.9 a prefix, 0.75 or less a misspelling
  /// (one edit for words of 4 letters or more, two for 7 or more), up to 0.7 a subsequence with
  /// the same first letter, 0 otherwise.
  static func wordScore(_ word: [UInt8], _ target: [UInt8]) -> Double {
    if word == target { return 1 }
    if word.count <= target.count, target.starts(with: word) { return 0.9 }
    let allowed = allowedEdits(word.count)
    if allowed > 0, abs(word.count - target.count) <= allowed,
      let distance = editDistance(word, target, atMost: allowed)
    {
      return 0.75 - 0.1 * Double(distance - 1)
    }
    if word.count >= 2, word.first == target.first, isSubsequence(word, of: target) {
      return 0.4 + 0.3 * Double(word.count) / Double(target.count)
    }
    return 0
  }

  static func isSubsequence(_ word: [UInt8], of target: [UInt8]) -> Bool {
    var index = 0
    for byte in target where index < word.count && byte == word[index] { index += 1 }
    return index == word.count
  }

  /// The optimal-string-alignment distance (a swap of neighbours counts once), or nil above `limit`.
  static func editDistance(_ a: [UInt8], _ b: [UInt8], atMost limit: Int) -> Int? {
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      current[0] = i
      var rowBest = current[0]
      for j in 1...max(b.count, 1) where !b.isEmpty {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previous2[j - 2] + 1)
        }
        current[j] = value
        rowBest = min(rowBest, value)
      }
      if rowBest > limit { return nil }
      (previous2, previous, current) = (previous, current, previous2)
    }
    let distance = a.isEmpty ? b.count : previous[b.count]
    return distance <= limit ? distance : nil
  }
}
