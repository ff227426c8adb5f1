import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// ^T after an own or edited reply: the prompt for intent and conditions, the near-duplicate
/// warning, and what is asked to be saved.
@Suite struct SaveTemplatePromptTests {
  /// The sample chat with `reply` written, sent and committed.
  static func afterSending(_ reply: String) throws -> ConsoleState {
    var state = TemplateFinderTests.chatWithLibrary()
    Fixture.type(&state, reply)
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .enter)).first)
    #expect(commitment.decision == .written(text: reply))
    _ = update(&state, .committed(commitment, now: Fixture.start + 31))
    return state
  }

  private func prompt(_ state: ConsoleState) -> TemplateSavePrompt? {
    if case .saveTemplate(let prompt) = state.overlay { prompt } else { nil }
  }

  private func saved(_ effects: [ConsoleEffect]) -> TemplateDraft? {
    effects.lazy.compactMap { if case .saveTemplate(let draft) = $0 { draft } else { nil } }.first
  }

  @Test func controlTAfterAnOwnReplyAsksForIntentAndConditionsThenSaves() throws {
    let reply = "Dana, your mugs from A1234 were checked at our warehouse on arrival."
    var state = try Self.afterSending(reply)
    #expect(state.status?.text.contains("^T") == true)
    Fixture.press(&state, .control("t"), at: 32)
    let opened = try #require(prompt(state))
    #expect(
      opened.templateText
        == "{customer.first_name}, your mugs from {order.id} were checked at our warehouse on arrival.")
    #expect(opened.intent.text == "refund_status")
    #expect(
      opened.conditions.map(\.entry) == [
        "order.status: [delivered]", "refund.status: [issued]", "customer.membership: [gold]",
      ])
    #expect(opened.conditions.map(\.kept) == [false, false, false], "the reply states no order state")
    #expect(opened.nearDuplicate == nil)
    Fixture.press(&state, .control("w"), at: 33)
    Fixture.type(&state, "Return checked")
    #expect(state.context == .templateIntent)
    Fixture.press(&state, .enter, at: 34)
    #expect(state.context == .templateConditions)
    Fixture.press(&state, .character(" "), .down, .down, .right, at: 35)
    let effects = Fixture.press(&state, .enter, at: 36)
    #expect(state.overlay == nil)
    let draft = try #require(saved(effects))
    #expect(draft.text == reply)
    #expect(draft.intents == ["return_checked"])
    #expect(draft.when == ["order.status: [delivered]", "customer.membership: [guest]"])
    #expect(draft.order?.id == "A1234")
  }

  @Test func aNearDuplicateIsNamedAndCanStillBeSavedOrCancelled() throws {
    var state = try Self.afterSending("Done: order A1234 is cancelled now.")
    Fixture.press(&state, .control("t"), at: 32)
    let opened = try #require(prompt(state))
    #expect(opened.nearDuplicate?.id == "cancellation.done")
    #expect(opened.conditions.first?.entry == "order.status: [delivered]")
    #expect(opened.conditions.first?.kept == true, "the reply states the order is cancelled")
    #expect(opened.conditions.dropFirst().map(\.kept) == [false, false])
    let screen = render(state, size: Size(width: 120, height: 40)).plainText
    #expect(screen.contains("Nearly the same as template cancellation.done"))
    Fixture.press(&state, .escape, at: 33)
    #expect(state.overlay == nil)
    #expect(state.status?.text == "Not saved as a template; ^T asks again")
    Fixture.press(&state, .control("t"), at: 34)
    let effects = Fixture.press(&state, .enter, .enter, at: 35)
    #expect(saved(effects)?.text == "Done: order A1234 is cancelled now.")
  }

  @Test func anEditedSuggestionCanBeSavedButOneSentUnchangedCannot() throws {
    var state = TemplateFinderTests.chatWithLibrary()
    let accepted = try #require(Fixture.commitments(Fixture.press(&state, .character("1"))).first)
    _ = update(&state, .committed(accepted, now: Fixture.start + 31))
    Fixture.press(&state, .control("t"), at: 32)
    #expect(state.overlay == nil)
    #expect(state.status?.text.hasPrefix("Nothing to save") == true)

    Fixture.press(&state, .control("e"), at: 33)
    Fixture.type(&state, " Sorry again.")
    let edited = try #require(Fixture.commitments(Fixture.press(&state, .enter, at: 34)).first)
    guard case .edited = edited.decision else {
      Issue.record("expected an edit, got \(edited.decision)")
      return
    }
    _ = update(&state, .committed(edited, now: Fixture.start + 35))
    Fixture.press(&state, .control("t"), at: 36)
    #expect(prompt(state)?.reply.text.hasSuffix("Sorry again.") == true)
  }
}
