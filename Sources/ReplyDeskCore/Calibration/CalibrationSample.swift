/// One ranking with its label, for fitting or checking a confidence calibration: the ranker's top
/// score, the margin to the runner-up and whether the top suggestion was the right one.
public struct CalibrationSample: Sendable, Equatable, Codable {
  public var topScore: Double
  /// The top score minus the second score (the top score when there is no second suggestion).
  public var margin: Double
  public var correct: Bool

  public init(topScore: Double, margin: Double, correct: Bool) {
    self.topScore = topScore
    self.margin = margin
    self.correct = correct
  }

  /// The features of `result`, labelled by whether its top suggestion has the id `rightID`; nil
  /// when the result has no suggestions.
  public init?(result: RankingResult, rightID: String) {
    guard let features = CalibrationFeatures(result: result) else { return nil }
    self.init(
      topScore: features.topScore, margin: features.margin, correct: result.suggestions[0].id == rightID)
  }
}

/// The two numbers a calibration reads from a ranking: the top score and its margin.
public struct CalibrationFeatures: Sendable, Equatable {
  public var topScore: Double
  public var margin: Double

  public init(topScore: Double, margin: Double) {
    self.topScore = topScore
    self.margin = margin
  }

  /// The features of a ranking, or nil when it has no suggestions.
  public init?(result: RankingResult) {
    guard let top = result.suggestions.first else { return nil }
    let second = result.suggestions.count > 1 ? result.suggestions[1].score : 0
    self.init(topScore: top.score, margin: max(0, top.score - second))
  }
}
