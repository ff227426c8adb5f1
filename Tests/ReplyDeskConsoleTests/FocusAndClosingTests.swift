import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// Focus after a send, escalation from every pane, and a clean composer once a chat closes.
@Suite struct FocusAndClosingTests {
  /// A chat with suggestion 1 loaded into the composer and edited.
  private func editingFirst() -> ConsoleState {
    var state = Fixture.openChat()
    Fixture.press(&state, .control("e"))
    Fixture.type(&state, " Thanks!")
    return state
  }

  private func escalate(_ state: inout ConsoleState, from key: Key) throws {
    Fixture.press(&state, key, .character("1"))
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .enter)).first)
    _ = update(&state, .committed(commitment, now: Fixture.start + 31))
  }

  @Test func sendingFromTheComposerReturnsFocusToTheSuggestions() throws {
    var state = editingFirst()
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .enter)).first)
    _ = update(&state, .committed(commitment, now: Fixture.start + 31))
    #expect(state.focus == .suggestions)
    #expect(state.composer.isEmpty)
    #expect(state.editOrigin == nil)
    _ = update(
      &state,
      .channel(
        ChannelEvent(chat: Fixture.chat, kind: .message("Thanks, and A1311?")), now: Fixture.start + 40))
    Fixture.deliverRanking(&state, suggestions: SampleState.suggestions())
    let next = Fixture.commitments(Fixture.press(&state, .character("2"), at: 41))
    #expect(next.first?.decision.sentText == SampleState.suggestions()[1].text)
    #expect(state.context == .suggestions)
  }

  @Test func writtenReplyWithTrailingSpaceAlsoClearsTheComposer() throws {
    var state = Fixture.openChat()
    Fixture.press(&state, .tab)
    Fixture.type(&state, "On it ")
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .enter)).first)
    _ = update(&state, .committed(commitment, now: Fixture.start + 31))
    #expect(state.composer.isEmpty)
    #expect(state.focus == .suggestions)
  }

  @Test func textTypedAfterSendingIsKeptInTheComposer() throws {
    var state = editingFirst()
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .enter)).first)
    Fixture.type(&state, "!")
    _ = update(&state, .committed(commitment, now: Fixture.start + 31))
    #expect(state.composer.text.hasSuffix("!"))
    #expect(state.focus == .composer)
  }

  @Test func controlXEscalatesFromEveryPane() {
    for focus in Focus.allCases {
      var state = Fixture.openChat()
      state.focus = focus
      Fixture.press(&state, .control("x"))
      #expect(state.overlay == .escalation(EscalationDraft()), "from \(focus)")
    }
  }

  @Test func controlXIsInTheFootersAndInHelp() {
    #expect(Bindings.footerHints(for: .composer).contains { $0.label == "^X" && $0.hint == "escalate" })
    #expect(Bindings.footerHints(for: .suggestions).contains { $0.label == "^X" && $0.hint == "escalate" })
    let help = OverlayRender.helpLines().map { $0.map(\.text).joined() }
    #expect(help.filter { $0.contains("^X") }.count == 1, "listed once, under every pane's keys")
    #expect(help.first == OverlayRender.everyPaneTitle)
    var state = editingFirst()
    state.size = Size(width: 160, height: 48)
    state.statusLine.clear()
    let footer = render(state, size: state.size).plainText.split(separator: "\n").last ?? ""
    #expect(footer.contains("^X escalate"))
  }

  @Test func escalatingWhileEditingClearsTheComposer() throws {
    var state = editingFirst()
    try escalate(&state, from: .control("x"))
    #expect(state.active == nil)
    #expect(state.escalations.map(\.id) == [Fixture.chat])
    #expect(state.composer.isEmpty)
    #expect(state.editOrigin == nil)
    #expect(state.focus == .suggestions)
    let screen = render(state, size: state.size).plainText
    #expect(!screen.contains("editing suggestion"))
    #expect(!screen.contains("Thanks!"))
  }

  @Test func escalatingFromTheSuggestionsAfterEscClearsTheKeptText() throws {
    var state = editingFirst()
    Fixture.press(&state, .escape)
    try escalate(&state, from: .control("x"))
    #expect(state.composer.isEmpty)
    #expect(state.editOrigin == nil)
  }

  @Test func customerLeavingClearsTheComposer() {
    var state = editingFirst()
    _ = update(&state, .channel(ChannelEvent(chat: Fixture.chat, kind: .left()), now: Fixture.start + 40))
    #expect(state.composer.isEmpty)
    #expect(state.editOrigin == nil)
    #expect(state.focus == .suggestions)
    #expect(!render(state, size: state.size).plainText.contains("editing suggestion"))
  }

  @Test func quittingClearsTheComposer() {
    var state = editingFirst()
    Fixture.press(&state, .control("q"), .character("h"))
    #expect(state.hasQuit)
    #expect(state.composer.isEmpty)
    #expect(state.editOrigin == nil)
  }
}
