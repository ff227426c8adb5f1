import ReplyDeskCore

@testable import ReplyDeskEngine

/// Central-difference gradient checks in Float with a relative-error threshold.
enum GradientCheck {
  /// The worst relative error between `analytic` and the numerical gradient of `loss` at `value`,
  /// over up to `samples` entries chosen by a seeded generator.
  static func worstError(
    _ value: Matrix, analytic: Matrix, samples: Int = 24, epsilon: Float = 1e-3, loss: (Matrix) -> Float
  ) -> Float {
    var rng = SeededGenerator(seed: 99, skip: 1)
    var worst: Float = 0
    let indices =
      value.count <= samples
      ? Array(0..<value.count)
      : (0..<samples).map { _ in
        Int.random(in: 0..<value.count, using: &rng)
      }
    for index in indices {
      var plus = value
      plus.data[index] += epsilon
      var minus = value
      minus.data[index] -= epsilon
      let numeric = (loss(plus) - loss(minus)) / (2 * epsilon)
      let exact = analytic.data[index]
      let error = abs(numeric - exact) / max(abs(numeric) + abs(exact), 1e-2)
      worst = max(worst, error)
    }
    return worst
  }

  /// The relative error of the analytic gradient's length, measured by a central difference along
  /// its own direction: the loss there changes fastest, so rounding in Float matters least. A
  /// gradient 5% too large or too small scores about 0.05 however small its entries are (the
  /// worst per-entry error, with its floor, lets that pass). The step moves the loss by about
  /// `lossChange`, within 1e-3...6e-3 (smaller steps drown in rounding, larger ones meet ReLU kinks).
  static func scaleError(
    _ value: Matrix, analytic: Matrix, lossChange: Double = 2e-3, loss: (Matrix) -> Float
  ) -> Float {
    let length = analytic.data.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
    guard length > 0 else { return 0 }
    let step = Float(min(6e-3, max(1e-3, lossChange / length)))
    var plus = value
    var minus = value
    for index in value.data.indices {
      let direction = Float(Double(analytic.data[index]) / length)
      plus.data[index] += step * direction
      minus.data[index] -= step * direction
    }
    let numeric = Double(loss(plus) - loss(minus)) / Double(2 * step)
    return Float(abs(numeric - length) / length)
  }

  /// A random matrix from a seed, values in -1...1 (times `scale`).
  static func random(_ rows: Int, _ cols: Int, seed: UInt64, scale: Float = 1) -> Matrix {
    var rng = SeededGenerator(seed: seed, skip: 1)
    return .random(rows: rows, cols: cols, scale: scale, using: &rng)
  }

  /// sum(a * b) over all entries: the scalar loss that weights an output by a fixed random tensor.
  static func weightedSum(_ a: Matrix, _ b: Matrix) -> Float {
    zip(a.data, b.data).reduce(0) { $0 + $1.0 * $1.1 }
  }
}
