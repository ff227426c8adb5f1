import Foundation

/// Softmax cross-entropy over the columns of each row, with masked-out columns.
enum SoftmaxCrossEntropy {
  /// logits [n, classes], labels [n], allowed(row, col) false excludes a column (a duplicate
  /// reply). Returns the mean loss and dLogits [n, classes].
  static func lossAndGradient(
    _ logits: Matrix, labels: [Int], allowed: (Int, Int) -> Bool = { _, _ in true }
  ) -> (loss: Float, gradient: Matrix) {
    var gradient = Matrix(rows: logits.rows, cols: logits.cols)  // [n, classes]
    var loss: Float = 0
    let n = Float(logits.rows)
    for r in 0..<logits.rows {
      var top = -Float.infinity
      for c in 0..<logits.cols where allowed(r, c) || c == labels[r] {
        top = max(top, logits[r, c])
      }
      var sum: Float = 0
      for c in 0..<logits.cols where allowed(r, c) || c == labels[r] {
        let e = expf(logits[r, c] - top)
        gradient[r, c] = e
        sum += e
      }
      for c in 0..<logits.cols { gradient[r, c] /= sum * n }
      loss -= logf(max(gradient[r, labels[r]] * n, 1e-30))
      gradient[r, labels[r]] -= 1 / n
    }
    return (loss / n, gradient)
  }
}
