import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// The wait alert: a bell and a highlight once a customer has waited `waitAlertSeconds`.
@Suite struct WaitAlertTests {
  /// `twoChats()`: chat-7's customer asked at +10 s, chat-8's at +15 s; focus is on chat-8.
  private func twoWaiting(threshold: Double = 60) -> ConsoleState {
    var state = Fixture.twoChats()
    state.waitAlertSeconds = threshold
    return state
  }

  private func tabRoles(_ state: ConsoleState, containing text: String) -> Set<StyleRole> {
    let grid = render(state, size: state.size)
    let row = (0..<state.size.width).map { grid[$0, 1] }
    let line = row.map(\.text).joined()
    guard let range = line.range(of: text) else { return [] }
    let start = line.distance(from: line.startIndex, to: range.lowerBound)
    return Set(row[start..<start + text.count].map(\.role))
  }

  @Test func ringsOnceWhenTheThresholdPasses() {
    var state = twoWaiting()
    #expect(Fixture.bells(Fixture.tick(&state, at: 69)) == 0)
    let effects = Fixture.tick(&state, at: 70)
    #expect(Fixture.bells(effects) == 1)
    #expect(state.status?.isWarning == true)
    #expect(state.status?.text.contains("Dana") == true)
    #expect(Fixture.bells(Fixture.tick(&state, at: 71)) == 0)
    #expect(Fixture.row(state, 1).contains("1 Dana W. !1:01"))
    #expect(tabRoles(state, containing: "Dana W.") == [.warning])
    #expect(Fixture.bells(Fixture.tick(&state, at: 75)) == 1, "chat-8 passes 60 s at +75 s")
  }

  @Test func theThresholdIsConfigurable() {
    var state = twoWaiting(threshold: 10)
    #expect(Fixture.bells(Fixture.tick(&state, at: 19)) == 0)
    #expect(Fixture.bells(Fixture.tick(&state, at: 20)) == 1)
  }

  @Test func aReplyEndsTheWaitAndTheNextMessageStartsAnother() throws {
    var state = twoWaiting(threshold: 10)
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .character("1"), at: 16)).first)
    _ = update(&state, .committed(commitment, now: Fixture.start + 16))
    #expect(state.active?.awaitingReplySince == nil)
    #expect(Fixture.bells(Fixture.tick(&state, at: 20)) == 1, "only chat-7 still waits")
    #expect(!Fixture.row(state, 1).contains("Sam O. !"))
    Fixture.say(&state, Fixture.second, "Thanks. One more thing", at: 30)
    #expect(Fixture.bells(Fixture.tick(&state, at: 39)) == 0)
    #expect(Fixture.bells(Fixture.tick(&state, at: 40)) == 1)
  }

  @Test func aCustomerWaitingInTheQueueTooLongRingsAndTurnsTheQueueCountRed() {
    var state = Fixture.emptyState()
    state.waitAlertSeconds = 30
    Fixture.arrive(&state, Fixture.chat, at: 0)
    #expect(Fixture.bells(Fixture.tick(&state, at: 29)) == 0)
    #expect(Fixture.bells(Fixture.tick(&state, at: 30)) == 1)
    #expect(state.status?.text.contains("(queue)") == true)
    let grid = render(state, size: state.size)
    let footer = (0..<state.size.width).map { grid[$0, state.size.height - 1] }
    #expect(footer.contains { $0.role == .warning && $0.text == "w" })
  }
}
