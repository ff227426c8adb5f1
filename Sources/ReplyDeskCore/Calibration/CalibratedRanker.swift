/// Wraps any ranker and fills `RankingResult.confidence` from a fitted calibration, so the console's
/// autopilot can compare it with a threshold. The suggestions and their order are left unchanged.
public struct CalibratedRanker: SuggestionRanker {
  public let base: any SuggestionRanker
  public let calibration: ConfidenceCalibration

  public init(base: any SuggestionRanker, calibration: ConfidenceCalibration) {
    self.base = base
    self.calibration = calibration
  }

  public var name: String { base.name }

  public func rank(_ request: RankingRequest) -> RankingResult {
    var result = base.rank(request)
    result.confidence = CalibrationFeatures(result: result).map(calibration.probability)
    return result
  }
}
