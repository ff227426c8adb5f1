/// The reply generator's sizes and input limits, stored in its model file.
public struct GeneratorConfig: Codable, Sendable, Equatable {
  public var dim = 128
  var ffn = 384
  public var layers = 2
  /// Prefix tokens: profile words, then the newest turns (oldest dropped first).
  public var maxContextTokens = 72
  var maxProfileWords = 12
  var maxTurns = 6
  var maxReplyTokens = 40
  public var vocabularyLimit = 8000

  public init() {}

  /// Positions the model can see: the prefix, the reply and its end token.
  var maxSequence: Int { maxContextTokens + maxReplyTokens + 2 }
}

/// The trainable tensors of one transformer block, in file order.
enum GeneratorBlockParameter: Int, CaseIterable {
  case attentionGain, attentionBias, wq, bq, wk, bk, wv, bv, wo, bo
  case feedForwardGain, feedForwardBias, w1, b1, w2, b2

  func shape(_ config: GeneratorConfig) -> (rows: Int, cols: Int) {
    let d = config.dim
    switch self {
    case .attentionGain, .attentionBias, .bq, .bk, .bv, .bo, .feedForwardGain, .feedForwardBias, .b2:
      return (1, d)
    case .wq, .wk, .wv, .wo: return (d, d)
    case .w1: return (d, config.ffn)
    case .b1: return (1, config.ffn)
    case .w2: return (config.ffn, d)
    }
  }
}

/// Where each tensor sits in the generator's flat parameter list: token table (tied with the output
/// layer), positions, the blocks, the final norm and the output bias.
struct GeneratorLayout {
  let config: GeneratorConfig
  let vocabularySize: Int

  static let embedding = 0
  static let position = 1
  var finalGain: Int { 2 + config.layers * GeneratorBlockParameter.allCases.count }
  var finalBias: Int { finalGain + 1 }
  var outputBias: Int { finalGain + 2 }
  var count: Int { finalGain + 3 }

  func index(_ layer: Int, _ parameter: GeneratorBlockParameter) -> Int {
    2 + layer * GeneratorBlockParameter.allCases.count + parameter.rawValue
  }

  /// The shape of every tensor, in file order.
  var shapes: [(rows: Int, cols: Int)] {
    var shapes = [(vocabularySize, config.dim), (config.maxSequence, config.dim)]
    for _ in 0..<config.layers {
      shapes += GeneratorBlockParameter.allCases.map { $0.shape(config) }
    }
    return shapes + [(1, config.dim), (1, config.dim), (1, vocabularySize)]
  }
}
