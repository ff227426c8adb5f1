import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// A suggestion row that changed less than `suggestionSettleSeconds` ago does not take a number key
/// or Enter: the key is refused with a notice, and what is recorded is the list on screen.
@Suite struct SettlingListTests {
  /// The sample suggestions in reverse order: every row differs from the sample list.
  private static let reshuffled = Array(SampleState.suggestions().reversed())

  /// `Fixture.openChat()`, then a second customer message at +40 s whose reshuffled list arrives at
  /// +40.1 s.
  private func reshuffledAt40() -> ConsoleState {
    var state = Fixture.openChat()
    Fixture.say(&state, Fixture.chat, "And the other order?", at: 40)
    Fixture.deliverRanking(&state, suggestions: Self.reshuffled, at: 40.1)
    return state
  }

  @Test func aNumberKeyPressed0_2sAfterANewListIsRefusedWithANotice() {
    var state = reshuffledAt40()
    let effects = Fixture.press(&state, .character("1"), at: 40.3)
    #expect(Fixture.commitments(effects).isEmpty)
    #expect(Fixture.recorded(effects).isEmpty)
    #expect(state.status?.text == "The suggestions just changed — check them and press again")
    #expect(state.status?.isWarning == true)
    #expect(Fixture.row(state, state.size.height - 1).contains("The suggestions just changed"))
  }

  @Test func theSameKeyPressed0_6sAfterTheListIsAcceptedWithTheRowOnScreen() throws {
    var state = reshuffledAt40()
    let commitment = try #require(
      Fixture.commitments(Fixture.press(&state, .character("1"), at: 40.7)).first)
    let shown = Self.reshuffled[0]
    #expect(commitment.decision == .accepted(suggestionID: shown.id, rank: 1, text: shown.text))
    #expect(abs(commitment.responseSeconds - 0.7) < 1e-6)
  }

  @Test func enterOnARowThatJustChangedIsRefusedToo() {
    var state = reshuffledAt40()
    #expect(Fixture.commitments(Fixture.press(&state, .enter, at: 40.2)).isEmpty)
    #expect(state.status?.text == suggestionsJustChangedNotice)
    #expect(Fixture.commitments(Fixture.press(&state, .enter, at: 40.6)).count == 1)
  }

  @Test func aKeyRightAfterACustomerMessageIsRefusedBeforeTheNewListArrives() {
    var state = Fixture.openChat()
    Fixture.say(&state, Fixture.chat, "Hello?", at: 40)
    #expect(Fixture.commitments(Fixture.press(&state, .character("1"), at: 40.2)).isEmpty)
    #expect(state.status?.text == suggestionsJustChangedNotice)
  }

  @Test func aRowThatKeptItsTextCanBeSentWhileAnotherRowChanges() {
    var state = Fixture.openChat()
    var changed = SampleState.suggestions()
    changed[4] = Suggestion(
      source: .template(id: "new.row"), segments: [.literal("A new fifth row")], score: 0.4)
    Fixture.deliverRanking(&state, suggestions: changed, at: 40)
    #expect(Fixture.commitments(Fixture.press(&state, .character("5"), at: 40.2)).isEmpty)
    #expect(Fixture.commitments(Fixture.press(&state, .character("1"), at: 40.2)).count == 1)
  }

  @Test func aDoublePressAfterASendSendsNothing() throws {
    var state = Fixture.openChat()
    let first = try #require(Fixture.commitments(Fixture.press(&state, .character("1"), at: 30)).first)
    _ = update(&state, .committed(first, now: Fixture.start + 30.05))
    #expect(Fixture.commitments(Fixture.press(&state, .character("1"), at: 30.2)).isEmpty)
    #expect(state.status?.text == suggestionsJustChangedNotice)
  }

  @Test func aChatJustSwitchedToSettlesBeforeItsKeysSend() {
    var state = Fixture.twoChats()
    Fixture.press(&state, .control("p"), at: 40)
    #expect(Fixture.commitments(Fixture.press(&state, .character("1"), at: 40.3)).isEmpty)
    let sent = Fixture.commitments(Fixture.press(&state, .character("1"), at: 40.5))
    #expect(sent.map(\.chat) == [Fixture.chat])
  }

  @Test func theTitleSaysJustChangedUntilTheListSettlesAndTheRunnerWakesThen() throws {
    var state = reshuffledAt40()
    _ = update(&state, .tick(now: Fixture.start + 40.2))
    let title = try #require(
      render(state, size: state.size).plainText.split(separator: "\n").first { $0.contains("Suggestions") })
    #expect(title.contains("Suggestions · just changed"))
    #expect(state.nextSettleTime == Fixture.start + 40.6)
    _ = update(&state, .tick(now: Fixture.start + 40.6))
    #expect(!render(state, size: state.size).plainText.contains("just changed"))
    #expect(state.nextSettleTime == nil)
  }

  @Test func aSendFromAListNotYetRecordedRecordsThatListFirst() throws {
    var state = Fixture.openChat()
    let first = try #require(Fixture.commitments(Fixture.press(&state, .character("2"), at: 30)).first)
    _ = update(&state, .committed(first, now: Fixture.start + 30))
    Fixture.deliverRanking(&state, suggestions: Self.reshuffled, at: 30.1)
    let effects = Fixture.press(&state, .character("1"), at: 35)
    guard case .suggestionsShown(let shown, _) = Fixture.recorded(effects).first else {
      Issue.record("the list on screen was not recorded: \(effects)")
      return
    }
    let sent = SampleState.suggestions()[1]
    #expect(shown.map(\.id) == Self.reshuffled.filter { $0 != sent }.map(\.id))
    guard case .commit(let commitment) = effects.last else {
      Issue.record("the decision does not follow the list: \(effects)")
      return
    }
    #expect(
      commitment.decision
        == .accepted(suggestionID: Self.reshuffled[0].id, rank: 1, text: Self.reshuffled[0].text))
  }

  @Test func aListAlreadyRecordedIsNotRecordedAgain() {
    var state = Fixture.openChat()
    let effects = Fixture.press(&state, .character("1"))
    #expect(Fixture.recorded(effects).isEmpty)
    #expect(Fixture.commitments(effects).count == 1)
  }
}
