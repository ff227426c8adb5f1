import Foundation
import Testing

@testable import ReplyDeskConsole

/// A routine status message never makes a warning disappear: the warning comes back, for the time it
/// had left, once the routine message expires.
@Suite struct StatusLineTests {
  @Test func aWarningCoveredByARoutineMessageComesBackForTheTimeItHadLeft() {
    var state = Fixture.openChat()
    let start = Fixture.start + 100
    _ = update(&state, .tick(now: start))
    state.say("The new model cannot be read; keeping the one in use.", warning: true, seconds: 5)
    _ = update(&state, .tick(now: start + 1))
    state.say("Customer left the queue.", seconds: 2)
    #expect(state.status?.text == "Customer left the queue.")

    _ = update(&state, .tick(now: start + 3.5))
    #expect(state.status?.text == "The new model cannot be read; keeping the one in use.")
    #expect(state.status?.isWarning == true)
    _ = update(&state, .tick(now: start + 7.4))
    #expect(state.status?.isWarning == true, "4 s were left when it was covered")
    _ = update(&state, .tick(now: start + 7.6))
    #expect(state.status == nil)
  }

  @Test func aNewWarningReplacesTheOldOneForGood() {
    var state = Fixture.openChat()
    let start = Fixture.start + 100
    _ = update(&state, .tick(now: start))
    state.say("First warning.", warning: true, seconds: 10)
    state.say("Second warning.", warning: true, seconds: 2)
    state.say("Routine.", seconds: 1)
    _ = update(&state, .tick(now: start + 1.5))
    #expect(state.status?.text == "Second warning.")
    _ = update(&state, .tick(now: start + 3.4))
    #expect(state.status?.text == "Second warning.", "back for the 2 s it had left")
    _ = update(&state, .tick(now: start + 3.6))
    #expect(state.status == nil, "the first warning was replaced, not covered")
  }

  /// The replay and the floor hold the same status line: a routine message there never erases a
  /// warning either.
  @Test func theReplayAndTheFloorKeepACoveredWarningToo() {
    var replay = ReplayFixture.opened()
    let start = ReplayFixture.start + 700
    _ = updateReplay(&replay, .tick(now: start))
    replay.say("The store stopped answering.", warning: true, seconds: 5)
    _ = updateReplay(&replay, .tick(now: start + 1))
    replay.say("Note saved.", seconds: 1)
    _ = updateReplay(&replay, .tick(now: start + 2.5))
    #expect(replay.status?.text == "The store stopped answering.")

    var floor = FloorScreenTests.floor()
    let now = FloorScreenTests.now
    floor.say("The floor cannot read the store.", warning: true, seconds: 5)
    _ = updateFloor(&floor, .tick(now: now + 1))
    floor.say("Paste ignored.", seconds: 1)
    _ = updateFloor(&floor, .tick(now: now + 2.5))
    #expect(floor.status?.text == "The floor cannot read the store.")
    _ = updateFloor(&floor, .tick(now: now + 6.6))
    #expect(floor.status == nil, "back at 2.5 s for the 4 s it had left")
  }

  @Test func clearingTheLineDropsTheCoveredWarning() {
    var line = StatusLine()
    let now = Fixture.start
    line.say("Warning.", warning: true, seconds: 5, now: now)
    line.say("Routine.", seconds: 1, now: now)
    line.clear()
    line.expire(now: now + 2)
    #expect(line.message == nil && line.covered == nil)
  }
}
