import ReplyDeskCore

extension RankerModel {
  /// The same model with `words` added to its vocabulary (words it knows already, and repeats, are
  /// skipped), for training on from these weights with a corpus that uses them. Each new word's
  /// embedding row goes after the known words and before the hashed buckets, and starts as the mean
  /// of the bucket rows the word fell into before (its character 3-grams; a `<marker>` token's own
  /// bucket), so an unseen word starts where the model already put it. Every other row and tensor
  /// keeps its weights: an input of known words scores exactly as with the original model.
  public func growingVocabulary(with words: [String]) -> RankerModel {
    let known = Set(vocabulary.words)
    var seen = Set<String>()
    let added = words.filter { !known.contains($0) && seen.insert($0).inserted }
    guard !added.isEmpty else { return self }
    let grown = Vocabulary(
      words: vocabulary.words + added, buckets: vocabulary.buckets, maxNgrams: vocabulary.maxNgrams)
    let table = self[.embedding]  // [rows, dim]
    let dim = table.cols
    let knownRows = 2 + vocabulary.words.count
    var rows = Matrix(rows: grown.rowCount, cols: dim)
    rows.data.replaceSubrange(0..<(knownRows * dim), with: table.data[0..<(knownRows * dim)])
    for (k, word) in added.enumerated() {
      let sources = vocabulary.ownBucketRows(of: word)
      let start = (knownRows + k) * dim
      for source in sources {
        for c in 0..<dim { rows.data[start + c] += table.data[source * dim + c] / Float(sources.count) }
      }
    }
    let bucketStart = (knownRows + added.count) * dim
    rows.data.replaceSubrange(
      bucketStart..<(bucketStart + vocabulary.buckets * dim), with: table.data[(knownRows * dim)...])
    var model = RankerModel(config: config, vocabulary: grown, parameters: parameters)
    model.parameters[RankerParameter.embedding.rawValue] = rows
    return model
  }
}

extension Vocabulary {
  /// The bucket rows of `word` that do not depend on the word before it: its character 3-grams, or
  /// for a `<marker>` token the one bucket it hashes to.
  func ownBucketRows(of word: String) -> [Int] {
    let first = 2 + words.count
    if word.hasPrefix("<") && word.hasSuffix(">") && word.count > 2 {
      return [first + Int(FNV1a.hash(word) % UInt32(buckets))]
    }
    let hashes = Self.trigramHashes(of: word, limit: maxNgrams)
    return hashes.isEmpty ? [1] : hashes.map { first + Int($0 % UInt32(buckets)) }
  }

  /// Words of `conversations` that a model with this vocabulary does not know and that
  /// `TrainingData.vocabulary` would keep (seen at least twice), most frequent first.
  public func newWords(in conversations: [CorpusConversation], config: RankerConfig) -> [String] {
    let known = Set(words)
    return TrainingData.vocabulary(conversations, config: config).words.filter { !known.contains($0) }
  }
}
