import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// Typing never runs a command on the main screen: every printable key goes into the reply, and
/// digits send a suggestion (and `/` opens the template finder) only while nothing is written.
@Suite struct TypingTests {
  private static let mainScreen: [BindingContext] = [.suggestions, .composer, .conversation, .profile]

  @Test func noPrintableKeyIsBoundOnTheMainScreenButDigitsAndSlashWithAnEmptyDraft() {
    for binding in Bindings.liveTable where binding.contexts.contains(where: Self.mainScreen.contains) {
      for key in binding.keys {
        guard case .character(let character) = key else { continue }
        #expect(
          (character.isWholeNumber || character == "/") && binding.draft == .empty,
          "\(binding.label) is typed text")
      }
    }
  }

  @Test func everyPrintableKeyTypesIntoTheReplyFromEveryPane() {
    let printable = (32...126).map { Character(Unicode.Scalar(UInt8($0))) }.filter { !$0.isWholeNumber }
    for focus in [Focus.suggestions, .conversation, .profile] {
      var state = Fixture.openChat()
      state.focus = focus
      let effects = Fixture.type(&state, String(printable))
      #expect(state.composer.text == String(printable), "from \(focus)")
      #expect(state.focus == .composer)
      #expect(state.overlay == nil && !state.hasQuit)
      #expect(Fixture.commitments(effects).isEmpty)
    }
  }

  @Test func typingQuicklyNeverQuits() {
    var state = Fixture.openChat()
    let effects = Fixture.type(&state, "quickly")
    #expect(state.composer.text == "quickly")
    #expect(!state.hasQuit && state.overlay == nil && !effects.contains(.quit))
  }

  @Test func typingJustAMomentKeepsTheJAndExactlyLoadsNothing() {
    var state = Fixture.openChat()
    Fixture.type(&state, "just a moment, exactly")
    #expect(state.composer.text == "just a moment, exactly")
    #expect(state.editOrigin == nil)
    #expect(state.active?.suggestions.highlighted == 0)
  }

  @Test func noProblemAtAllAndEnterGoToTheOpenChatWhileAnotherCustomerWaits() throws {
    var state = Fixture.openChat()
    Fixture.arrive(&state, Fixture.second, profile: Fixture.secondProfile(), at: 20)
    Fixture.type(&state, "no problem at all")
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .enter)).first)
    #expect(commitment.chat == Fixture.chat)
    #expect(commitment.decision == .written(text: "no problem at all"))
    #expect(state.waiting.map(\.chat) == [Fixture.second])
    #expect(state.chats.count == 1)
  }

  @Test func digitsAreTypedOnceADraftIsWritten() {
    var state = Fixture.openChat()
    Fixture.type(&state, "Order ")
    Fixture.press(&state, .escape)
    #expect(state.focus == .suggestions)
    let effects = Fixture.type(&state, "42")
    #expect(state.composer.text == "Order 42")
    #expect(Fixture.commitments(effects).isEmpty)
  }

  @Test func enterInTheSuggestionsSendsTheDraftWhenThereIsOne() throws {
    var state = Fixture.openChat()
    Fixture.type(&state, "One moment")
    Fixture.press(&state, .escape)
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .enter)).first)
    #expect(commitment.decision == .written(text: "One moment"))
  }

  @Test func controlUDiscardsTheDraftSoDigitsSendAgain() {
    var state = Fixture.openChat()
    Fixture.type(&state, "Order 4")
    Fixture.press(&state, .control("u"), at: 30)
    #expect(state.composer.isEmpty)
    #expect(state.status?.text == "Draft cleared")
    Fixture.press(&state, .escape, at: 30)
    #expect(Fixture.commitments(Fixture.press(&state, .character("1"), at: 31)).count == 1)
  }

  @Test func editingASuggestionNeverReplacesADraft() {
    var state = Fixture.openChat()
    Fixture.type(&state, "My own words")
    Fixture.press(&state, .escape, .control("e"))
    #expect(state.composer.text == "My own words")
    #expect(state.editOrigin == nil)
    #expect(state.status?.text == "Your draft stays: ^U clears it before editing a suggestion")
  }

  @Test func typingWithNoOpenChatSaysHowToTakeOne() {
    var state = Fixture.emptyState()
    Fixture.arrive(&state, Fixture.chat, at: 0)
    Fixture.type(&state, "n")
    #expect(state.chats.isEmpty)
    #expect(state.status?.text == "No open chat to write in: ^O takes the next customer")
  }

  @Test func controlOAndF3TakeTheNextCustomer() {
    for key in [Key.control("o"), .function(3)] {
      var state = Fixture.emptyState()
      Fixture.arrive(&state, Fixture.chat, at: 0)
      Fixture.press(&state, key, at: 1)
      #expect(state.active?.id == Fixture.chat, "\(key)")
    }
  }
}
