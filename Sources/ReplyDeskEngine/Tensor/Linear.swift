import Foundation

/// A fully connected layer `y = x w + b`, with its backward pass.
enum Linear {
  /// x [n, in], w [in, out], b [1, out] -> y [n, out]
  static func forward(_ x: Matrix, _ w: Matrix, _ b: Matrix) -> Matrix {
    var y = Matrix(rows: x.rows, cols: w.cols)  // [n, out]
    for r in 0..<y.rows {
      for c in 0..<y.cols { y.data[r * y.cols + c] = b.data[c] }
    }
    BLAS.gemm(x, w, into: &y, beta: 1)
    return y
  }

  /// Accumulates dw [in, out] and db [1, out]; returns dx [n, in].
  static func backward(
    _ x: Matrix, _ w: Matrix, _ dy: Matrix, dw: inout Matrix, db: inout Matrix
  ) -> Matrix {
    BLAS.gemm(x, transposeA: true, dy, into: &dw, beta: 1)
    for r in 0..<dy.rows {
      for c in 0..<dy.cols { db.data[c] += dy.data[r * dy.cols + c] }
    }
    return BLAS.product(dy, w, transposeB: true)  // [n, in]
  }
}

/// Element-wise activations with their derivatives, applied to whole matrices.
enum Activation {
  static func relu(_ x: Matrix) -> Matrix {
    var y = x
    for i in 0..<y.count where y.data[i] < 0 { y.data[i] = 0 }
    return y
  }

  /// dy masked by the forward output `y` of relu.
  static func reluBackward(_ y: Matrix, _ dy: Matrix) -> Matrix {
    var dx = dy
    for i in 0..<dx.count where y.data[i] <= 0 { dx.data[i] = 0 }
    return dx
  }

  static func softplus(_ x: Float) -> Float {
    x > 20 ? x : log1pf(expf(x))
  }

  static func sigmoid(_ x: Float) -> Float { 1 / (1 + expf(-x)) }
}
