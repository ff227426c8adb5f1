import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// The demo takes its first customer by itself and says which key takes the next; the suggestions
/// record the intent they resolve for each customer turn.
@Suite struct DemoArrivalTests {
  private func arrive(_ state: inout ConsoleState, _ chat: String, named first: String, at offset: Double)
    -> [ConsoleEffect]
  {
    var profile = SampleState.profile()
    profile.firstName = first
    let event = ChannelEvent(chat: ChatID(chat), kind: .arrived(profile: profile, scenario: "refund"))
    return update(&state, .channel(event, now: Fixture.start + offset))
  }

  @Test func theFirstCustomerIsTakenAndTheStatusNamesTheKeyForTheNext() throws {
    var state = Fixture.emptyState()
    state.takesFirstCustomer = true
    let effects = arrive(&state, "a", named: "Ada", at: 1)
    #expect(state.active?.id == ChatID("a"))
    #expect(state.waiting.isEmpty)
    guard case .started = Fixture.recorded(effects).first else {
      Issue.record("the session starts when the chat is taken: \(effects)")
      return
    }
    let take = Bindings.label(of: .takeNext)
    #expect(take == "^O")
    let status = try #require(state.status?.text)
    #expect(status.contains("chat is open") && status.contains("press \(take) to take the next customer"))

    _ = arrive(&state, "b", named: "Bo", at: 4)
    #expect(state.active?.id == ChatID("a"), "the second customer waits")
    #expect(state.waiting.map(\.chat) == [ChatID("b")])
    #expect(state.status?.text.hasSuffix("is waiting: press \(take) to take the chat.") == true)
    #expect(render(state, size: state.size).plainText.contains("1 waiting"))
  }

  @Test func withoutTheDemoOptionEveryCustomerWaits() {
    var state = Fixture.emptyState()
    _ = arrive(&state, "a", named: "Ada", at: 1)
    #expect(state.chats.isEmpty)
    #expect(state.waiting.count == 1)
  }

  @Test func onlyTheFirstIsTakenEvenAfterItsChatEnds() {
    var state = Fixture.emptyState()
    state.takesFirstCustomer = true
    _ = arrive(&state, "a", named: "Ada", at: 1)
    _ = update(
      &state, .channel(ChannelEvent(chat: ChatID("a"), kind: .left(settled: false)), now: Fixture.start + 9))
    _ = arrive(&state, "b", named: "Bo", at: 12)
    #expect(state.waiting.map(\.chat) == [ChatID("b")])
  }

  @Test func theFirstListOfATurnRecordsTheIntentItResolves() {
    var state = Fixture.emptyState()
    state.templates = TemplateCatalog(templates: SampleState.baseTemplates)
    _ = arrive(&state, "chat-7", named: "Dana", at: 0)
    _ = update(&state, .key(.control("o"), now: Fixture.start + 5))
    _ = update(
      &state,
      .channel(
        ChannelEvent(chat: ChatID("chat-7"), kind: .message("Where is my refund?")), now: Fixture.start + 10))
    func suggestion(_ id: String, _ score: Double) -> Suggestion {
      Suggestion(source: .template(id: id), segments: [.literal("Reply \(id).")], score: score)
    }
    let closing = [suggestion("closing.survey", 0.9)]
    let rest = [suggestion("refund.status.issued", 0.8), suggestion("delivery.delayed.apology", 0.7)]
    let recorded = Fixture.recorded(Fixture.deliverRanking(&state, suggestions: closing + rest))
    let intents = recorded.compactMap { kind -> String? in
      if case .intentResolved(let intent) = kind { intent } else { nil }
    }
    #expect(intents == ["refund_status"], "a closing does not name the matter: \(recorded)")
    let again = Fixture.recorded(Fixture.deliverRanking(&state, suggestions: rest))
    #expect(!again.contains { if case .intentResolved = $0 { true } else { false } }, "once per turn")
  }
}
