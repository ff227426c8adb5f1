/// Variable-length lists of table rows, flattened: bag `i` is `ids[offsets[i]..<offsets[i + 1]]`.
struct Bags: Sendable, Equatable {
  var ids: [Int32]
  var offsets: [Int32]

  init() {
    ids = []
    offsets = [0]
  }

  var count: Int { offsets.count - 1 }

  mutating func append<S: Sequence>(_ bag: S) where S.Element == Int32 {
    ids.append(contentsOf: bag)
    offsets.append(Int32(ids.count))
  }

  func range(_ i: Int) -> Range<Int> { Int(offsets[i])..<Int(offsets[i + 1]) }
}

/// Rows of an embedding table touched since the last optimizer step (the table's gradient is sparse).
struct TouchedRows: Sendable {
  private(set) var list: [Int] = []
  private var flags: [Bool]

  init(rows: Int) { flags = [Bool](repeating: false, count: rows) }

  mutating func mark(_ row: Int) {
    if !flags[row] {
      flags[row] = true
      list.append(row)
    }
  }

  mutating func clear() {
    for row in list { flags[row] = false }
    list.removeAll(keepingCapacity: true)
  }
}

/// Each output row is the mean of the table rows in one bag (word, bigram and character n-grams).
enum EmbeddingBag {
  /// table [rows, dim], bags (n of them) -> [n, dim]; an empty bag gives zeros.
  static func forward(_ table: Matrix, _ bags: Bags) -> Matrix {
    let dim = table.cols
    var out = Matrix(rows: bags.count, cols: dim)  // [n, dim]
    table.data.withUnsafeBufferPointer { t in
      out.data.withUnsafeMutableBufferPointer { o in
        for b in 0..<bags.count {
          let range = bags.range(b)
          guard !range.isEmpty else { continue }
          let scale = 1 / Float(range.count)
          let dst = o.baseAddress! + b * dim
          for k in range {
            Vector.axpy(scale, t.baseAddress! + Int(bags.ids[k]) * dim, dst, dim)
          }
        }
      }
    }
    return out
  }

  /// Scatters dOut [n, dim] into dTable [rows, dim] and marks the touched rows.
  static func backward(
    _ dOut: Matrix, _ bags: Bags, dTable: inout Matrix, touched: inout TouchedRows
  ) {
    let dim = dOut.cols
    dOut.data.withUnsafeBufferPointer { g in
      dTable.data.withUnsafeMutableBufferPointer { t in
        for b in 0..<bags.count {
          let range = bags.range(b)
          guard !range.isEmpty else { continue }
          let scale = 1 / Float(range.count)
          for k in range {
            let row = Int(bags.ids[k])
            touched.mark(row)
            Vector.axpy(scale, g.baseAddress! + b * dim, t.baseAddress! + row * dim, dim)
          }
        }
      }
    }
  }
}
