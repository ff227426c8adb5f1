import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// When the last practice chat ends the console says so and closes a moment later (the scorecard
/// follows), instead of waiting for a quit key; an open chat keeps it open.
@Suite struct ChannelFinishedTests {
  @Test func theConsoleClosesAMomentAfterTheLastChat() {
    var state = Fixture.emptyState(size: Size(width: 120, height: 40))
    _ = update(&state, .channelFinished(now: Fixture.start))
    #expect(render(state, size: state.size).plainText.contains("That was the last chat"))
    #expect(update(&state, .tick(now: Fixture.start + 1)).isEmpty)
    #expect(!state.hasQuit, "the notice stays readable for a moment")
    #expect(update(&state, .tick(now: Fixture.start + closingNoticeSeconds)) == [.quit])
    #expect(state.hasQuit)
  }

  @Test func anOpenChatKeepsTheConsoleOpen() {
    var state = Fixture.openChat()
    _ = update(&state, .channelFinished(now: Fixture.start + 20))
    #expect(update(&state, .tick(now: Fixture.start + 60)).contains(.quit) == false)
    #expect(!state.hasQuit)
  }
}
