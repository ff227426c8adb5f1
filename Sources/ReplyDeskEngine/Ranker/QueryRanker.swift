import Foundation
import ReplyDeskCore

/// Scores query lines with a model; a candidate text seen before reuses its encoding. A profile in
/// the live protocol's format is read with `LenientProfile` and the order in question resolved from
/// the query's context, as the console does.
/// Not thread-safe: one per command or per training evaluation.
public final class QueryRanker {
  let model: RankerModel
  private var table: TypeTable
  private var cache: [String: CandidateEncodings] = [:]
  private let encoder: RankerInputEncoder

  public init(model: RankerModel) {
    self.model = model
    table = TypeTable(vocabulary: model.vocabulary)
    encoder = RankerInputEncoder(config: model.config)
  }

  /// How many distinct candidate texts have been encoded.
  var cachedCandidates: Int { cache.count }

  public func scores(for query: RankingQuery) throws -> [Float] {
    var turns: [(speaker: Int, text: String)] = []
    for turn in query.context {
      guard let speaker = SpeakerCode.code(turn.speaker) else {
        throw CorpusError("query \(query.id): unknown speaker \"\(turn.speaker)\"")
      }
      turns.append((speaker, turn.text))
    }
    let profile = ProfileText(query.profile)
    let features = GroundingFeatures.tokens(profile: query.profile, turns: turns, now: query.date)
    let context = encoder.encodeContext(turns, profile: profile, features: features, table: &table)
    let parts = query.candidates.map { text in
      let words = profile.mask(WordSplitter.words(text, templateSlots: true))
      let key = words.joined(separator: " ")
      if let cached = cache[key] { return cached }
      let reply = encoder.encode(Array(words.prefix(model.config.maxReplyWords)), table: &table)
      let encoded = model.encodeCandidates([reply], bags: table.bags)
      cache[key] = encoded
      return encoded
    }
    guard !parts.isEmpty else { return [] }
    return model.score(context, bags: table.bags, candidates: .joining(parts)).scores
  }

  /// Reads query lines and writes one `{"scores": [...]}` line per query; a bad line is reported
  /// with its number and answered with an empty score list so later lines keep their positions.
  /// Returns how many lines were bad.
  @discardableResult
  public func run<Lines: Sequence<String>>(
    lines: Lines, output: (String) -> Void, errors: (String) -> Void
  ) -> Int {
    let decoder = JSONDecoder()
    var number = 0
    var failed = 0
    for line in lines {
      number += 1
      if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      do {
        let query = try decoder.decode(RankingQuery.self, from: Data(line.utf8))
        output(Self.scoresLine(try scores(for: query)))
      } catch let error as CorpusError {
        errors("line \(number): \(error.message)")
        output(Self.scoresLine([]))
        failed += 1
      } catch {
        errors("line \(number): not a valid query (\(Self.describe(error)))")
        output(Self.scoresLine([]))
        failed += 1
      }
    }
    return failed
  }

  /// A short reason for a decoding failure: the missing or mistyped field.
  static func describe(_ error: Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      return "wrong type at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
    case DecodingError.dataCorrupted: return "not JSON"
    default: return ErrorText.sentence(for: error)
    }
  }

  static func scoresLine(_ scores: [Float]) -> String {
    "{\"scores\": [" + scores.map { String(format: "%.6g", $0) }.joined(separator: ", ") + "]}"
  }
}
