/// A terminal size in columns and rows.
public struct Size: Equatable, Sendable {
  public var width: Int
  public var height: Int

  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }
}

/// A cell position, column `x` and row `y`, from the top-left corner.
struct Position: Equatable, Sendable {
  var x: Int
  var y: Int

  init(x: Int, y: Int) {
    self.x = x
    self.y = y
  }
}

/// One screen cell: a grapheme, its display width and the theme role it is drawn with. The cell
/// right of a wide grapheme is a continuation cell (width 0, empty text).
struct Cell: Equatable, Sendable {
  var text: String
  var width: Int
  var role: StyleRole

  init(text: String, width: Int, role: StyleRole) {
    self.text = text
    self.width = width
    self.role = role
  }

  static let blank = Cell(text: " ", width: 1, role: .normal)
  static let continuation = Cell(text: "", width: 0, role: .normal)

  var isContinuation: Bool { width == 0 }
}

/// An in-memory screen that rendering draws into; the terminal driver flushes the difference
/// between two grids. Writes never leave half of a wide grapheme behind.
struct CellGrid: Equatable, Sendable {
  let size: Size
  private(set) var cells: [Cell]
  /// Where the terminal cursor is shown, if anywhere.
  var cursor: Position?

  init(size: Size) {
    self.size = Size(width: max(size.width, 0), height: max(size.height, 0))
    cells = Array(repeating: .blank, count: self.size.width * self.size.height)
  }

  subscript(x: Int, y: Int) -> Cell { cells[y * size.width + x] }

  /// Fills a rectangle with blanks of `role`.
  mutating func fill(_ rect: Rect, role: StyleRole) {
    for y in max(rect.y, 0)..<min(rect.maxY, size.height) {
      for x in max(rect.x, 0)..<min(rect.maxX, size.width) {
        set(x, y, Cell(text: " ", width: 1, role: role))
      }
    }
  }

  /// Draws `glyphs` from column `x` on row `y`, stopping before `limit`; returns the next column.
  /// A wide glyph that does not fit is replaced by a blank so nothing is cut in half.
  @discardableResult
  mutating func draw(_ glyphs: [DisplayText.Glyph], x: Int, y: Int, limit: Int, role: StyleRole) -> Int {
    var column = x
    for glyph in glyphs {
      guard let next = drawGlyph(glyph, x: column, y: y, limit: limit, role: role) else { break }
      column = next
    }
    return column
  }

  /// Draws one glyph and returns the next column, or nil when it did not fit (a wide glyph with
  /// one column left leaves a blank there instead).
  mutating func drawGlyph(_ glyph: DisplayText.Glyph, x: Int, y: Int, limit: Int, role: StyleRole) -> Int? {
    let end = min(limit, size.width)
    guard y >= 0, y < size.height, x >= 0, x < end else { return nil }
    if x + glyph.width > end {
      set(x, y, Cell(text: " ", width: 1, role: role))
      return nil
    }
    set(x, y, Cell(text: glyph.text, width: glyph.width, role: role))
    if glyph.width == 2 { set(x + 1, y, .continuation) }
    return x + glyph.width
  }

  /// Draws sanitised single-line text; see `draw(_:x:y:limit:role:)`.
  @discardableResult
  mutating func write(_ text: String, x: Int, y: Int, limit: Int, role: StyleRole) -> Int {
    draw(DisplayText.glyphs(text), x: x, y: y, limit: limit, role: role)
  }

  /// Sets one cell, blanking the other half of any wide grapheme it overwrites.
  mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
    guard x >= 0, x < size.width, y >= 0, y < size.height else { return }
    let index = y * size.width + x
    let old = cells[index]
    if old.isContinuation, !cell.isContinuation, x > 0 {
      cells[index - 1] = Cell(text: " ", width: 1, role: cells[index - 1].role)
    }
    if old.width == 2, cell.width != 2, x + 1 < size.width {
      cells[index + 1] = Cell(text: " ", width: 1, role: old.role)
    }
    cells[index] = cell
  }

  /// The grid as plain text, one line per row, trailing spaces trimmed: for snapshots.
  var plainText: String {
    var lines: [String] = []
    for y in 0..<size.height {
      var line = ""
      for x in 0..<size.width where !self[x, y].isContinuation {
        line += self[x, y].text
      }
      while line.last == " " { line.removeLast() }
      lines.append(line)
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// A rectangle of cells.
struct Rect: Equatable, Sendable {
  var x: Int
  var y: Int
  var width: Int
  var height: Int

  var maxX: Int { x + width }
  var maxY: Int { y + height }
}

extension CellGrid {
  /// What every screen draws instead of itself when the terminal is below `ConsoleLayout.minimum`:
  /// a line saying the size it needs (a blank grid for an empty size); nil when the screen fits.
  static func tooSmallNotice(_ size: Size) -> CellGrid? {
    var grid = CellGrid(size: size)
    guard size.width > 0, size.height > 0 else { return grid }
    let minimum = ConsoleLayout.minimum
    guard size.width < minimum.width || size.height < minimum.height else { return nil }
    grid.write(
      "Terminal too small: need \(minimum.width)x\(minimum.height)", x: 0, y: 0, limit: size.width,
      role: .warning)
    return grid
  }
}
