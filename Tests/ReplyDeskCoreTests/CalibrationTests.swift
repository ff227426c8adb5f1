import Foundation
import ReplyDeskCore
import Testing

/// A seeded SplitMix64 generator, so synthetic data is the same on every run.
private struct Seeded: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Samples whose true probability of being right is `truth(top, margin)`.
private func synthetic(
  count: Int, seed: UInt64,
  truth: (Double, Double) -> Double = { top, margin in
    1 / (1 + exp(-(-4 + 5 * top + 4 * margin)))
  }
) -> [CalibrationSample] {
  var random = Seeded(state: seed)
  return (0..<count).map { _ in
    let top = Double.random(in: 0.05...1, using: &random)
    let margin = Double.random(in: 0...top, using: &random) * 0.6
    let right = Double.random(in: 0..<1, using: &random) < truth(top, margin)
    return CalibrationSample(topScore: top, margin: margin, correct: right)
  }
}

@Test func isotonicRegressionIsMonotoneAndPoolsViolators() {
  let fit = IsotonicRegression(points: [(1, 0), (2, 1), (3, 0), (4, 1), (5, 1)])
  #expect(fit.xs == [1, 2, 3, 4, 5])
  #expect(fit.ys == [0, 0.5, 0.5, 1, 1])
  #expect(fit.value(at: 1.5) == 0.25)
  #expect(fit.value(at: 0) == 0)
  #expect(fit.value(at: 2.5) == 0.5)
  #expect(fit.value(at: 9) == 1)
  #expect(zip(fit.ys, fit.ys.dropFirst()).allSatisfy { $0 <= $1 })
  #expect(IsotonicRegression(points: []).value(at: 3) == 0.5)
  let coarse = IsotonicRegression(points: [(1, 0), (2, 0), (3, 1), (4, 1)], minimumWeight: 3)
  #expect(coarse.xs == [1, 4])
  #expect(coarse.ys == [0.5, 0.5])
}

@Test func calibrationIsMonotoneInScoreAndMargin() throws {
  let calibration = try ConfidenceCalibration(fitting: synthetic(count: 3000, seed: 1))
  #expect(calibration.topWeight >= 0)
  #expect(calibration.marginWeight >= 0)
  let grid = stride(from: 0.0, through: 1.0, by: 0.05)
  for top in grid {
    for margin in grid {
      let here = calibration.probability(CalibrationFeatures(topScore: top, margin: margin))
      let higher = calibration.probability(CalibrationFeatures(topScore: top + 0.05, margin: margin))
      let wider = calibration.probability(CalibrationFeatures(topScore: top, margin: margin + 0.05))
      #expect(here <= higher && here <= wider)
      #expect((0...1).contains(here))
    }
  }
}

@Test func calibrationIsWellCalibratedOnHeldOutSyntheticData() throws {
  let calibration = try ConfidenceCalibration(fitting: synthetic(count: 4000, seed: 2))
  let report = CalibrationReport(samples: synthetic(count: 4000, seed: 3), calibration: calibration)
  #expect(report.bands.map(\.lower) == [0, 0.5, 0.7, 0.8, 0.9])
  #expect(report.bands.reduce(0) { $0 + $1.count } == 4000)
  #expect(report.expectedCalibrationError < 0.04)
  for band in report.bands where band.count >= 200 {
    let accuracy = try #require(band.accuracy)
    #expect(accuracy >= band.lower - 0.06 && accuracy <= band.upper + 0.06, "\(band)")
  }
  #expect(report.table.contains("0.9-1.0"))
}

@Test func aScoreThatCarriesNoSignalGivesTheBaseRate() throws {
  let calibration = try ConfidenceCalibration(
    fitting: synthetic(count: 3000, seed: 4, truth: { _, _ in 0.3 }))
  for top in [0.1, 0.5, 0.9] {
    let confidence = calibration.probability(CalibrationFeatures(topScore: top, margin: top / 3))
    #expect(abs(confidence - 0.3) < 0.12, "\(top): \(confidence)")
  }
}

@Test func fittingRefusesTooLittleOrOneSidedData() {
  #expect(throws: ConfidenceCalibration.FitError.tooFewSamples(3, needed: 20)) {
    try ConfidenceCalibration(fitting: Array(synthetic(count: 3, seed: 5)))
  }
  let allRight = (0..<30).map { CalibrationSample(topScore: Double($0) / 30, margin: 0.1, correct: true) }
  #expect(throws: ConfidenceCalibration.FitError.oneClassOnly) {
    try ConfidenceCalibration(fitting: allRight)
  }
}

/// A ranker with fixed scores, to check what the calibrated wrapper adds.
private struct ScoresRanker: SuggestionRanker {
  let name = "scores"
  let scores: [Double]

  func rank(_ request: RankingRequest) -> RankingResult {
    let suggestions = scores.enumerated().map { index, score in
      Suggestion(source: .template(id: "t\(index)"), segments: [.literal("reply \(index)")], score: score)
    }
    return RankingResult(request: request, suggestions: suggestions, rankerName: name)
  }
}

@Test func calibratedRankerFillsConfidenceAndKeepsTheSuggestions() throws {
  let calibration = try ConfidenceCalibration(fitting: synthetic(count: 2000, seed: 6))
  let request = RankingRequest(
    chat: ChatID("c"), generation: 1, context: [],
    profile: CustomerProfile(id: "p", firstName: "A", lastName: "B"))
  let base = ScoresRanker(scores: [0.9, 0.3])
  let wrapped = CalibratedRanker(base: base, calibration: calibration)
  let result = wrapped.rank(request)
  #expect(result.suggestions == base.rank(request).suggestions)
  #expect(wrapped.name == "scores")
  let expected = calibration.probability(CalibrationFeatures(topScore: 0.9, margin: 0.6))
  #expect(result.confidence == expected)
  #expect(base.rank(request).confidence == nil)
  #expect(
    CalibratedRanker(base: ScoresRanker(scores: []), calibration: calibration).rank(request).confidence == nil
  )
  let sample = try #require(CalibrationSample(result: result, rightID: "t1"))
  #expect(sample.topScore == 0.9 && abs(sample.margin - 0.6) < 1e-9 && !sample.correct)
}
