/// The ranker's sizes and input limits, stored in the model file.
public struct RankerConfig: Codable, Sendable, Equatable {
  var dim = 64
  var hidden = 256
  var buckets = 32768
  var maxTurns = 8
  var maxTurnWords = 40
  var maxContextWords = 160
  var maxReplyWords = 48
  var maxProfileWords = 48
  var recencyBuckets = 8

  public init() {}

  /// Match groups: newest customer turn, newest agent turn, older customer turns, older agent or
  /// system turns; plus one weight for candidate words found nowhere.
  static let matchGroups = 4
  /// How many distinct match masks there are (one bit per group).
  static let matchMasks = 1 << matchGroups
}

/// The trainable tensors of the ranker, in file order.
enum RankerParameter: Int, CaseIterable, Sendable {
  case embedding, speaker, recency
  case contextPoolQuery, candidatePoolQuery
  case contextW1, contextB1, contextGain, contextBias, contextW2, contextB2
  case candidateW1, candidateB1, candidateGain, candidateBias, candidateW2, candidateB2
  case termW, termB, matchWeights
  case turnPoolQuery
  case profilePoolQuery, profileReadW

  /// Rows and columns of this tensor for `config` and a table of `rows` rows.
  func shape(_ config: RankerConfig, rows: Int) -> (Int, Int) {
    let d = config.dim
    let h = config.hidden
    switch self {
    case .embedding: return (rows, d)
    case .speaker: return (3, d)
    case .recency: return (config.recencyBuckets, d)
    case .contextPoolQuery, .candidatePoolQuery, .turnPoolQuery, .profilePoolQuery, .contextB2: return (1, d)
    case .profileReadW: return (d, d)
    case .contextW1, .candidateW1: return (d, h)
    case .contextB1, .contextGain, .contextBias, .candidateB1, .candidateGain, .candidateBias: return (1, h)
    case .contextW2: return (h, d)
    case .candidateW2: return (h, RankerTower.candidateParts * d)
    case .candidateB2: return (1, RankerTower.candidateParts * d)
    case .termW: return (d, 1)
    case .termB: return (1, 1)
    case .matchWeights: return (1, RankerConfig.matchGroups + 1)
    }
  }
}
