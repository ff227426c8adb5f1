import Foundation

/// Top-1 accuracy per confidence band on held-out rankings, to show whether a confidence threshold
/// means what it says (of the rankings given 0.8 to 0.9, between 80 and 90 percent should be right).
public struct CalibrationReport: Sendable, Equatable {
  /// One confidence band: how many rankings fell in it, how many were right, and their mean confidence.
  public struct Band: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var count: Int
    public var correct: Int
    public var meanConfidence: Double?

    /// The share of rankings in the band whose top suggestion was right.
    public var accuracy: Double? { count > 0 ? Double(correct) / Double(count) : nil }
  }

  /// The band edges the report uses: 0-0.5, 0.5-0.7, 0.7-0.8, 0.8-0.9 and 0.9-1.
  public static let edges: [Double] = [0, 0.5, 0.7, 0.8, 0.9, 1]

  public private(set) var bands: [Band]

  /// Bands the held-out `samples` by the confidence `calibration` gives them.
  public init(samples: [CalibrationSample], calibration: ConfidenceCalibration) {
    var bands = zip(Self.edges, Self.edges.dropFirst()).map {
      Band(lower: $0, upper: $1, count: 0, correct: 0, meanConfidence: nil)
    }
    var sums = [Double](repeating: 0, count: bands.count)
    for sample in samples {
      let confidence = calibration.probability(
        CalibrationFeatures(topScore: sample.topScore, margin: sample.margin))
      let index = bands.lastIndex { confidence >= $0.lower } ?? 0
      bands[index].count += 1
      bands[index].correct += sample.correct ? 1 : 0
      sums[index] += confidence
    }
    for index in bands.indices where bands[index].count > 0 {
      bands[index].meanConfidence = sums[index] / Double(bands[index].count)
    }
    self.bands = bands
  }

  /// The expected calibration error: the count-weighted mean gap between confidence and accuracy.
  public var expectedCalibrationError: Double {
    let total = bands.reduce(0) { $0 + $1.count }
    guard total > 0 else { return 0 }
    return bands.reduce(0.0) { sum, band in
      guard let accuracy = band.accuracy, let confidence = band.meanConfidence else { return sum }
      return sum + Double(band.count) / Double(total) * abs(accuracy - confidence)
    }
  }

  /// A plain-text table, one line per band.
  public var table: String {
    var lines = ["confidence  rankings  top-1 accuracy  mean confidence"]
    for band in bands {
      let range = "\(format(band.lower, digits: 1))-\(format(band.upper, digits: 1))"
      let accuracy = band.accuracy.map { format($0 * 100, digits: 1) + "%" } ?? "-"
      let mean = band.meanConfidence.map { format($0, digits: 3) } ?? "-"
      lines.append(
        range.padding(12) + String(band.count).padding(10) + accuracy.padding(16) + mean)
    }
    lines.append("expected calibration error: \(format(expectedCalibrationError, digits: 3))")
    return lines.joined(separator: "\n")
  }

  private func format(_ value: Double, digits: Int) -> String {
    String(format: "%.\(digits)f", value)
  }
}

extension String {
  /// The string padded with spaces on the right to `width` characters.
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
