import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// Every replay binding, through `updateReplay`.
@Suite struct ReplayKeyTests {
  @Test func pickerMovesWithArrowsAndJKAndStopsAtTheEnds() {
    var state = ReplayFixture.picker()
    ReplayFixture.press(&state, .down)
    #expect(state.selected == 1)
    ReplayFixture.press(&state, .character("j"))
    #expect(state.selected == 1)
    ReplayFixture.press(&state, .up, .character("k"))
    #expect(state.selected == 0)
  }

  @Test func enterLoadsTheHighlightedSessionAndItOpensAtTheFirstTurn() {
    var state = ReplayFixture.picker()
    ReplayFixture.press(&state, .down)
    #expect(ReplayFixture.press(&state, .enter) == [.load(ChatID("chat-0041"))])
    _ = updateReplay(&state, .loaded(ReplayFixture.chat, ReplayFixture.events(), now: ReplayFixture.start))
    #expect(state.session == nil)
    _ = updateReplay(&state, .loaded(ChatID("chat-0041"), ReplayFixture.events(), now: ReplayFixture.start))
    #expect(state.session?.timeline.steps.count == 8)
    #expect(ReplayFixture.position(state) == 0)
    #expect(state.context == .replay)
  }

  @Test func aFailedLoadSaysWhyAndStaysOnTheList() {
    var state = ReplayFixture.picker()
    ReplayFixture.press(&state, .enter)
    _ = updateReplay(&state, .loadFailed(ReplayFixture.chat, reason: "corrupt", now: ReplayFixture.start))
    #expect(state.session == nil && state.loading == nil)
    #expect(state.status?.isWarning == true && state.status?.text.contains("corrupt") == true)
  }

  @Test func quitFromTheListAndFromASession() {
    for key in [Key.character("q"), .control("c"), .control("q")] {
      var list = ReplayFixture.picker()
      #expect(ReplayFixture.press(&list, key) == [.quit] && list.hasQuit)
      var session = ReplayFixture.opened()
      #expect(ReplayFixture.press(&session, key) == [.quit] && session.hasQuit)
    }
  }

  @Test func stepsForwardAndBackWithArrowsAndHL() {
    var state = ReplayFixture.opened()
    ReplayFixture.press(&state, .right, .character("l"))
    #expect(ReplayFixture.position(state) == 2)
    ReplayFixture.press(&state, .left)
    #expect(ReplayFixture.position(state) == 1)
    ReplayFixture.press(&state, .character("h"), .character("h"))
    #expect(ReplayFixture.position(state) == 0)
    #expect(state.status?.text == "At the first turn")
  }

  @Test func homeAndEndGoToTheFirstAndLastTurn() {
    var state = ReplayFixture.opened()
    ReplayFixture.press(&state, .end)
    #expect(ReplayFixture.position(state) == 7)
    ReplayFixture.press(&state, .right)
    #expect(state.status?.text == "At the last turn")
    ReplayFixture.press(&state, .character("g"))
    #expect(ReplayFixture.position(state) == 0)
    ReplayFixture.press(&state, .character("G"))
    ReplayFixture.press(&state, .home)
    #expect(ReplayFixture.position(state) == 0)
  }

  @Test func jumpsToTheNextEditAndEscalation() {
    var state = ReplayFixture.opened()
    ReplayFixture.press(&state, .character("e"))
    #expect(state.session?.timeline.current?.agentTurn?.isEdit == true)
    ReplayFixture.press(&state, .character("e"))
    #expect(ReplayFixture.position(state) == 4)
    #expect(state.status?.text == "No edited reply after this turn")
    ReplayFixture.press(&state, .character("x"))
    #expect(state.session?.timeline.current?.agentTurn?.isEscalation == true)
    ReplayFixture.press(&state, .character("x"))
    #expect(state.status?.text == "No escalation after this turn")
  }

  @Test func speedGoesFrom1xTo16xAndBack() {
    var state = ReplayFixture.opened()
    var speeds: [Double] = []
    for key in [Key.character("+"), .character("="), .character("+"), .character("+"), .character("+")] {
      ReplayFixture.press(&state, key)
      speeds.append(state.session?.playback.speed ?? 0)
    }
    #expect(speeds == [2, 4, 8, 16, 16])
    ReplayFixture.press(
      &state, .character("-"), .character("-"), .character("-"), .character("-"), .character("-"))
    #expect(state.session?.playback.speed == 1)
  }

  @Test func playingFollowsTheRealGapsScaledBySpeed() {
    var state = ReplayFixture.opened()
    let start = ReplayFixture.start
    _ = updateReplay(&state, .key(.character(" "), now: start + 1000))
    #expect(state.session?.playback.isPlaying == true)
    _ = updateReplay(&state, .tick(now: start + 1001.5))
    #expect(ReplayFixture.position(state) == 0)
    _ = updateReplay(&state, .tick(now: start + 1002))
    #expect(ReplayFixture.position(state) == 1)
    _ = updateReplay(&state, .key(.character("+"), now: start + 1002))
    _ = updateReplay(&state, .key(.character("+"), now: start + 1002))
    _ = updateReplay(&state, .tick(now: start + 1006.5))
    #expect(ReplayFixture.position(state) == 2)
    _ = updateReplay(&state, .key(.character(" "), now: start + 1007))
    _ = updateReplay(&state, .tick(now: start + 1100))
    #expect(ReplayFixture.position(state) == 2)
    #expect(state.session?.playback.isPlaying == false)
  }

