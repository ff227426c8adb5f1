import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// Escalation hands the chat over (the customer stays, the chat joins the escalation queue with a
/// summary), Alt-E takes it with the summary first, ^R resolves, and ^Q never abandons a chat.
@Suite struct HandOverTests {
  /// The open chat escalated with reason 1 and `note`, the commitment carried out.
  private func escalated(note: String = "") -> (ConsoleState, [ConsoleEffect]) {
    var state = Fixture.openChat()
    Fixture.press(&state, .control("x"), .character("1"))
    Fixture.type(&state, note)
    let commitment = Fixture.commitments(Fixture.press(&state, .enter))[0]
    let effects = update(&state, .committed(commitment, now: Fixture.start + 31))
    return (state, effects)
  }

  @Test func theSummarySaysIntentOrderWhatWasAskedRepliedAndWhatIsOpen() {
    var state = Fixture.openChat()
    _ = Fixture.say(&state, Fixture.chat, "It has been two weeks.", at: 20)
    var chat = state.active!
    appendTurn(&chat, .agent, "Let me check that for you, one moment please.", at: Fixture.start + 25)
    appendTurn(&chat, .customer, "Still nothing?", at: Fixture.start + 28)
    let lines = HandOverSummary.lines(
      of: chat, reason: "Refund above my approval limit", note: "VIP", representative: "Alex",
      at: Fixture.start + 30, zone: Fixture.utc)
    #expect(
      lines[0]
        == "Hand-over summary: Alex handed over at 10:00 because: Refund above my approval limit; note: VIP")
    #expect(lines[1] == "Intent: refund")
    #expect(lines[2].hasPrefix("Order in question: Order #A1234 delivered · $54.98"))
    #expect(lines[2].contains("refund $25.00 issued"))
    #expect(lines[2].hasSuffix("(named by the customer)."))
    #expect(lines[3] == "Customer asked: “Where is my refund for A1234?”; latest: “Still nothing?”")
    #expect(lines[4] == "Replied: 1 reply; the last: “Let me check that for you, one moment please.”")
    #expect(lines[5] == "Still open: the customer's last message has no reply yet: “Still nothing?”")
  }

  @Test func aSummaryBeforeAnyReplySaysSoAndAnAnsweredChatNamesTheReason() {
    var chat = Fixture.openChat().active!
    var lines = HandOverSummary.lines(
      of: chat, reason: "Suspected fraud", note: "", representative: "Alex", at: Fixture.start,
      zone: Fixture.utc)
    #expect(lines[0].hasSuffix("because: Suspected fraud."))
    #expect(lines[4] == "Replied: nothing yet.")
    appendTurn(&chat, .agent, "I am passing you to a specialist.", at: Fixture.start + 20)
    lines = HandOverSummary.lines(
      of: chat, reason: "Suspected fraud", note: "", representative: "Alex", at: Fixture.start,
      zone: Fixture.utc)
    #expect(lines[5] == "Still open: Suspected fraud; the customer waits for the specialist's reply.")
  }

  @Test func escalatingMovesTheChatToTheQueueAndRecordsTheSummaryWithoutEndingIt() {
    let (state, effects) = escalated(note: "VIP")
    #expect(state.active == nil)
    #expect(state.escalations.map(\.id) == [Fixture.chat])
    #expect(state.escalations[0].handOver?.note == "VIP")
    guard case .systemNote(let text)? = Fixture.recorded(effects).first else {
      Issue.record("no summary recorded: \(effects)")
      return
    }
    #expect(text.hasPrefix("Hand-over summary: Alex handed over"))
    #expect(!effects.contains { if case .closeChat = $0 { true } else { false } })
    let screen = render(state, size: state.size).plainText
    #expect(screen.contains("1 escalated"))
  }

  @Test func aQueuedCustomerIsHeardAndLeavingEndsTheChatAsEscalated() {
    var (state, _) = escalated()
    let said = update(
      &state, .channel(ChannelEvent(chat: Fixture.chat, kind: .message("Hello?")), now: Fixture.start + 40))
    #expect(Fixture.recorded(said) == [.customerMessage(text: "Hello?")])
    #expect(state.escalations[0].unread == 1)
    let left = update(
      &state, .channel(ChannelEvent(chat: Fixture.chat, kind: .left()), now: Fixture.start + 50))
    #expect(Fixture.recorded(left) == [.ended(outcome: .escalated)])
    #expect(left.contains(.closeChat(Fixture.chat, outcome: .escalated)))
    #expect(state.escalations.isEmpty)
  }

  @Test func altETakesTheOldestEscalationWithItsSummaryAtTheTop() throws {
    var (state, _) = escalated(note: "VIP")
    let effects = Fixture.press(&state, .alt("e"), at: 60)
    #expect(state.active?.id == Fixture.chat)
    #expect(state.escalations.isEmpty)
    #expect(Fixture.recorded(effects) == [.systemNote(text: "Alex took the chat from the escalation queue")])
    #expect(Fixture.rankRequests(effects).count == 1)
    let screen = render(state, size: Size(width: 120, height: 40)).plainText.split(separator: "\n")
    let summaryRow = try #require(screen.firstIndex { $0.contains("Hand-over summary: Alex handed over") })
    let firstTurnRow = try #require(screen.firstIndex { $0.contains("Where is my refund for A1234?") })
    #expect(summaryRow < firstTurnRow)
  }

  @Test func aTakenEscalationShowsItsSummaryAboveTheTurnsAtEverySize() throws {
    var (state, _) = escalated(note: "VIP")
    Fixture.press(&state, .alt("e"), at: 60)
    for size in [Size(width: 80, height: 24), Size(width: 160, height: 48)] {
      state.size = size
      try Snapshot.assert(
        render(state, size: size).plainText, named: "taken-escalation-\(size.width)x\(size.height)",
        sourceLocation: #_sourceLocation)
    }
  }

  @Test func takingWithNothingEscalatedSaysHowToEscalate() {
    var state = Fixture.openChat()
    #expect(Fixture.press(&state, .function(5)).isEmpty)
    #expect(state.status?.text == "No escalated chats are waiting: ^X hands a chat over")
  }

  @Test func controlRResolvesTheChatAndAsksForARating() {
    var state = Fixture.openChat()
    let effects = Fixture.press(&state, .control("r"))
    #expect(Fixture.recorded(effects) == [.ended(outcome: .resolved)])
    #expect(effects.contains(.closeChat(Fixture.chat, outcome: .resolved)))
    #expect(state.active?.conversation.status == .closed(.resolved))
  }

  @Test func controlRWithADraftKeepsTheChatOpen() {
    var state = Fixture.openChat()
    Fixture.type(&state, "One moment")
    #expect(Fixture.press(&state, .control("r")).isEmpty)
    #expect(state.active?.isOpen == true)
    #expect(state.status?.text.hasPrefix("Your draft is not sent") == true)
  }

  @Test func aQuitQuestionLeftOpenAfterTheLastChatEndedSaysSoAndStillQuits() {
    var state = Fixture.openChat()
    Fixture.press(&state, .control("q"))
    _ = update(&state, .channel(ChannelEvent(chat: Fixture.chat, kind: .left()), now: Fixture.start + 40))
    #expect(
      render(state, size: state.size).plainText.contains("Every chat has ended meanwhile; h or r quits now."))
    #expect(Fixture.press(&state, .character("r"), at: 41) == [.quit])
  }

  @Test func quittingWithNoChatsQuitsAtOnce() {
    var state = Fixture.emptyState()
    #expect(Fixture.press(&state, .control("q")) == [.quit])
  }

  @Test func quittingHandsEveryOpenChatOverAndEndsQueuedOnesAsEscalated() {
    var state = Fixture.twoChats()
    let first = state.chats[0].id
    Fixture.press(&state, .control("p"), .control("x"), .character("1"))
    let commitment = Fixture.commitments(Fixture.press(&state, .enter))[0]
    _ = update(&state, .committed(commitment, now: Fixture.start + 31))
    #expect(state.escalations.map(\.id) == [first])
    Fixture.press(&state, .control("q"))
    #expect(render(state, size: state.size).plainText.contains("1 chat is open, 1 escalated waiting"))
    let effects = Fixture.press(&state, .character("h"))
    let decisions = Fixture.commitments(effects).map(\.decision)
    #expect(decisions == [.escalated(reason: "shift ended", note: "")])
    let recorded = Fixture.recorded(effects)
    #expect(recorded.count == 3)
    if case .systemNote(let summary) = recorded.first {
      #expect(summary.contains("because: shift ended."))
    } else {
      Issue.record("no summary for the chat handed over at quit: \(recorded)")
    }
    #expect(Array(recorded.dropFirst()) == [.ended(outcome: .escalated), .ended(outcome: .escalated)])
    #expect(effects.contains(.closeChat(first, outcome: .escalated)))
    #expect(effects.contains(.closeChat(Fixture.second, outcome: .escalated)))
    #expect(effects.last == .quit)
    #expect(state.hasQuit)
  }

  @Test func aRatingIsRecordedEvenAfterTheChatLeftTheStrip() {
    var state = Fixture.emptyState()
    let effects = update(
      &state,
      .channel(ChannelEvent(chat: Fixture.chat, kind: .rated(score: 4, comment: "quick")), now: Fixture.start)
    )
    #expect(Fixture.recorded(effects) == [.rating(score: 4, comment: "quick")])
    #expect(state.status?.text == "A customer rated the chat 4 out of 5")
  }
}
