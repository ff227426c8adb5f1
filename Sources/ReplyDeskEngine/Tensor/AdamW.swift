import Foundation

/// Adam with decoupled weight decay and global-norm gradient clipping. Tensors listed in
/// `sparseTensors` (embedding tables) are updated only on rows touched since the last step.
struct AdamW: Sendable {
  var learningRate: Float
  var beta1: Float = 0.9
  var beta2: Float = 0.999
  var epsilon: Float = 1e-8
  var weightDecay: Float
  var clipNorm: Float
  private(set) var step = 0
  private var firstMoments: [Matrix]
  private var secondMoments: [Matrix]

  init(shapes: [Matrix], learningRate: Float, weightDecay: Float = 0.01, clipNorm: Float = 5) {
    self.learningRate = learningRate
    self.weightDecay = weightDecay
    self.clipNorm = clipNorm
    firstMoments = shapes.map { Matrix(rows: $0.rows, cols: $0.cols) }
    secondMoments = firstMoments
  }

  /// The global L2 norm of the gradients (only touched rows of sparse tensors).
  static func gradientNorm(_ gradients: [Matrix], sparse: [Int: TouchedRows]) -> Float {
    var total: Float = 0
    for (index, g) in gradients.enumerated() {
      if let touched = sparse[index] {
        for row in touched.list {
          for c in 0..<g.cols { total += g.data[row * g.cols + c] * g.data[row * g.cols + c] }
        }
      } else {
        for v in g.data { total += v * v }
      }
    }
    return total.squareRoot()
  }

  /// Applies one update and zeroes the gradients (and the touched-row lists).
  mutating func update(
    _ parameters: inout [Matrix], _ gradients: inout [Matrix], sparse: inout [Int: TouchedRows]
  ) {
    step += 1
    let norm = Self.gradientNorm(gradients, sparse: sparse)
    let clip = norm > clipNorm ? clipNorm / norm : 1
    let correction1 = 1 - powf(beta1, Float(step))
    let correction2 = 1 - powf(beta2, Float(step))
    let stepSize = learningRate / correction1
    for index in parameters.indices {
      let cols = parameters[index].cols
      let rows: [Int] = sparse[index]?.list ?? Array(0..<parameters[index].rows)
      parameters[index].data.withUnsafeMutableBufferPointer { p in
        gradients[index].data.withUnsafeMutableBufferPointer { g in
          firstMoments[index].data.withUnsafeMutableBufferPointer { m in
            secondMoments[index].data.withUnsafeMutableBufferPointer { v in
              for row in rows {
                for k in (row * cols)..<((row + 1) * cols) {
                  let grad = g[k] * clip
                  m[k] = beta1 * m[k] + (1 - beta1) * grad
                  v[k] = beta2 * v[k] + (1 - beta2) * grad * grad
                  let denominator = (v[k] / correction2).squareRoot() + epsilon
                  p[k] -= stepSize * m[k] / denominator + learningRate * weightDecay * p[k]
                  g[k] = 0
                }
              }
            }
          }
        }
      }
      sparse[index]?.clear()
    }
  }
}
