import Foundation
import ReplyDeskCore

/// Wraps any ranker: returns its suggestions unchanged and in order, then appends the generated reply
/// (source `.generated(model:)`) last, so the list never moves under the representative's cursor.
public struct GeneratingRanker: SuggestionRanker {
  public let wrapped: any SuggestionRanker
  public let generator: ReplyGenerator

  public init(wrapping ranker: any SuggestionRanker, generator: ReplyGenerator) {
    wrapped = ranker
    self.generator = generator
  }

  public var name: String { "\(wrapped.name) + generated" }

  public func rank(_ request: RankingRequest) -> RankingResult {
    var result = wrapped.rank(request)
    let start = DispatchTime.now().uptimeNanoseconds
    let now = request.context.last?.time ?? Date()
    if case .success(let generated) = generator.suggestion(
      context: request.context, profile: request.profile, now: now)
    {
      result.suggestions.append(generated)
    }
    result.rankerName = name
    result.elapsedMilliseconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    return result
  }
}
