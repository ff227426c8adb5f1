import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

@Suite struct ComposerKeyTests {
  private func composing(_ text: String) -> ConsoleState {
    var state = Fixture.openChat()
    Fixture.press(&state, .tab)
    Fixture.type(&state, text)
    return state
  }

  @Test func digitsInTheComposerAreText() {
    var state = composing("Order ")
    let effects = Fixture.type(&state, "42")
    #expect(state.composer.text == "Order 42")
    #expect(Fixture.commitments(effects).isEmpty)
  }

  @Test func enterSendsTypedTextAsWritten() throws {
    var state = composing("  On it!  ")
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .enter)).first)
    #expect(commitment.decision == .written(text: "On it!"))
  }

  @Test func enterWithNothingTypedSaysSo() {
    var state = Fixture.openChat()
    Fixture.press(&state, .tab)
    #expect(Fixture.press(&state, .enter).isEmpty)
    #expect(state.status?.text == "Nothing to send")
  }

  @Test func editedSuggestionIsSentAsEditedWithOriginalAndFinal() throws {
    var state = Fixture.openChat()
    Fixture.press(&state, .control("e"))
    Fixture.type(&state, " Sorry!")
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .enter)).first)
    let original = SampleState.suggestions()[0].text
    #expect(
      commitment.decision
        == .edited(
          suggestionID: "refund.status.issued", rank: 1, original: original, final: original + " Sorry!"))
  }

  @Test func loadedSuggestionSentUnchangedIsAccepted() throws {
    var state = Fixture.openChat()
    Fixture.press(&state, .control("e"))
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .enter)).first)
    guard case .accepted(let id, 1, _) = commitment.decision else {
      Issue.record("expected accepted, got \(commitment.decision)")
      return
    }
    #expect(id == "refund.status.issued")
  }

  @Test func gapMustBeFilledBeforeSending() throws {
    var state = Fixture.openChat()
    Fixture.press(&state, .character("3"))
    #expect(Fixture.commitments(Fixture.press(&state, .enter)).isEmpty)
    #expect(state.status?.text == "Fill [order.tracking_link] before sending")
    Fixture.press(&state, .control("w"))
    Fixture.type(&state, "1Z999")
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .enter)).first)
    #expect(commitment.decision.sentText == "Here is your tracking number: 1Z999")
  }

  @Test func controlJInsertsANewline() {
    var state = composing("a")
    Fixture.press(&state, .control("j"))
    Fixture.type(&state, "b")
    #expect(state.composer.text == "a\nb")
  }

  @Test func escapeReturnsToSuggestionsKeepingTheText() {
    var state = composing("draft")
    Fixture.press(&state, .escape)
    #expect(state.focus == .suggestions)
    #expect(state.composer.text == "draft")
  }

  @Test func cursorKeysMoveWithinAndAcrossLines() {
    var state = composing("abc")
    Fixture.press(&state, .control("j"))
    Fixture.type(&state, "de")
    Fixture.press(&state, .up)
    Fixture.type(&state, "X")
    #expect(state.composer.text == "abXc\nde")
    Fixture.press(&state, .down, .home)
    Fixture.type(&state, "Y")
    #expect(state.composer.text == "abXc\nYde")
    Fixture.press(&state, .end, .left)
    Fixture.type(&state, "Z")
    #expect(state.composer.text == "abXc\nYdZe")
    Fixture.press(&state, .right, .control("a"))
    Fixture.type(&state, "<")
    Fixture.press(&state, .control("e"))
    Fixture.type(&state, ">")
    #expect(state.composer.text == "abXc\n<YdZe>")
  }

  @Test func backspaceDeleteAndWordDelete() {
    var state = composing("hello big world")
    Fixture.press(&state, .backspace)
    #expect(state.composer.text == "hello big worl")
    Fixture.press(&state, .control("w"))
    #expect(state.composer.text == "hello big ")
    Fixture.press(&state, .home, .delete)
    #expect(state.composer.text == "ello big ")
  }

  @Test func wideCharactersAreEditedWhole() {
    var state = composing("配達😀")
    Fixture.press(&state, .backspace)
    #expect(state.composer.text == "配達")
    Fixture.press(&state, .left, .backspace)
    #expect(state.composer.text == "達")
  }

  @Test func editsRerankWithANewerGenerationAndTheDraft() {
    var state = composing("a")
    let before = state.active?.generation ?? 0
    let effects = Fixture.type(&state, "b")
    let request = Fixture.rankRequests(effects).first
    #expect(request?.generation == before + 1)
    #expect(request?.draft == "ab")
  }

  @Test func cursorMovesDoNotRerank() {
    var state = composing("ab")
    #expect(Fixture.rankRequests(Fixture.press(&state, .left, .home)).isEmpty)
  }

  @Test func agentTypingIsSentAtMostEveryFewSeconds() {
    var state = Fixture.openChat()
    Fixture.press(&state, .tab)
    let first = update(&state, .key(.character("a"), now: Fixture.start + 30))
    let second = update(&state, .key(.character("b"), now: Fixture.start + 31))
    let third = update(&state, .key(.character("c"), now: Fixture.start + 34))
    #expect(first.contains(.agentTyping(Fixture.chat)))
    #expect(!second.contains(.agentTyping(Fixture.chat)))
    #expect(third.contains(.agentTyping(Fixture.chat)))
  }

  @Test func f1OpensHelpFromTheComposer() {
    var state = composing("x")
    Fixture.press(&state, .function(1))
    #expect(state.overlay == .help(scroll: 0))
    #expect(state.composer.text == "x")
  }
}

@Suite struct ComposerInputFilterTests {
  @Test func controlAndBidiCharactersNeverEnterTheComposer() {
    var state = Fixture.openChat()
    Fixture.press(&state, .tab)
    Fixture.type(&state, "a\u{9B}\u{202E}\u{7}b")
    #expect(state.composer.text == "ab")
  }
}
