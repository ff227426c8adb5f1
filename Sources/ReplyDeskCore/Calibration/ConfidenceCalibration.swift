import Foundation

/// A monotone map from a ranking's top score and margin to the probability that its top suggestion
/// is right. Fitting is two steps: logistic regression (Platt scaling) with non-negative weights
/// folds the two features into one score, then isotonic regression maps that score to a probability,
/// so a higher score or a wider margin never lowers the confidence.
public struct ConfidenceCalibration: Sendable, Equatable, Codable {
  /// Weight of the top score in the combined score; never negative.
  public private(set) var topWeight: Double
  /// Weight of the margin in the combined score; never negative.
  public private(set) var marginWeight: Double
  public private(set) var isotonic: IsotonicRegression

  /// Why a calibration could not be fitted.
  public enum FitError: Error, Equatable, CustomStringConvertible {
    case tooFewSamples(Int, needed: Int)
    case oneClassOnly

    public var description: String {
      switch self {
      case .tooFewSamples(let count, let needed):
        return "calibration needs at least \(needed) labelled rankings, got \(count)"
      case .oneClassOnly:
        return "calibration needs both right and wrong top suggestions in its samples"
      }
    }
  }

  public static let minimumSamples = 20

  /// Fits the calibration to labelled samples.
  public init(fitting samples: [CalibrationSample]) throws {
    guard samples.count >= Self.minimumSamples else {
      throw FitError.tooFewSamples(samples.count, needed: Self.minimumSamples)
    }
    guard samples.contains(where: \.correct), samples.contains(where: { !$0.correct }) else {
      throw FitError.oneClassOnly
    }
    let weights = Self.logisticWeights(samples)
    topWeight = weights.top
    marginWeight = weights.margin
    let combine = { (sample: CalibrationSample) in
      weights.top * sample.topScore + weights.margin * sample.margin
    }
    isotonic = IsotonicRegression(
      points: samples.map { (combine($0), $0.correct ? 1 : 0) },
      minimumWeight: max(10, Double(samples.count) / 40))
  }

  /// The probability that a top suggestion with these features is right.
  public func probability(_ features: CalibrationFeatures) -> Double {
    isotonic.value(at: topWeight * features.topScore + marginWeight * features.margin)
  }

  /// Projected gradient descent on the mean log loss of `sigmoid(bias + top * s + margin * m)`,
  /// keeping both feature weights at or above zero.
  private static func logisticWeights(_ samples: [CalibrationSample]) -> (top: Double, margin: Double) {
    var (bias, top, margin) = (0.0, 1.0, 1.0)
    let count = Double(samples.count)
    let rate = 2.0
    for _ in 0..<3000 {
      var (gradientBias, gradientTop, gradientMargin) = (0.0, 0.0, 0.0)
      for sample in samples {
        let z = bias + top * sample.topScore + margin * sample.margin
        let error = 1 / (1 + exp(-z)) - (sample.correct ? 1 : 0)
        gradientBias += error
        gradientTop += error * sample.topScore
        gradientMargin += error * sample.margin
      }
      bias -= rate * gradientBias / count
      top = max(0, top - rate * gradientTop / count)
      margin = max(0, margin - rate * gradientMargin / count)
    }
    if top == 0 && margin == 0 { top = 1 }
    return (top, margin)
  }
}
