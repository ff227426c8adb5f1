import Foundation
import ReplyDeskCore

/// Reads what a reply means with the neural ranker's candidate tower: the reply and every candidate
/// template (filled from the order in question) are encoded as the ranker encodes its templates,
/// profile values masked as slot tokens, and the reply means the candidate whose pooled vector (the
/// tower's attention pooling over its word and trigram embeddings) is nearest by cosine, if that
/// cosine reaches `threshold`.
public struct NeuralReplyReader: ReplyReader {
  /// The cosine below which a reply means no template, measured on the project's own templates
  /// filled for generated customers: 80% of them have no template of another intent this close
  /// (the median template's nearest such template is at 0.52; see the README's practice section).
  public static let defaultThreshold = 0.6
  let model: RankerModel
  let threshold: Double
  public let name: String

  public init(model: RankerModel, threshold: Double = defaultThreshold) {
    self.model = model
    self.threshold = threshold
    name = "neural v\(ModelFile.version)"
  }

  public func meaning(of reply: String, in chat: RankingRequest, candidates: [ReplyCandidate])
    -> ReplyMeaning?
  {
    let similarities = similarities(of: reply, to: candidates.map(\.text), profile: chat.profile)
    guard let best = similarities.indices.max(by: { similarities[$0] < similarities[$1] }),
      similarities[best] >= threshold
    else { return nil }
    let candidate = candidates[best]
    return ReplyMeaning(
      templateID: candidate.templateID, text: candidate.text, similarity: similarities[best])
  }

  /// The cosine between `reply` and each of `texts`, through one candidate-tower pass over all of
  /// them: pooled vectors centred on the mean of the texts' vectors, since every vector shares a
  /// large common part that would make any two replies look alike. (Pooled vectors read paraphrases
  /// better than the tower's scoring outputs: 74% against 40% of paraphrases on the project's
  /// templates with a briefly trained default model.)
  func similarities(of reply: String, to texts: [String], profile: CustomerProfile) -> [Double] {
    guard !texts.isEmpty else { return [] }
    var table = TypeTable(vocabulary: model.vocabulary)
    let encoder = RankerInputEncoder(config: model.config)
    let masking = ProfileText(NeuralRanker.profileJSON(profile))
    let encoded = ([reply] + texts).map { encoder.encodeReply($0, profile: masking, table: &table) }
    let pooled = model.pooledCandidates(encoded, bags: table.bags)  // [1 + texts, d]
    let d = pooled.cols
    var mean = [Float](repeating: 0, count: d)
    for row in 1..<pooled.rows {
      for k in 0..<d { mean[k] += pooled[row, k] / Float(texts.count) }
    }
    let vectors = (0..<pooled.rows).map { row in (0..<d).map { pooled[row, $0] - mean[$0] } }
    let replyNorm = Self.norm(vectors[0])
    return vectors.dropFirst().map { vector in
      let norm = replyNorm * Self.norm(vector)
      let dot = zip(vectors[0], vector).reduce(Float(0)) { $0 + $1.0 * $1.1 }
      return norm > 0 ? Double(dot / norm) : 0
    }
  }

  private static func norm(_ vector: [Float]) -> Float {
    vector.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
  }
}
