import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

@Suite struct ChannelAndRankingTests {
  private func arrive(_ state: inout ConsoleState, _ id: String, at offset: Double = 0) {
    _ = update(
      &state,
      .channel(
        ChannelEvent(chat: ChatID(id), kind: .arrived(profile: SampleState.profile(), scenario: "s")),
        now: Fixture.start + offset))
  }

  @Test func arrivalsQueueAndNTakesTheFirst() {
    var state = Fixture.emptyState()
    arrive(&state, "a")
    arrive(&state, "b")
    #expect(state.waiting.map(\.chat.rawValue) == ["a", "b"])
    let effects = Fixture.press(&state, .control("o"))
    #expect(state.active?.conversation.id == ChatID("a"))
    #expect(state.waiting.count == 1)
    guard case .started(let representative, _, _) = Fixture.recorded(effects).first else {
      Issue.record("no started event")
      return
    }
    #expect(representative == "Alex")
    #expect(Fixture.rankRequests(effects).count == 1)
  }

  @Test func nWithNobodyWaitingSaysWhy() {
    var idle = Fixture.emptyState()
    #expect(Fixture.press(&idle, .control("o")).isEmpty)
    #expect(idle.status?.text == "No customers waiting")
    var busy = Fixture.openChat()
    #expect(Fixture.press(&busy, .control("o")).isEmpty)
    #expect(busy.active?.conversation.id == Fixture.chat)
  }

  @Test func messagesSentWhileWaitingAreShownAndRecordedOnTake() {
    var state = Fixture.emptyState()
    arrive(&state, "a")
    _ = update(
      &state, .channel(ChannelEvent(chat: ChatID("a"), kind: .message("hello?")), now: Fixture.start + 3))
    let effects = Fixture.press(&state, .control("o"))
    #expect(state.active?.conversation.turns.map(\.text) == ["hello?"])
    #expect(Fixture.recorded(effects).contains(.customerMessage(text: "hello?")))
  }

  @Test func customerMessageIsRecordedAndReranked() {
    var state = Fixture.openChat()
    let before = state.active?.generation ?? 0
    let effects = update(
      &state, .channel(ChannelEvent(chat: Fixture.chat, kind: .message("and?")), now: Fixture.start + 40))
    #expect(Fixture.recorded(effects) == [.customerMessage(text: "and?")])
    #expect(Fixture.rankRequests(effects).first?.generation == before + 1)
    #expect(state.active?.customerTurnShownAt == Fixture.start + 40)
  }

  @Test func typingIndicatorShowsAndExpires() {
    var state = Fixture.openChat()
    _ = update(&state, .channel(ChannelEvent(chat: Fixture.chat, kind: .typing), now: Fixture.start + 40))
    #expect(state.active?.customerTypingUntil != nil)
    _ = update(&state, .tick(now: Fixture.start + 40 + typingIndicatorSeconds))
    #expect(state.active?.customerTypingUntil == nil)
  }

  @Test func staleRankingResultsAreDropped() {
    var state = Fixture.openChat()
    let stale = state.active!.generation
    Fixture.press(&state, .tab)
    Fixture.type(&state, "x")
    let replacement = [Suggestion(source: .generated(model: "m"), segments: [.literal("old")], score: 1)]
    let request = RankingRequest(
      chat: Fixture.chat, generation: stale, context: [], profile: SampleState.profile())
    _ = update(
      &state,
      .ranked(RankingResult(request: request, suggestions: replacement, rankerName: "old"), now: state.now))
    #expect(state.active?.suggestions.rows == SampleState.suggestions())
    Fixture.deliverRanking(&state, suggestions: replacement)
    #expect(state.active?.suggestions.rows == replacement)
  }

  @Test func resultsForAnotherChatAreDropped() {
    var state = Fixture.openChat()
    let request = RankingRequest(
      chat: ChatID("other"), generation: 99, context: [], profile: SampleState.profile())
    _ = update(
      &state, .ranked(RankingResult(request: request, suggestions: [], rankerName: "x"), now: state.now))
    #expect(state.active?.suggestions.rows == SampleState.suggestions())
  }

