import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// The supervisor's floor: screens as plain text (Snapshots/floor-*.txt) at 80x24 and 120x40,
/// keys from the binding table, live reads and the replay Enter opens.
@Suite struct FloorScreenTests {
  static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]
  static let start = ReplayFixture.start
  static let now = start + 1200

  static func snapshot(extra: [FloorSnapshot.Chat] = []) -> FloorSnapshot {
    let chats = [
      FloorSnapshot.Chat(
        id: ReplayFixture.chat, representative: "Alex Morgan", customerName: "Dana Whitfield",
        channel: "live",
        startedAt: start, waitingSince: start + 570),
      FloorSnapshot.Chat(
        id: ChatID("chat-0043"), representative: "Alex Morgan", customerName: "Ana Díaz", channel: "live",
        startedAt: start + 300, waitingSince: nil),
      FloorSnapshot.Chat(
        id: ChatID("chat-0044"), representative: "Sam Lee", customerName: "Lee Chen", channel: "live",
        startedAt: start + 1100, waitingSince: start + 1155),
    ]
    return FloorSnapshot(
      chats: (chats + extra).sorted { ($0.representative, $0.startedAt) < ($1.representative, $1.startedAt) },
      escalations: [start - 4000, start + 500],
      acceptance: FloorSnapshot.Acceptance(customerTurns: 6, top1: 1.0 / 6, top4: 2.0 / 6))
  }

  static func floor(size: Size = Size(width: 80, height: 24)) -> FloorState {
    var state = FloorState(
      size: size, now: now, timeZone: TimeZone(identifier: "UTC")!, storeName: "postgres://sup@db:5432/team")
    _ = updateFloor(&state, .snapshot(snapshot(), now: now))
    return state
  }

  @discardableResult
  static func press(_ state: inout FloorState, _ keys: Key..., at time: Date = now) -> [FloorEffect] {
    keys.flatMap { key in
      let extents = drawFloorFrame(state, size: state.size).extents
      if extents != (state.replay?.extents ?? state.extents) {
        _ = updateFloor(&state, .measured(extents, now: time))
      }
      return updateFloor(&state, .key(key, now: time))
    }
  }

  private func check(
    _ state: FloorState, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    for size in Self.sizes {
      var sized = state
      _ = updateFloor(&sized, .resize(size, now: state.now))
      let grid = renderFloor(sized, size: size)
      try Snapshot.assert(
        grid.plainText, named: "floor-\(name)-\(size.width)x\(size.height)", sourceLocation: sourceLocation)
      for y in 0..<size.height {
        var width = 0
        for x in 0..<size.width where !grid[x, y].isContinuation { width += grid[x, y].width }
        #expect(width == size.width, "row \(y) of \(name)", sourceLocation: sourceLocation)
      }
    }
  }

  private func text(_ state: FloorState) -> String { renderFloor(state, size: state.size).plainText }

  @Test func showsEveryRepresentativesChatsTheQueueAndTheFigures() throws {
    let state = Self.floor()
    try check(state, "main")
    let screen = text(state)
    #expect(screen.contains("Waiting 2 · longest 10:30 · escalated in the last hour 1"))
    #expect(screen.contains("Today top-1 acceptance 17% · top-4 33% over 6 customer turns"))
    #expect(screen.contains("Alex Morgan · 2 open · 1 waiting"))
    #expect(screen.contains("▶ Dana Whitfield"))
    #expect(screen.contains("waits 0:45") && screen.contains("answered"))
    #expect(screen.contains("Enter replay") && screen.contains("? help") && screen.contains("q quit"))
  }

  @Test func emptyAndReadingFloors() throws {
    var state = FloorState(
      size: Size(width: 80, height: 24), now: Self.now, timeZone: TimeZone(identifier: "UTC")!, storeName: "s"
    )
    #expect(text(state).contains("Reading the store…"))
    _ = updateFloor(&state, .snapshot(FloorSnapshot(), now: Self.now))
    try check(state, "empty")
    #expect(text(state).contains("No open chats"))
    #expect(Self.press(&state, .enter).isEmpty)
  }

  @Test func theTickCountsWaitsUpEverySecond() {
    var state = Self.floor()
    #expect(text(state).contains("longest 10:30"))
    _ = updateFloor(&state, .tick(now: Self.now + 1))
    #expect(text(state).contains("longest 10:31") && text(state).contains("waits 0:46"))
    _ = updateFloor(&state, .tick(now: Self.start + 500 + FloorSnapshot.hour + 1))
    #expect(text(state).contains("escalated in the last hour 0"))
  }

  @Test func aNewChatShowsAndTheHighlightStaysOnItsChat() {
    var state = Self.floor()
    Self.press(&state, .down, .down)
    #expect(state.selected == ChatID("chat-0044"))
    let arrived = FloorSnapshot.Chat(
      id: ChatID("chat-0045"), representative: "Bea Ortiz", customerName: "Noor Haddad", channel: "live",
      startedAt: Self.now, waitingSince: Self.now)
    _ = updateFloor(&state, .snapshot(Self.snapshot(extra: [arrived]), now: Self.now + 0.2))
    #expect(state.selected == ChatID("chat-0044"))
    #expect(text(state).contains("Bea Ortiz · 1 open · 1 waiting") && text(state).contains("Noor Haddad"))
    _ = updateFloor(&state, .snapshot(FloorSnapshot(chats: [arrived]), now: Self.now + 0.4))
    #expect(state.selected == arrived.id, "the highlighted chat ended: the highlight moves to a chat left")
  }

  @Test func enterOpensTheChatsReplaySoFarAndLeavingItShowsTheFloor() throws {
    var state = Self.floor()
    #expect(Self.press(&state, .enter) == [.load(ReplayFixture.chat)])
    _ = updateFloor(&state, .loaded(ReplayFixture.chat, ReplayFixture.events(), now: Self.now))
    let replay = try #require(state.replay)
    #expect(replay.session?.timeline.isAtEnd == true, "the replay opens at the latest turn")
    #expect(state.context == .floorReplay)
    try check(state, "replay")
    Self.press(&state, .character("n"))
    #expect(state.replay?.overlay == nil, "the floor is read-only: no QA notes from it")
    Self.press(&state, .left)
    #expect(state.replay?.session?.timeline.isAtEnd == false)
    #expect(Self.press(&state, .character("q")).isEmpty)
    #expect(state.replay == nil && !state.hasQuit, "q leaves the replay for the floor")
    Self.press(&state, .enter)
    _ = updateFloor(&state, .loaded(ReplayFixture.chat, ReplayFixture.events(), now: Self.now))
    Self.press(&state, .escape)
    #expect(state.replay == nil)
    #expect(Self.press(&state, .character("q")) == [.quit] && state.hasQuit)
  }

  @Test func helpComesFromTheBindingTable() throws {
    var state = Self.floor()
    Self.press(&state, .character("?"))
    try check(state, "help")
    let screen = text(state)
    #expect(screen.contains("Floor") && screen.contains("replay the highlighted chat so far"))
    #expect(screen.contains("leave the replay and go back to the floor"))
    Self.press(&state, .escape)
    #expect(state.overlay == nil)
  }

  @Test func aFailedReadSaysSoAndKeepsTheLastFloor() {
    var state = Self.floor()
    _ = updateFloor(&state, .readFailed(reason: "the server at db:5432 cannot be reached", now: Self.now))
    let screen = text(state)
    #expect(screen.contains("Cannot read the store (the server at db:5432 cannot be reached)"))
    #expect(screen.contains("Dana Whitfield"))
  }
}
