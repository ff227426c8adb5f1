import ReplyDeskCore
import Testing

@testable import ReplyDeskEngine

/// The whole ranker's backward pass against central differences, tensor by tensor.
struct ModelGradientTests {
  @Test(arguments: RankerParameter.allCases)
  func trainingStepGradient(_ name: RankerParameter) {
    let (data, start) = SyntheticCorpus.setUp()
    // Distinct replies: the examples 0, 2, 4, … all answer "Hi, how can I help?", so each masks the
    // others as negatives, the loss is 0 and every gradient checked was zero.
    let batch = data.batch([0, 1, 3, 5, 7, 9])
    var (worst, scale, largest) = errors(name, model: start, data: data, batch: batch)
    if scale >= 3e-2 {
      // A ReLU kink near the point checked bends the finite difference there, and only there; a
      // wrong gradient is as wrong at any point, so one more point tells the two apart.
      (worst, scale, largest) = errors(name, model: start, data: data, batch: batch, noiseSeed: 150)
    }
    #expect(largest > 1e-4, "\(name): the gradient must not vanish (largest entry \(largest))")
    // Per entry, Float rounding reaches 0.035 on a few tensors; a wrong entry scores near 1.
    #expect(worst < 5e-2, "\(name): worst relative error \(worst)")
    // A gradient 5% too large or too small scores 0.03-0.05 here (measured by injecting it); correct
    // ones score at most 0.024 (candidateB1, candidateBias), the rest under 0.013.
    #expect(scale < 3e-2, "\(name): relative error of the gradient's length \(scale)")
  }

  /// The same with hard negatives in the batch (each a candidate for its own context only).
  @Test(arguments: RankerParameter.allCases)
  func trainingStepGradientWithHardNegatives(_ name: RankerParameter) {
    let (data, start) = GroundedCorpus.setUp()
    let batch = data.batch([0, 4, 8])
    #expect(batch.negatives.count == 6)
    // Entry by entry only: with three contexts the loss meets ReLU kinks along the gradient's
    // direction, so the length check (above, on the same forward and backward) would measure kinks.
    let (worst, _, largest) = errors(name, model: start, data: data, batch: batch)
    #expect(largest > 0, "\(name): the gradient must not vanish")
    #expect(worst < 5e-2, "\(name): worst relative error \(worst)")
  }

  /// The worst per-entry relative error, the relative error of the gradient's length, and the
  /// largest analytic entry, at a point moved off the initial weights by noise from `noiseSeed`.
  func errors(
    _ name: RankerParameter, model start: RankerModel, data: TrainingData, batch: TrainingBatch,
    noiseSeed: UInt64 = 50
  ) -> (worst: Float, scale: Float, largest: Float) {
    var model = start
    // Move every tensor off its initial value so zero-initialised biases and queries get checked too.
    for index in model.parameters.indices {
      let noise = GradientCheck.random(
        model.parameters[index].rows, model.parameters[index].cols, seed: UInt64(index) + noiseSeed,
        scale: 0.3)
      for k in 0..<noise.count { model.parameters[index].data[k] += noise.data[k] }
    }
    func loss(_ model: RankerModel) -> Float {
      var scratch = model.parameters.map { Matrix(rows: $0.rows, cols: $0.cols) }
      var touched = TouchedRows(rows: model.vocabulary.rowCount)
      var rng = SeededGenerator(seed: 1, skip: 1)
      return model.trainingStep(
        batch, bags: data.table.bags, gradients: &scratch, touched: &touched, rng: &rng
      )
      .loss
    }
    var gradients = model.parameters.map { Matrix(rows: $0.rows, cols: $0.cols) }
    var touched = TouchedRows(rows: model.vocabulary.rowCount)
    var rng = SeededGenerator(seed: 1, skip: 1)
    _ = model.trainingStep(batch, bags: data.table.bags, gradients: &gradients, touched: &touched, rng: &rng)
    var rows = Array(0..<model[name].rows)
    if name == .embedding { rows = touched.list }
    var slice = Matrix(rows: rows.count, cols: model[name].cols)
    for (k, row) in rows.enumerated() {
      for c in 0..<slice.cols { slice[k, c] = gradients[name.rawValue][row, c] }
    }
    let values = model[name].gathering(rows)
    func perturbedLoss(_ perturbed: Matrix) -> Float {
      var copy = model
      for (k, row) in rows.enumerated() {
        for c in 0..<perturbed.cols { copy.parameters[name.rawValue][row, c] = perturbed[k, c] }
      }
      return loss(copy)
    }
    return (
      GradientCheck.worstError(values, analytic: slice, samples: 30, loss: perturbedLoss),
      GradientCheck.scaleError(values, analytic: slice, loss: perturbedLoss),
      slice.data.map(abs).max() ?? 0
    )
  }
}
