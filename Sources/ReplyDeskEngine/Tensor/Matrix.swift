import CBLAS
import Foundation
import ReplyDeskCore

/// A dense row-major matrix of `Float`, the only tensor type of the engine.
///
/// Shape legend for the `// [rows, cols]` comments throughout the engine:
/// - `d`, `dim`: the model width (`RankerConfig.dim`, `GeneratorConfig.dim`); `h`, `hidden`: a layer's inner width
/// - `n`, `N`, `nq`: candidate replies (templates) scored at once; `B`: contexts in a training batch
/// - `L`, `length`, `ctxWords`, `contextWords`: words of one context; `nk`, `keys`: key rows of all contexts
/// - `P`, `profileWords`: words of the profile text; `words`, `types`: embedding-bag rows before pooling
/// - `turns`, `segments`: groups of rows pooled into one vector (a turn, a context, a candidate)
/// - `t`, `s`: generator positions (target and source tokens); `V`, `classes`: vocabulary or output classes
/// - `[n + 1]`, `[segments + 1]`: offsets, where group `k` is rows `offsets[k]..<offsets[k + 1]`
struct Matrix: Sendable, Equatable {
  var rows: Int
  var cols: Int
  var data: [Float]  // [rows * cols], row-major

  init(rows: Int, cols: Int, data: [Float]) {
    precondition(data.count == rows * cols, "Matrix data count mismatch")
    self.rows = rows
    self.cols = cols
    self.data = data
  }

  init(rows: Int, cols: Int, value: Float = 0) {
    self.init(rows: rows, cols: cols, data: [Float](repeating: value, count: rows * cols))
  }

  var count: Int { rows * cols }

  subscript(row: Int, col: Int) -> Float {
    get { data[row * cols + col] }
    set { data[row * cols + col] = newValue }
  }

  /// Sets every element to zero without reallocating.
  mutating func zero() {
    data.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
  }

  /// Adds another matrix of the same shape, element by element.
  mutating func add(_ other: Matrix) {
    precondition(rows == other.rows && cols == other.cols, "add shape mismatch")
    for k in 0..<count { data[k] += other.data[k] }
  }

  /// The element-wise sum of two matrices of one shape.
  func adding(_ other: Matrix) -> Matrix {
    var out = self
    out.add(other)
    return out
  }

  /// Copies of rows `range` as a new matrix.
  func rows(_ range: Range<Int>) -> Matrix {
    Matrix(
      rows: range.count, cols: cols, data: Array(data[(range.lowerBound * cols)..<(range.upperBound * cols)]))
  }

  /// Fills with uniform values in `-scale...scale` from a seeded generator.
  static func random(rows: Int, cols: Int, scale: Float, using rng: inout SeededGenerator) -> Matrix {
    var m = Matrix(rows: rows, cols: cols)
    for i in 0..<m.count { m.data[i] = Float.random(in: -scale...scale, using: &rng) }
    return m
  }
}

/// Matrix products through OpenBLAS, row-major (on `BLASThreads`' count of threads).
enum BLAS {
  /// c = alpha * op(a) * op(b) + beta * c, where op transposes when asked.
  static func gemm(
    _ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false,
    into c: inout Matrix, alpha: Float = 1, beta: Float = 0
  ) {
    let m = transposeA ? a.cols : a.rows
    let k = transposeA ? a.rows : a.cols
    let n = transposeB ? b.rows : b.cols
    precondition((transposeB ? b.cols : b.rows) == k, "gemm inner dimension mismatch")
    precondition(c.rows == m && c.cols == n, "gemm output shape mismatch")
    if m == 0 || n == 0 { return }
    if k == 0 {
      if beta == 0 { c.zero() }
      return
    }
    a.data.withUnsafeBufferPointer { pa in
      b.data.withUnsafeBufferPointer { pb in
        c.data.withUnsafeMutableBufferPointer { pc in
          cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, pa.baseAddress, Int32(a.cols), pb.baseAddress,
            Int32(b.cols), beta, pc.baseAddress, Int32(c.cols))
        }
      }
    }
  }

  /// Returns op(a) * op(b).
  static func product(
    _ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false
  ) -> Matrix {
    var c = Matrix(rows: transposeA ? a.cols : a.rows, cols: transposeB ? b.rows : b.cols)
    gemm(a, transposeA: transposeA, b, transposeB: transposeB, into: &c)
    return c
  }

  /// y = a * x for a matrix `a` [rows, cols] and a vector `x` [cols].
  static func gemv(_ a: Matrix, _ x: [Float]) -> [Float] {
    precondition(x.count == a.cols, "gemv shape mismatch")
    var y = [Float](repeating: 0, count: a.rows)
    if a.rows == 0 || a.cols == 0 { return y }
    a.data.withUnsafeBufferPointer { pa in
      x.withUnsafeBufferPointer { px in
        y.withUnsafeMutableBufferPointer { py in
          cblas_sgemv(
            CblasRowMajor, CblasNoTrans, Int32(a.rows), Int32(a.cols), 1, pa.baseAddress, Int32(a.cols),
            px.baseAddress, 1, 0, py.baseAddress, 1)
        }
      }
    }
    return y
  }
}

