/// A word-level diff between two texts: the longest common subsequence of their words, reported
/// as runs of equal, deleted and inserted words. Used to show how a representative edited a
/// suggestion.
public struct WordDiff: Sendable, Equatable {
  /// What happened to a run of words.
  public enum Operation: String, Sendable, Equatable, Codable {
    case equal
    case delete
    case insert
  }

  /// Consecutive words with the same operation.
  public struct Run: Sendable, Equatable {
    public var operation: Operation
    public var words: [String]

    public init(_ operation: Operation, _ words: [String]) {
      self.operation = operation
      self.words = words
    }
  }

  public var runs: [Run]

  /// Diffs `original` against `edited`, splitting both on whitespace. Deletions come before
  /// insertions where both happen at the same place.
  public init(from original: String, to edited: String) {
    let old = original.split(whereSeparator: \.isWhitespace).map(String.init)
    let new = edited.split(whereSeparator: \.isWhitespace).map(String.init)
    runs = Self.runs(old, new)
  }

  /// True when the texts have the same words.
  public var isUnchanged: Bool { runs.allSatisfy { $0.operation == .equal } }

  /// Number of words deleted plus words inserted.
  public var changedWordCount: Int {
    runs.filter { $0.operation != .equal }.reduce(0) { $0 + $1.words.count }
  }

  private static func runs(_ old: [String], _ new: [String]) -> [Run] {
    // suffixLCS[i][j]: length of the LCS of old[i...] and new[j...].
    var suffixLCS = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
    for i in stride(from: old.count - 1, through: 0, by: -1) {
      for j in stride(from: new.count - 1, through: 0, by: -1) {
        suffixLCS[i][j] =
          old[i] == new[j] ? suffixLCS[i + 1][j + 1] + 1 : max(suffixLCS[i + 1][j], suffixLCS[i][j + 1])
      }
    }
    var runs: [Run] = []
    func append(_ operation: Operation, _ word: String) {
      if runs.last?.operation == operation {
        runs[runs.count - 1].words.append(word)
      } else {
        runs.append(Run(operation, [word]))
      }
    }
    var i = 0
    var j = 0
    while i < old.count || j < new.count {
      if i < old.count, j < new.count, old[i] == new[j] {
        append(.equal, old[i])
        i += 1
        j += 1
      } else if j == new.count || (i < old.count && suffixLCS[i + 1][j] >= suffixLCS[i][j + 1]) {
        append(.delete, old[i])
        i += 1
      } else {
        append(.insert, new[j])
        j += 1
      }
    }
    return runs
  }
}