  @Test func suggestionsShownAreRecordedOncePerCustomerTurn() {
    var state = Fixture.emptyState()
    arrive(&state, Fixture.chat.rawValue)
    Fixture.press(&state, .control("o"))
    _ = update(
      &state, .channel(ChannelEvent(chat: Fixture.chat, kind: .message("hi")), now: Fixture.start + 10))
    let request = RankingRequest(
      chat: Fixture.chat, generation: state.active!.generation, context: [], profile: SampleState.profile())
    let result = RankingResult(
      request: request, suggestions: SampleState.suggestions(), rankerName: "lexical")
    let first = update(&state, .ranked(result, now: state.now))
    guard case .suggestionsShown(let shown, let ranker) = Fixture.recorded(first).first else {
      Issue.record("suggestions not recorded")
      return
    }
    #expect(shown.map(\.rank) == Array(1...9))
    #expect(shown[0].id == "refund.status.issued")
    #expect(ranker == "lexical")
    #expect(Fixture.recorded(update(&state, .ranked(result, now: state.now))).isEmpty)
    #expect(state.rankerName == "lexical")
  }

  @Test func customerLeavingAfterAReplyIsResolved() {
    var state = Fixture.openChat()
    let commitment = Fixture.commitments(Fixture.press(&state, .character("1")))[0]
    _ = update(&state, .committed(commitment, now: Fixture.start + 31))
    let effects = update(
      &state, .channel(ChannelEvent(chat: Fixture.chat, kind: .left()), now: Fixture.start + 50))
    #expect(Fixture.recorded(effects) == [.ended(outcome: .resolved)])
    #expect(effects.contains(.closeChat(Fixture.chat, outcome: .resolved)))
    #expect(state.active?.conversation.status == .closed(.resolved))
  }

  @Test func aSentSuggestionRanksTheChatAgainWithTheReplyInIt() {
    var state = Fixture.openChat()
    let commitment = Fixture.commitments(Fixture.press(&state, .character("1")))[0]
    let effects = update(&state, .committed(commitment, now: Fixture.start + 31))
    let requests = effects.compactMap { effect -> RankingRequest? in
      if case .rank(let request) = effect { request } else { nil }
    }
    #expect(requests.count == 1)
    #expect(requests.first?.chat == Fixture.chat)
    #expect(requests.first?.context.last?.speaker == .agent)
    #expect(requests.first?.context.last?.text == commitment.decision.sentText)
    #expect(requests.first?.generation == state.active?.generation)
  }

  @Test func customerLeavingWithoutAReplyIsAbandoned() {
    var state = Fixture.openChat()
    let effects = update(
      &state, .channel(ChannelEvent(chat: Fixture.chat, kind: .left()), now: Fixture.start + 50))
    #expect(Fixture.recorded(effects) == [.ended(outcome: .abandoned)])
    #expect(Fixture.press(&state, .character("1")).isEmpty)
    #expect(state.status?.text == "No open chat")
  }

  @Test func customerWhoLeavesUnsettledIsAbandonedEvenAfterAReply() {
    var state = Fixture.openChat()
    let commitment = Fixture.commitments(Fixture.press(&state, .character("1")))[0]
    _ = update(&state, .committed(commitment, now: Fixture.start + 31))
    let left = ChannelEvent(chat: Fixture.chat, kind: .left(settled: false))
    let effects = update(&state, .channel(left, now: Fixture.start + 50))
    #expect(Fixture.recorded(effects) == [.ended(outcome: .abandoned)])
    #expect(state.active?.conversation.status == .closed(.abandoned))
  }

  @Test func customerWhoSaysTheMatterIsSettledIsResolved() {
    var state = Fixture.openChat()
    let left = ChannelEvent(chat: Fixture.chat, kind: .left(settled: true))
    let effects = update(&state, .channel(left, now: Fixture.start + 50))
    #expect(Fixture.recorded(effects) == [.ended(outcome: .resolved)])
  }

  @Test func waitingCustomerWhoLeavesIsDequeued() {
    var state = Fixture.emptyState()
    arrive(&state, "a")
    _ = update(&state, .channel(ChannelEvent(chat: ChatID("a"), kind: .left()), now: Fixture.start + 5))
    #expect(state.waiting.isEmpty)
  }
}
