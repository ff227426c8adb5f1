import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

@Suite struct LeftQueueTests {
  private func send(_ state: inout ConsoleState, _ kind: ChannelEventKind, at offset: Double)
    -> [ConsoleEffect]
  {
    update(&state, .channel(ChannelEvent(chat: ChatID("q"), kind: kind), now: Fixture.start + offset))
  }

  @Test func aCustomerWhoLeavesTheQueueIsASessionWithEverythingTheyWrote() {
    var state = Fixture.emptyState()
    let profile = SampleState.profile()
    #expect(send(&state, .arrived(profile: profile, scenario: "live"), at: 0).isEmpty)
    #expect(send(&state, .message("Where is my refund?"), at: 3).isEmpty)
    #expect(send(&state, .message("My account is 12345."), at: 7).isEmpty)
    let effects = send(&state, .left(), at: 12)
    #expect(state.waiting.isEmpty)
    #expect(
      Fixture.recorded(effects) == [
        .started(representative: "Alex", customer: profile, channel: state.channelName),
        .customerMessage(text: "Where is my refund?"),
        .customerMessage(text: "My account is 12345."),
        .ended(outcome: .leftQueue),
      ])
    let times = effects.compactMap { effect -> Date? in
      if case .record(let event) = effect { event.time } else { nil }
    }
    #expect(times == [0, 3, 7, 12].map { Fixture.start + $0 })
    #expect(state.status?.text.hasSuffix("left the queue") == true)
  }

  @Test func aCustomerWhoSaidOnlyHelloIsStillRecorded() {
    var state = Fixture.emptyState()
    _ = send(&state, .arrived(profile: SampleState.profile(), scenario: "live"), at: 0)
    let kinds = Fixture.recorded(send(&state, .left(), at: 2))
    #expect(kinds.count == 2)
    #expect(kinds.last == .ended(outcome: .leftQueue))
  }
}