/// Small vector helpers written as plain loops (`s += a * b`, see the platform notes).
enum Vector {
  static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
    var s: Float = 0
    for i in 0..<n { s += a[i] * b[i] }
    return s
  }

  /// y += alpha * x
  static func axpy(
    _ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int
  ) {
    for i in 0..<n { y[i] += alpha * x[i] }
  }

  /// Numerically stable softmax in place over `n` values, eight lanes at a time.
  static func softmax(_ x: UnsafeMutablePointer<Float>, _ n: Int) {
    guard n > 0 else { return }
    let lanes = n / 8 * 8
    var top8 = SIMD8<Float>(repeating: x[0])
    for i in stride(from: 0, to: lanes, by: 8) {
      let next = load8(x + i)
      top8.replace(with: next, where: top8 .< next)
    }
    var top = top8.max()
    for i in lanes..<n where x[i] > top { top = x[i] }
    var sum8 = SIMD8<Float>()
    for i in stride(from: 0, to: lanes, by: 8) {
      let e = exp8(load8(x + i) - top)
      store8(e, x + i)
      sum8 += e
    }
    var sum = sum8.sum()
    if lanes < n {
      var tail = SIMD8<Float>(repeating: -Float.infinity)
      for i in lanes..<n { tail[i - lanes] = x[i] - top }
      let e = exp8(tail)
      for i in lanes..<n {
        x[i] = e[i - lanes]
        sum += e[i - lanes]
      }
    }
    let inverse = 1 / sum
    for i in 0..<n { x[i] *= inverse }
  }

  @inline(__always)
  static func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
  }

  @inline(__always)
  static func store8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
  }

  /// e^x in eight lanes (Cephes' polynomial on x - n ln 2, |error| below 2 ulp); below -87 it is
  /// the smallest normal float's neighbourhood, not zero.
  /// (`replacing(with:where:)` clamps: the stdlib's `pointwiseMin`/`Max` are not inlined.)
  @inline(__always)
  static func exp8(_ x: SIMD8<Float>) -> SIMD8<Float> {
    let low = SIMD8<Float>(repeating: -87.3)
    let high = SIMD8<Float>(repeating: 88.3)
    let x = x.replacing(with: low, where: x .< low).replacing(with: high, where: x .> high)
    // Adding 1.5 * 2^23 rounds to an integer kept in the low mantissa bits.
    let magic = SIMD8<Float>(repeating: 12_582_912)
    let shifted = x * 1.442_695_04 + magic
    let n = shifted - magic
    let r = x - n * 0.693_359_375 - n * -2.121_944_4e-4
    var p = SIMD8<Float>(repeating: 1.987_569_15e-4)
    p = p * r + 1.398_199_95e-3
    p = p * r + 8.333_451_9e-3
    p = p * r + 4.166_579_59e-2
    p = p * r + 1.666_666_55e-1
    p = p * r + 5.000_000_12e-1
    p = p * (r * r) + r + 1
    let exponent =
      unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- unsafeBitCast(magic, to: SIMD8<Int32>.self)
    let scale = unsafeBitCast((exponent &+ 127) &<< 23, to: SIMD8<Float>.self)
    return p * scale
  }
}
