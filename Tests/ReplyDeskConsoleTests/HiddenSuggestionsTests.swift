import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// Practice with `--hide-suggestions`: ranked and recorded, never shown, never sent by a key.
@Suite struct HiddenSuggestionsTests {
  private func hiddenChat(size: Size = Size(width: 80, height: 24)) -> ConsoleState {
    var state = Fixture.emptyState(size: size)
    state.hideSuggestions = true
    _ = update(
      &state,
      .channel(
        ChannelEvent(chat: Fixture.chat, kind: .arrived(profile: SampleState.profile(), scenario: "refund")),
        now: Fixture.start))
    _ = update(&state, .key(.control("o"), now: Fixture.start + 5))
    _ = update(
      &state,
      .channel(
        ChannelEvent(chat: Fixture.chat, kind: .message("Where is my refund for A1234?")),
        now: Fixture.start + 10))
    Fixture.deliverRanking(&state, suggestions: SampleState.suggestions())
    return state
  }

  @Test func acceptAndEditKeysOnlySayTheSuggestionsAreHidden() {
    var state = hiddenChat()
    for key: Key in [.enter, .control("e"), .function(2), .down, .up, .alt("a"), .control("t")] {
      state.statusLine.clear()
      #expect(Fixture.press(&state, key).isEmpty, "\(key)")
      #expect(state.status?.text == "No suggestions in this practice: write the reply yourself", "\(key)")
    }
    #expect(
      state.focus == .suggestions && state.composer.text.isEmpty && state.active?.suggestions.highlighted == 0
    )
  }

  @Test func digitsAreTypedSinceNoSuggestionCanBeSent() {
    var state = hiddenChat()
    Fixture.type(&state, "2 days")
    #expect(state.composer.text == "2 days")
    #expect(state.focus == .composer)
  }

  @Test func typingStillWritesAReplyOfOnesOwn() throws {
    var state = hiddenChat()
    Fixture.type(&state, "Let me look")
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .enter)).first)
    #expect(commitment.decision == .written(text: "Let me look"))
  }

  @Test func rankingIsStillRecordedForTheScorecard() {
    var state = Fixture.emptyState()
    state.hideSuggestions = true
    _ = update(
      &state,
      .channel(
        ChannelEvent(chat: Fixture.chat, kind: .arrived(profile: SampleState.profile(), scenario: "refund")),
        now: Fixture.start))
    _ = update(&state, .key(.control("o"), now: Fixture.start + 5))
    _ = update(
      &state, .channel(ChannelEvent(chat: Fixture.chat, kind: .message("Refund?")), now: Fixture.start + 10))
    let chat = state.active!
    let request = RankingRequest(
      chat: Fixture.chat, generation: chat.generation, context: chat.conversation.turns,
      profile: chat.conversation.profile)
    let effects = update(
      &state,
      .ranked(
        RankingResult(request: request, suggestions: SampleState.suggestions(), rankerName: "lexical"),
        now: state.now))
    let shown = Fixture.recorded(effects).compactMap { kind -> [ShownSuggestion]? in
      if case .suggestionsShown(let suggestions, _) = kind { suggestions } else { nil }
    }
    #expect(shown.first?.first?.id == SampleState.suggestions()[0].id)
  }

  @Test func footerAndHelpLeaveOutTheBindingsOfHiddenSuggestions() {
    let hidden = BindingSituation(suggestionsHidden: true)
    let needVisible = Bindings.liveTable.filter { $0.condition == .suggestionsVisible }
    #expect(
      needVisible.map(\.action) == [
        .sendNumbered, .sendHighlighted, .editHighlighted, .highlightPrevious, .highlightNext,
        .openFinder, .openFinder, .saveAsTemplate, .pickOrder, .toggleAttention,
      ])
    let footer = Bindings.footerHints(for: .suggestions, in: hidden).map(\.label)
    #expect(footer == ["^X", "^O", "F1", "^R", "Tab", "^N"])
    #expect(Bindings.footerHints(for: .suggestions).map(\.label).prefix(2) == ["1-9", "^E"])
    func helpDescribes(_ binding: Binding, in situation: BindingSituation) -> Bool {
      OverlayRender.helpLines(in: situation).map { $0.map(\.text).joined() }.contains {
        OverlayKeyTests.line($0, describes: binding)
      }
    }
    for binding in needVisible {
      #expect(!helpDescribes(binding, in: hidden), "\(binding.label) \(binding.helpText)")
      #expect(helpDescribes(binding, in: .standard), "\(binding.label) \(binding.helpText)")
    }
  }

  @Test func paneSaysTheSuggestionsAreHiddenAndShowsNone() throws {
    for size in [Size(width: 80, height: 24), Size(width: 160, height: 48)] {
      let text = render(hiddenChat(size: size), size: size).plainText
      #expect(text.contains("Suggestions · hidden for practice"))
      #expect(text.contains("Suggestions are hidden for practice: type your own reply."))
      for suggestion in SampleState.suggestions() {
        #expect(!text.contains(String(suggestion.text.prefix(30))), "\(suggestion.id) is visible")
      }
      try Snapshot.assert(
        text, named: "hidden-suggestions-\(size.width)x\(size.height)", sourceLocation: #_sourceLocation)
    }
  }
}
