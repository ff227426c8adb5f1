/// `CrossAttention.forward` over one short key segment (a chat's turn vectors), for scoring only:
/// every candidate of a large library attends over the same few keys. Both products with the keys
/// (queries and outputs against them, [n, keys] each) are matrix products, and each candidate's
/// softmax and readout then run over its few keys, so nothing of size [n, dim] is written and no
/// dot product runs `dim` long in plain code.
/// `score[i] = softmax(q_i K^T / sqrt(dim)) . (K o_i)`, the same value as `CrossAttention`'s
/// `(softmax(q_i K^T / sqrt(dim)) K) . o_i` up to rounding; training and backward keep `CrossAttention`.
enum FewKeyAttention {
  /// queries [n, dim], outputs [n, dim], keys [length, dim] -> scores [n]; all zero when there
  /// are no keys, as `CrossAttention` gives for an empty segment.
  static func scores(queries: Matrix, outputs: Matrix, keys: Matrix) -> [Float] {
    let (n, length) = (queries.rows, keys.rows)
    guard length > 0, n > 0 else { return [Float](repeating: 0, count: n) }
    var logits = Matrix(rows: n, cols: length)  // [n, length] q_i . k_t / sqrt(dim)
    BLAS.gemm(queries, keys, transposeB: true, into: &logits, alpha: 1 / Float(queries.cols).squareRoot())
    let readouts = BLAS.product(outputs, keys, transposeB: true)  // [n, length] o_i . k_t
    var result = [Float](repeating: 0, count: n)  // [n]
    logits.data.withUnsafeMutableBufferPointer { pl in
      readouts.data.withUnsafeBufferPointer { pr in
        result.withUnsafeMutableBufferPointer { out in
          for i in 0..<n {
            let row = pl.baseAddress! + i * length
            Vector.softmax(row, length)
            out[i] = Vector.dot(row, pr.baseAddress! + i * length, length)
          }
        }
      }
    }
    return result
  }
}
