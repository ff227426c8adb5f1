/// A cell that must be drawn to turn the previous screen into the next one.
struct CellChange: Equatable, Sendable {
  var position: Position
  var cell: Cell
}

/// Computes what changed between two grids, so the driver flushes only those cells.
enum GridDiff {
  /// The cells of `next` that differ from `previous`, row by row, left to right. Continuation
  /// cells are never emitted: the wide grapheme left of them draws both columns. With no previous
  /// grid, or one of another size, every cell is emitted.
  static func changes(from previous: CellGrid?, to next: CellGrid) -> [CellChange] {
    var changes: [CellChange] = []
    let width = next.size.width
    let comparable = previous?.size == next.size
    for y in 0..<next.size.height {
      for x in 0..<width {
        let cell = next[x, y]
        if cell.isContinuation { continue }
        if comparable, let previous, previous[x, y] == cell,
          cell.width == 1 || previous[x + 1, y] == next[x + 1, y]
        {
          continue
        }
        changes.append(CellChange(position: Position(x: x, y: y), cell: cell))
      }
    }
    return changes
  }
}
