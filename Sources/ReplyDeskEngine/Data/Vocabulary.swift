/// Word rows and hashed buckets of the embedding table. Row layout: 0 padding, 1 unknown word,
/// `2..<2 + words.count` known words, then `buckets` rows shared by hashed bigrams and character
/// 3-grams, so a typo or an unseen word still lands near its neighbours.
public struct Vocabulary: Sendable, Equatable {
  public let words: [String]
  let buckets: Int
  let maxNgrams: Int
  private let index: [String: Int32]

  init(words: [String], buckets: Int, maxNgrams: Int = 12) {
    self.words = words
    self.buckets = buckets
    self.maxNgrams = maxNgrams
    var index: [String: Int32] = [:]
    for (i, word) in words.enumerated() { index[word] = Int32(i + 2) }
    self.index = index
  }

  /// Keeps words seen at least `minCount` times (most frequent first, at most `limit`).
  static func build(counts: [String: Int], minCount: Int, limit: Int, buckets: Int) -> Vocabulary {
    let kept = counts.filter { $0.value >= minCount }.sorted {
      $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
    }
    return Vocabulary(words: kept.prefix(limit).map(\.key), buckets: buckets)
  }

  var rowCount: Int { 2 + words.count + buckets }

  private func bucketRow(_ text: String) -> Int32 {
    bucketRow(hash: FNV1a.hash(text))
  }

  private func bucketRow(hash: UInt32) -> Int32 {
    Int32(2 + words.count + Int(hash % UInt32(buckets)))
  }

  /// The rows a word (after `previous`) averages: its own row, a bigram bucket and its 3-grams.
  func bag(word: String, previous: String) -> [Int32] {
    let own = index[word]
    if word.hasPrefix("<") && word.hasSuffix(">") && word.count > 2 {
      return [own ?? bucketRow(word)]
    }
    // The hash of "\u{1}" + previous + " " + word, piece by piece.
    let bigram = FNV1a.hash(word, seed: FNV1a.hash(" ", seed: FNV1a.hash(previous, seed: Self.bigramSeed)))
    var bag: [Int32] = [own ?? 1, bucketRow(hash: bigram)]
    for trigram in Self.trigramHashes(of: word, limit: maxNgrams) {
      bag.append(bucketRow(hash: trigram))
    }
    return bag
  }

  private static let bigramSeed = FNV1a.hash("\u{1}")

  /// The hash of each of the first `limit` character 3-grams of `<word>` (byte slices for ASCII
  /// words: the same hashes as hashing each 3-gram's text).
  static func trigramHashes(of word: String, limit: Int) -> [UInt32] {
    if !word.utf8.contains(where: { $0 >= 0x80 || $0 == 0x0D }) {
      let marked = [UInt8(ascii: "<")] + Array(word.utf8) + [UInt8(ascii: ">")]
      return (0..<max(0, min(limit, marked.count - 2))).map { FNV1a.hash(bytes: marked[$0..<($0 + 3)]) }
    }
    let marked = Array("<" + word + ">")
    return (0..<max(0, min(limit, marked.count - 2))).map { FNV1a.hash(String(marked[$0..<($0 + 3)])) }
  }
}

/// Assigns a type id to each distinct (previous word, word) pair and keeps its bag of rows.
struct TypeTable: Sendable {
  let vocabulary: Vocabulary
  private(set) var bags = Bags()
  private var ids: [String: Int32] = [:]

  init(vocabulary: Vocabulary) { self.vocabulary = vocabulary }

  var count: Int { bags.count }

  mutating func id(word: String, previous: String) -> Int32 {
    let key = previous + "\u{1}" + word
    if let id = ids[key] { return id }
    let id = Int32(bags.count)
    bags.append(vocabulary.bag(word: word, previous: previous))
    ids[key] = id
    return id
  }

}
