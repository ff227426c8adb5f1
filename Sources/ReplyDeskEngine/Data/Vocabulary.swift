/// Word rows and hashed buckets of the embedding table. Row layout: 0 padding, 1 unknown word,
/// `2..<2 + words.count` known words, then `buckets` rows shared by hashed bigrams and character
/// 3-grams, so a typo or an unseen word still lands near its neighbours.
public struct Vocabulary: Sendable, Equatable {
  public let words: [String]
  public let buckets: Int
  public let maxNgrams: Int
  private let index: [String: Int32]

  public init(words: [String], buckets: Int, maxNgrams: Int = 12) {
    self.words = words
    self.buckets = buckets
    self.maxNgrams = maxNgrams
    var index: [String: Int32] = [:]
    for (i, word) in words.enumerated() { index[word] = Int32(i + 2) }
    self.index = index
  }

  /// Keeps words seen at least `minCount` times (most frequent first, at most `limit`).
  public static func build(counts: [String: Int], minCount: Int, limit: Int, buckets: Int) -> Vocabulary {
    let kept = counts.filter { $0.value >= minCount }.sorted {
      $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
    }
    return Vocabulary(words: kept.prefix(limit).map(\.key), buckets: buckets)
  }

  public var rowCount: Int { 2 + words.count + buckets }

  private func bucketRow(_ text: String) -> Int32 {
    Int32(2 + words.count + Int(FNV1a.hash(text) % UInt32(buckets)))
  }

  /// The rows a word (after `previous`) averages: its own row, a bigram bucket and its 3-grams.
  public func bag(word: String, previous: String) -> [Int32] {
    let own = index[word]
    if word.hasPrefix("<") && word.hasSuffix(">") && word.count > 2 {
      return [own ?? bucketRow(word)]
    }
    var bag: [Int32] = [own ?? 1, bucketRow("\u{1}" + previous + " " + word)]
    let marked = Array("<" + word + ">")
    if marked.count >= 3 {
      for start in 0..<min(maxNgrams, marked.count - 2) {
        bag.append(bucketRow(String(marked[start..<(start + 3)])))
      }
    }
    return bag
  }
}

/// Assigns a type id to each distinct (previous word, word) pair and keeps its bag of rows.
public struct TypeTable: Sendable {
  public let vocabulary: Vocabulary
  public private(set) var bags = Bags()
  private var ids: [String: Int32] = [:]

  public init(vocabulary: Vocabulary) { self.vocabulary = vocabulary }

  public var count: Int { bags.count }

  public mutating func id(word: String, previous: String) -> Int32 {
    let key = previous + "\u{1}" + word
    if let id = ids[key] { return id }
    let id = Int32(bags.count)
    bags.append(vocabulary.bag(word: word, previous: previous))
    ids[key] = id
    return id
  }

}
