import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

@Suite struct SuggestionKeyTests {
  @Test func digitSendsThatSuggestionAsAccepted() throws {
    var state = Fixture.openChat()
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .character("2"))).first)
    let expected = SampleState.suggestions()[1]
    #expect(commitment.decision == .accepted(suggestionID: expected.id, rank: 2, text: expected.text))
    #expect(commitment.responseSeconds == 20)
  }

  @Test func digitOnASuggestionWithAGapLoadsTheComposerInstead() {
    var state = Fixture.openChat()
    let effects = Fixture.press(&state, .character("3"))
    #expect(Fixture.commitments(effects).isEmpty)
    #expect(state.focus == .composer)
    #expect(state.composer.text == "Here is your tracking number: [order.tracking_link]")
    #expect(state.status?.text.contains("[order.tracking_link]") == true)
    #expect(state.status?.isWarning == true)
  }

  @Test func digitBeyondTheListSaysSo() {
    var state = Fixture.openChat(suggestions: Array(SampleState.suggestions().prefix(2)))
    #expect(Fixture.press(&state, .character("7")).isEmpty)
    #expect(state.status?.text == "No suggestion 7")
  }

  @Test func enterSendsTheHighlightedSuggestion() throws {
    var state = Fixture.openChat()
    Fixture.press(&state, .down)
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .enter)).first)
    guard case .accepted(_, let rank, _) = commitment.decision else {
      Issue.record("expected accepted, got \(commitment.decision)")
      return
    }
    #expect(rank == 2)
  }

  @Test func arrowsMoveTheHighlightWithinTheList() {
    var state = Fixture.openChat()
    Fixture.press(&state, .down, .down, .down)
    #expect(state.active?.suggestions.highlighted == 3)
    Fixture.press(&state, .up, .up)
    #expect(state.active?.suggestions.highlighted == 1)
    Fixture.press(&state, .up, .up, .up)
    #expect(state.active?.suggestions.highlighted == 0)
  }

  @Test func controlEAndF2LoadTheHighlightedSuggestionForEditing() {
    for key in [Key.control("e"), .function(2)] {
      var state = Fixture.openChat()
      Fixture.press(&state, .down, key)
      #expect(state.focus == .composer)
      #expect(state.editOrigin?.rank == 2)
      #expect(state.composer.text == SampleState.suggestions()[1].text)
    }
  }

  @Test func tabCyclesFocusAndShiftTabGoesBack() {
    var state = Fixture.openChat()
    Fixture.press(&state, .tab)
    #expect(state.focus == .composer)
    Fixture.press(&state, .tab, .tab)
    #expect(state.focus == .profile)
    Fixture.press(&state, .tab)
    #expect(state.focus == .suggestions)
    Fixture.press(&state, .backTab)
    #expect(state.focus == .profile)
  }

  @Test func pageKeysScrollTheConversationAndClamp() {
    var state = Fixture.openChat(lines: 40)
    Fixture.press(&state, .pageUp)
    let page = state.active?.scroll.conversation ?? 0
    #expect(page > 0)
    Fixture.press(&state, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp)
    let top = state.active?.scroll.conversation ?? 0
    Fixture.press(&state, .pageUp)
    #expect(state.active?.scroll.conversation == top)
    Fixture.press(&state, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown)
    #expect(state.active?.scroll.conversation == 0)
  }

  @Test func arrowsScrollConversationAndProfileByLine() {
    var state = Fixture.openChat(size: Size(width: 80, height: 14), lines: 10)
    Fixture.press(&state, .tab, .tab)
    #expect(state.focus == .conversation)
    Fixture.press(&state, .up, .up)
    #expect(state.active?.scroll.conversation == 2)
    Fixture.press(&state, .down)
    #expect(state.active?.scroll.conversation == 1)
    Fixture.press(&state, .tab, .down, .down)
    #expect(state.focus == .profile)
    #expect(state.active?.scroll.profile == 2)
    Fixture.press(&state, .up)
    #expect(state.active?.scroll.profile == 1)
  }

  @Test func controlXOpensTheEscalationPickerOnlyForAnOpenChat() {
    var idle = Fixture.emptyState()
    Fixture.press(&idle, .control("x"))
    #expect(idle.overlay == nil)
    var state = Fixture.openChat()
    Fixture.press(&state, .control("x"))
    #expect(state.overlay == .escalation(EscalationDraft()))
  }

  @Test func altATogglesAttendedWordHighlighting() {
    var state = Fixture.openChat()
    Fixture.press(&state, .alt("a"))
    #expect(state.highlightAttention)
    #expect(state.status?.text.contains("reports none") == true)
    Fixture.press(&state, .alt("a"))
    #expect(!state.highlightAttention)
  }

  @Test func f1OpensHelp() {
    var state = Fixture.openChat()
    Fixture.press(&state, .function(1))
    #expect(state.overlay == .help(scroll: 0))
  }

  @Test func controlQQuitsAtOnceWithoutAnOpenChat() {
    var state = Fixture.emptyState()
    #expect(Fixture.press(&state, .control("q")) == [.quit])
    #expect(state.hasQuit)
  }

  @Test func controlQAsksFirstWhileAChatIsOpen() {
    var state = Fixture.openChat()
    #expect(Fixture.press(&state, .control("q")).isEmpty)
    #expect(state.overlay == .confirmQuit)
    #expect(!state.hasQuit)
  }

  @Test func controlQQuitsFromTheComposerToo() {
    var state = Fixture.openChat()
    Fixture.press(&state, .tab, .control("q"))
    #expect(state.overlay == .confirmQuit)
  }

  @Test func printableKeyInSuggestionsStartsAWrittenReply() {
    var state = Fixture.openChat()
    let effects = Fixture.type(&state, "Hi")
    #expect(state.focus == .composer)
    #expect(state.composer.text == "Hi")
    #expect(Fixture.rankRequests(effects).last?.draft == "Hi")
  }
}
