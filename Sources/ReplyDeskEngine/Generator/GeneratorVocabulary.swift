/// The generator's closed token list: control tokens first, then words (slot tokens included) seen
/// in training. The decoder can only write tokens from this list.
public struct GeneratorVocabulary: Sendable, Equatable {
  static let pad = 0
  static let unknown = 1
  public static let reply = 2
  public static let end = 3
  public static let profile = 4
  /// Speaker marks: customer, agent, system (speaker code added to this).
  public static let firstSpeaker = 5
  static let control = [
    "<pad>", "<unk>", "<reply>", "<end>", "<profile>", "<customer>", "<agent>", "<system>",
  ]

  let tokens: [String]
  private let index: [String: Int]

  public init(words: [String]) {
    let words = words.filter { !Self.control.contains($0) }
    tokens = Self.control + words
    index = Dictionary(tokens.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// Keeps words seen at least `minCount` times, most frequent first, at most `limit`.
  public static func build(counts: [String: Int], minCount: Int = 2, limit: Int) -> GeneratorVocabulary {
    let kept = counts.filter { $0.value >= minCount }.sorted {
      $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
    }
    return GeneratorVocabulary(words: kept.prefix(limit).map(\.key))
  }

  public var count: Int { tokens.count }
  var words: [String] { Array(tokens[Self.control.count...]) }

  public func id(_ word: String) -> Int { index[word] ?? Self.unknown }

  /// Whether the token is a control token the decoder must never write (all but `<end>`).
  public static func isControl(_ id: Int) -> Bool { id < control.count && id != end }
}
