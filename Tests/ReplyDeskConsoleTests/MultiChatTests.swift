import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// Several chats at once: taking, switching, unread marks, per-chat drafts, stale results, quitting.
@Suite struct MultiChatTests {
  @Test func takingTheNextCustomerKeepsTheCurrentChatOpen() {
    var state = Fixture.openChat()
    Fixture.arrive(&state, Fixture.second, profile: Fixture.secondProfile(), at: 12)
    let effects = Fixture.press(&state, .control("o"))
    #expect(state.chats.map(\.id) == [Fixture.chat, Fixture.second])
    #expect(state.active?.id == Fixture.second)
    #expect(state.chats[0].isOpen)
    #expect(!effects.contains { if case .closeChat = $0 { true } else { false } })
    guard case .started = Fixture.recorded(effects).first else {
      Issue.record("no started event for the new chat")
      return
    }
  }

  @Test func switchingKeysMoveBetweenChats() {
    var state = Fixture.twoChats()
    Fixture.press(&state, .control("p"))
    #expect(state.active?.id == Fixture.chat)
    Fixture.press(&state, .control("n"))
    #expect(state.active?.id == Fixture.second)
    Fixture.press(&state, .control("n"))
    #expect(state.active?.id == Fixture.chat, "wraps around")
    Fixture.press(&state, .control("n"))
    #expect(state.active?.id == Fixture.second)
    Fixture.press(&state, .alt("1"))
    #expect(state.active?.id == Fixture.chat)
    Fixture.press(&state, .alt("5"))
    #expect(state.active?.id == Fixture.chat)
    #expect(state.status?.text == "No chat 5")
  }

  @Test func messagesInAnotherChatCountAsUnreadUntilSwitchedTo() {
    var state = Fixture.twoChats()
    let effects = Fixture.say(&state, Fixture.chat, "Hello? Anyone there?", at: 20)
    #expect(state.active?.id == Fixture.second)
    #expect(state.chats[0].unread == 1)
    #expect(Fixture.rankRequests(effects).map(\.chat) == [Fixture.chat])
    #expect(Fixture.recorded(effects).first == .customerMessage(text: "Hello? Anyone there?"))
    #expect(Fixture.row(state, 1).contains("1 Dana W. (1)"))
    Fixture.press(&state, .control("p"))
    #expect(state.chats[0].unread == 0)
    #expect(!Fixture.row(state, 1).contains("(1)"))
  }

  @Test func draftsEditOriginsAndScrollStayWithTheirChat() {
    var state = Fixture.twoChats()
    Fixture.press(&state, .tab)
    Fixture.type(&state, "Hello Sam")
    Fixture.press(&state, .control("p"))
    #expect(state.composer.isEmpty)
    #expect(state.focus == .suggestions)
    Fixture.press(&state, .control("e"))
    state.active?.scroll.conversation = 2
    let loaded = state.composer.text
    Fixture.press(&state, .control("n"))
    #expect(state.composer.text == "Hello Sam")
    #expect(state.editOrigin == nil)
    #expect(state.focus == .composer)
    Fixture.press(&state, .control("n"))
    #expect(state.composer.text == loaded)
    #expect(state.editOrigin?.rank == 1)
    #expect(state.active?.scroll.conversation == 2)
  }

  @Test func aRankingForAnotherChatIsKeptThereAndNeverShownHere() {
    var state = Fixture.twoChats()
    let other = [Suggestion(source: .template(id: "other"), segments: [.literal("For Dana only")], score: 1)]
    Fixture.say(&state, Fixture.chat, "Still there?", at: 20)
    _ = update(&state, .ranked(Fixture.result(state, Fixture.chat, suggestions: other), now: state.now))
    #expect(state.chats[0].suggestions.rows == other)
    #expect(state.active?.suggestions.rows == SampleState.suggestions())
    #expect(!render(state, size: state.size).plainText.contains("For Dana only"))
    Fixture.press(&state, .control("p"))
    #expect(render(state, size: state.size).plainText.contains("For Dana only"))
  }

  @Test func aRankingForAnOlderGenerationIsDropped() {
    var state = Fixture.twoChats()
    let stale = Fixture.result(state, Fixture.second, suggestions: [], generation: 1)
    #expect(update(&state, .ranked(stale, now: state.now)).isEmpty)
    #expect(state.active?.suggestions.rows == SampleState.suggestions())
  }

  @Test func aCustomerLeavingAnotherChatMarksItUntilVisited() {
    var state = Fixture.twoChats()
    let effects = update(
      &state, .channel(ChannelEvent(chat: Fixture.chat, kind: .left()), now: Fixture.start + 20))
    #expect(effects.contains(.closeChat(Fixture.chat, outcome: .abandoned)))
    #expect(state.active?.id == Fixture.second)
    #expect(Fixture.row(state, 1).contains("abandoned"))
    Fixture.press(&state, .control("p"))
    #expect(state.active?.isOpen == false)
    Fixture.press(&state, .control("n"))
    #expect(state.chats.map(\.id) == [Fixture.second], "a closed chat goes once left behind")
  }

  @Test func quitAsksAndResolvesEveryOpenChat() {
    var state = Fixture.twoChats()
    #expect(Fixture.press(&state, .control("q")).isEmpty)
    #expect(state.overlay == .confirmQuit)
    #expect(render(state, size: state.size).plainText.contains("2 chats are open. Hand the open chats over"))
    let effects = Fixture.press(&state, .character("r"))
    #expect(effects.contains(.closeChat(Fixture.chat, outcome: .resolved)))
    #expect(effects.contains(.closeChat(Fixture.second, outcome: .resolved)))
    #expect(Fixture.recorded(effects) == [.ended(outcome: .resolved), .ended(outcome: .resolved)])
    #expect(effects.last == .quit)
  }

  @Test func aBackgroundChatRanksWithItsOwnParkedDraft() {
    var state = Fixture.twoChats()
    Fixture.press(&state, .control("p"))
    Fixture.press(&state, .tab)
    Fixture.type(&state, "Checking")
    Fixture.press(&state, .control("n"))
    let effects = Fixture.say(&state, Fixture.chat, "Well?", at: 25)
    #expect(Fixture.rankRequests(effects).map(\.draft) == ["Checking"])
  }
}