  @Test func pausedTimeIsNotPlayedWhenPlayResumes() {
    var state = ReplayFixture.opened()
    let start = ReplayFixture.start
    _ = updateReplay(&state, .tick(now: start + 1000))
    _ = updateReplay(&state, .key(.character(" "), now: start + 5000))
    _ = updateReplay(&state, .tick(now: start + 5001))
    #expect(ReplayFixture.position(state) == 0)
  }

  @Test func playAtTheEndSaysSoInsteadOfPlaying() {
    var state = ReplayFixture.opened()
    ReplayFixture.press(&state, .end, .character(" "))
    #expect(state.session?.playback.isPlaying == false)
    #expect(state.status?.text.hasPrefix("At the end") == true)
  }

  @Test func aQANoteTakesARatingThenTextAndIsSavedAtTheCurrentTurn() throws {
    var state = ReplayFixture.opened()
    ReplayFixture.press(&state, .character("e"), .character(" "), .character("n"))
    #expect(state.session?.playback.isPlaying == false)
    #expect(state.context == .replayRating)
    ReplayFixture.press(&state, .character("4"))
    #expect(state.context == .replayNote)
    for character in "Nice edit" { ReplayFixture.press(&state, .character(character)) }
    ReplayFixture.press(&state, .backspace, .control("w"))
    for character in "fix" { ReplayFixture.press(&state, .character(character)) }
    let effects = ReplayFixture.press(&state, .enter)
    let edited = try #require(state.session?.timeline.current?.event)
    let note = SessionEvent(
      chat: ReplayFixture.chat, time: edited.time, kind: .qaNote(text: "Nice fix", rating: 4))
    #expect(effects == [.appendNote(note)])
    #expect(state.overlay == nil)
    _ = updateReplay(&state, .noteSaved(note, now: ReplayFixture.start + 800))
    #expect(state.session?.timeline.current?.event == note)
    #expect(ReplayFixture.position(state) == 5)
    #expect(state.session?.timeline.steps.count == 9)
  }

  @Test func aNoteWithoutRatingAndCancelling() {
    var state = ReplayFixture.opened()
    ReplayFixture.press(&state, .character("n"), .character("0"))
    #expect(state.overlay == .note(QANoteDraft(rating: nil, choosingRating: false)))
    #expect(ReplayFixture.press(&state, .enter).isEmpty)
    #expect(state.status?.isWarning == true)
    ReplayFixture.press(&state, .escape)
    #expect(state.overlay == nil && state.session != nil)
    ReplayFixture.press(&state, .character("n"), .enter)
    #expect(state.context == .replayNote)
    ReplayFixture.press(&state, .escape)
    ReplayFixture.press(&state, .character("n"), .escape)
    #expect(state.overlay == nil)
  }

  @Test func aFailedNoteSaveIsReported() {
    var state = ReplayFixture.opened()
    _ = updateReplay(&state, .noteFailed(reason: "read-only store", now: ReplayFixture.start + 800))
    #expect(state.status?.isWarning == true)
    #expect(state.session?.timeline.steps.count == 8)
  }

  @Test func notesFromEarlierRunsReplayAfterTheirTurn() {
    var events = ReplayFixture.events()
    events.append(
      SessionEvent(
        chat: ReplayFixture.chat, time: ReplayFixture.start + 20, kind: .qaNote(text: "ok", rating: 3)))
    let session = ReplaySession(chat: ReplayFixture.chat, events: events)
    #expect(session.timeline.steps[3].event.kind == .qaNote(text: "ok", rating: 3))
    #expect(session.timeline.steps[0].event.kind == events[0].kind)
  }

  @Test func backToTheListWithBOrEsc() {
    for key in [Key.character("b"), .escape] {
      var state = ReplayFixture.opened()
      ReplayFixture.press(&state, key)
      #expect(state.session == nil && state.context == .replayPicker)
    }
  }

  @Test func helpOpensScrollsAndCloses() {
    var state = ReplayFixture.opened(size: Size(width: 80, height: 16))
    ReplayFixture.press(&state, .character("?"))
    #expect(state.context == .help)
    ReplayFixture.press(&state, .down)
    #expect(state.overlay == .help(scroll: 5))
    ReplayFixture.press(&state, .up, .escape)
    #expect(state.overlay == nil)
    let help = OverlayRender.helpLines(for: BindingContext.replayContexts).map { $0.map(\.text).joined() }
    #expect(help.contains { $0.contains("Space") && $0.contains("play") })
    #expect(
      !OverlayRender.helpLines().contains {
        $0.map(\.text).joined().contains("Space") && $0.map(\.text).joined().contains("play")
      })
  }
}

/// Scrolling the replayed conversation.
@Suite struct ReplayScrollTests {
  @Test func pageUpShowsEarlierTurnsAndAStepScrollsBackDown() {
    var state = ReplayFixture.opened(size: Size(width: 80, height: 16))
    ReplayFixture.press(&state, .end)
    let before = renderReplay(state, size: state.size).plainText
    #expect(!before.contains("Chat taken by"))
    ReplayFixture.press(&state, .pageUp, .pageUp, .pageUp)
    let scrolled = state.session?.conversationScroll ?? 0
    #expect(scrolled > 0)
    #expect(renderReplay(state, size: state.size).plainText.contains("Chat taken by"))
    ReplayFixture.press(&state, .pageUp)
    #expect(state.session?.conversationScroll == scrolled)
    ReplayFixture.press(&state, .pageDown, .pageDown, .pageDown, .pageDown)
    #expect(state.session?.conversationScroll == 0)
    ReplayFixture.press(&state, .pageUp, .character("+"))
    #expect(state.session?.conversationScroll ?? 0 > 0)
    ReplayFixture.press(&state, .left)
    #expect(state.session?.conversationScroll == 0)
  }
}
