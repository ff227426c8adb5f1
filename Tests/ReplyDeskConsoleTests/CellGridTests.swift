import Testing

@testable import ReplyDeskConsole

@Suite struct CellGridTests {
  @Test func wideGlyphTakesTwoCellsWithContinuation() {
    var grid = CellGrid(size: Size(width: 6, height: 1))
    let end = grid.write("a配b", x: 0, y: 0, limit: 6, role: .normal)
    #expect(end == 4)
    #expect(grid[1, 0].text == "配")
    #expect(grid[1, 0].width == 2)
    #expect(grid[2, 0].isContinuation)
    #expect(grid.plainText == "a配b\n")
  }

  @Test func wideGlyphIsNeverCutAtThePaneEdge() {
    var grid = CellGrid(size: Size(width: 6, height: 1))
    grid.write("abc配", x: 0, y: 0, limit: 4, role: .normal)
    #expect(grid[3, 0].text == " ")
    #expect(!grid[4, 0].isContinuation)
    #expect(grid.plainText == "abc\n")
  }

  @Test func overwritingHalfAWideGlyphBlanksTheOtherHalf() {
    var grid = CellGrid(size: Size(width: 4, height: 1))
    grid.write("配", x: 0, y: 0, limit: 4, role: .normal)
    grid.write("z", x: 1, y: 0, limit: 4, role: .normal)
    #expect(grid[0, 0].text == " ")
    #expect(grid[1, 0].text == "z")
    grid.write("日", x: 2, y: 0, limit: 4, role: .normal)
    grid.write("q", x: 2, y: 0, limit: 4, role: .normal)
    #expect(grid[3, 0].text == " ")
    #expect(!grid[3, 0].isContinuation)
  }

  @Test func diffEmitsOnlyChangedCells() {
    var before = CellGrid(size: Size(width: 10, height: 3))
    before.write("hello", x: 0, y: 1, limit: 10, role: .normal)
    var after = before
    after.write("J", x: 0, y: 1, limit: 10, role: .normal)
    after.write("!", x: 9, y: 2, limit: 10, role: .warning)
    let changes = GridDiff.changes(from: before, to: after)
    #expect(changes.map(\.position) == [Position(x: 0, y: 1), Position(x: 9, y: 2)])
    #expect(changes[1].cell.role == .warning)
  }

  @Test func diffNoticesRoleChangesAlone() {
    var before = CellGrid(size: Size(width: 3, height: 1))
    before.write("abc", x: 0, y: 0, limit: 3, role: .normal)
    var after = CellGrid(size: Size(width: 3, height: 1))
    after.write("abc", x: 0, y: 0, limit: 3, role: .normal)
    after.write("b", x: 1, y: 0, limit: 3, role: .selection)
    #expect(GridDiff.changes(from: before, to: after).map(\.position) == [Position(x: 1, y: 0)])
  }

  @Test func diffOfIdenticalGridsIsEmpty() {
    var grid = CellGrid(size: Size(width: 8, height: 2))
    grid.write("日本語", x: 0, y: 0, limit: 8, role: .customer)
    #expect(GridDiff.changes(from: grid, to: grid).isEmpty)
  }

  @Test func diffSkipsContinuationCellsAndRedrawsAllWithoutPrevious() {
    var grid = CellGrid(size: Size(width: 4, height: 1))
    grid.write("配x", x: 0, y: 0, limit: 4, role: .normal)
    let changes = GridDiff.changes(from: nil, to: grid)
    #expect(changes.map(\.position.x) == [0, 2, 3])
  }

  @Test func diffAfterResizeRedrawsEverything() {
    let small = CellGrid(size: Size(width: 2, height: 2))
    let large = CellGrid(size: Size(width: 3, height: 2))
    #expect(GridDiff.changes(from: small, to: large).count == 6)
  }
}
