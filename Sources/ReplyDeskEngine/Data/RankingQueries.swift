import Foundation
import ReplyDeskCore

/// One response-selection query (the format of /work/shared/data/eval).
public struct RankingQuery: Codable, Sendable {
  /// A context turn of a query.
  public struct Turn: Codable, Sendable {
    public var speaker: String
    public var text: String

    public init(speaker: String, text: String) {
      self.speaker = speaker
      self.text = text
    }
  }

  public var id: String
  public var context: [Turn]
  /// The customer's profile; in the live protocol's format (docs/live-protocol.md) it gives the
  /// grounding features of the order in question.
  public var profile: JSONValue?
  var candidates: [String]
  /// When the query is asked (ISO 8601 or Unix seconds), for lateness and days since delivery;
  /// now when absent.
  var time: JSONValue?

  public init(
    id: String, context: [Turn], profile: JSONValue?, candidates: [String], time: JSONValue? = nil
  ) {
    self.id = id
    self.context = context
    self.profile = profile
    self.candidates = candidates
    self.time = time
  }

  /// The query's time, else now.
  var date: Date { time.flatMap(LenientProfile.date) ?? Date() }
}

/// The index of the true candidate of one query.
public struct QueryAnswer: Codable, Sendable {
  public var id: String
  public var answer: Int
}

/// Recall at 1, 4 and 10 and mean reciprocal rank; ties count against the true reply (as score.py).
public struct RetrievalMetrics: Sendable, Equatable {
  var count = 0
  public var recallAt1 = 0.0
  var recallAt4 = 0.0
  var recallAt10 = 0.0
  var meanReciprocalRank = 0.0

  init(scores: [[Float]], answers: [Int]) {
    for (s, answer) in zip(scores, answers) {
      let truth = s[answer]
      let rank = 1 + s.indices.filter { $0 != answer && s[$0] >= truth }.count
      recallAt1 += rank <= 1 ? 1 : 0
      recallAt4 += rank <= 4 ? 1 : 0
      recallAt10 += rank <= 10 ? 1 : 0
      meanReciprocalRank += 1 / Double(rank)
      count += 1
    }
    let n = Double(max(count, 1))
    recallAt1 /= n
    recallAt4 /= n
    recallAt10 /= n
    meanReciprocalRank /= n
  }

  public var json: String {
    func r(_ x: Double) -> String { String(format: "%.4f", x) }
    return "{\"n\": \(count), \"R@1\": \(r(recallAt1)), \"R@4\": \(r(recallAt4)), "
      + "\"R@10\": \(r(recallAt10)), \"MRR\": \(r(meanReciprocalRank))}"
  }
}

/// Reads JSON-lines files with a clear error naming the line at fault.
public enum JSONLines {
  public static func read<T: Decodable>(_ type: T.Type, path: String) throws -> [T] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CorpusError("\(path): cannot read file")
    }
    return try decode(type, data: data, name: path)
  }

  static func decode<T: Decodable>(_ type: T.Type, data: Data, name: String) throws -> [T] {
    let decoder = JSONDecoder()
    var out: [T] = []
    for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      .enumerated()
    where !line.allSatisfy({ $0 == 32 || $0 == 13 }) {
      do { out.append(try decoder.decode(T.self, from: Data(line))) } catch {
        throw CorpusError("\(name):\(number + 1): not a valid \(T.self) line")
      }
    }
    return out
  }
}
