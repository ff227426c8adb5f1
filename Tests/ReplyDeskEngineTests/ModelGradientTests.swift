import Testing

@testable import ReplyDeskEngine

/// The whole ranker's backward pass against central differences, tensor by tensor.
struct ModelGradientTests {
  @Test(arguments: RankerParameter.allCases)
  func trainingStepGradient(_ name: RankerParameter) {
    let (data, start) = SyntheticCorpus.setUp()
    let error = worstError(name, model: start, data: data, batch: data.batch([0, 2, 4, 6, 8, 10]))
    #expect(error < 3e-2, "\(name): worst relative error \(error)")
  }

  /// The same with hard negatives in the batch (each a candidate for its own context only).
  @Test(arguments: RankerParameter.allCases)
  func trainingStepGradientWithHardNegatives(_ name: RankerParameter) {
    let (data, start) = GroundedCorpus.setUp()
    let batch = data.batch([0, 4, 8])
    #expect(batch.negatives.count == 6)
    let error = worstError(name, model: start, data: data, batch: batch)
    #expect(error < 3e-2, "\(name): worst relative error \(error)")
  }

  func worstError(_ name: RankerParameter, model start: RankerModel, data: TrainingData, batch: TrainingBatch)
    -> Float
  {
    var model = start
    // Move every tensor off its initial value so zero-initialised biases and queries get checked too.
    for index in model.parameters.indices {
      let noise = GradientCheck.random(
        model.parameters[index].rows, model.parameters[index].cols, seed: UInt64(index + 50), scale: 0.3)
      for k in 0..<noise.count { model.parameters[index].data[k] += noise.data[k] }
    }
    func loss(_ model: RankerModel) -> Float {
      var scratch = model.parameters.map { Matrix(rows: $0.rows, cols: $0.cols) }
      var touched = TouchedRows(rows: model.vocabulary.rowCount)
      var rng = SeededGenerator(seed: 1)
      return model.trainingStep(
        batch, bags: data.table.bags, gradients: &scratch, touched: &touched, rng: &rng
      )
      .loss
    }
    var gradients = model.parameters.map { Matrix(rows: $0.rows, cols: $0.cols) }
    var touched = TouchedRows(rows: model.vocabulary.rowCount)
    var rng = SeededGenerator(seed: 1)
    _ = model.trainingStep(batch, bags: data.table.bags, gradients: &gradients, touched: &touched, rng: &rng)
    var rows = Array(0..<model[name].rows)
    if name == .embedding { rows = touched.list }
    var slice = Matrix(rows: rows.count, cols: model[name].cols)
    for (k, row) in rows.enumerated() {
      for c in 0..<slice.cols { slice[k, c] = gradients[name.rawValue][row, c] }
    }
    let values = model[name].gathering(rows)
    return GradientCheck.worstError(values, analytic: slice, samples: 30) { perturbed in
      var copy = model
      for (k, row) in rows.enumerated() {
        for c in 0..<perturbed.cols { copy.parameters[name.rawValue][row, c] = perturbed[k, c] }
      }
      return loss(copy)
    }
  }
}
