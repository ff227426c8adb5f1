import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// Before a chat's first customer message the list offers greetings only.
@Suite struct GreetingsFirstTests {
  private static let greetings = [
    Suggestion(
      source: .template(id: "greeting.welcome"), segments: [.literal("Hi Dana, how can I help?")], score: 0.2),
    Suggestion(source: .template(id: "identity.hello"), segments: [.literal("Hello, I'm Alex.")], score: 0.1),
  ]

  /// chat-7 taken at +5 s before its customer said anything, with the ranker's answer to the take.
  private func takenBeforeTheFirstMessage() -> (state: ConsoleState, request: RankingRequest?) {
    var state = Fixture.emptyState()
    state.greetingTemplateIDs = ["greeting.welcome", "identity.hello"]
    Fixture.arrive(&state, Fixture.chat, at: 0)
    let request = Fixture.rankRequests(Fixture.press(&state, .control("o"), at: 5)).first
    let ranked = [
      SampleState.suggestions()[7], Self.greetings[0], SampleState.suggestions()[0], Self.greetings[1],
    ]
    Fixture.deliverRanking(&state, suggestions: ranked, at: 5)
    return (state, request)
  }

  @Test func takingAChatWithNoCustomerMessageShowsOnlyGreetings() {
    let (state, request) = takenBeforeTheFirstMessage()
    #expect(request?.limit == ShownSuggestions.greetingRequestLimit)
    #expect(state.active?.suggestions == Self.greetings)
    let screen = render(state, size: state.size).plainText
    #expect(screen.contains("Hi Dana, how can I help?"))
    #expect(!screen.contains("is cancelled"))
  }

  @Test func theFirstCustomerMessageBringsBackTheWholeList() {
    var (state, _) = takenBeforeTheFirstMessage()
    let requests = Fixture.rankRequests(Fixture.say(&state, Fixture.chat, "Cancel my order", at: 10))
    #expect(requests.map(\.limit) == [9])
    Fixture.deliverRanking(&state, suggestions: SampleState.suggestions(), at: 10)
    #expect(state.active?.suggestions == SampleState.suggestions())
  }

  @Test func aGreetingSentBeforeTheCustomerSpeaksLeavesOnlyTheOtherGreetings() throws {
    var (state, _) = takenBeforeTheFirstMessage()
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .character("1"), at: 8)).first)
    _ = update(&state, .committed(commitment, now: Fixture.start + 8))
    #expect(state.active?.suggestions == [Self.greetings[1]])
  }

  @Test func greetingsAreTemplatesOfTopicGreetingOrIntentGreet() {
    let templates = [
      ReplyTemplate(id: "greeting.still_there", topic: "greeting", text: "Still there?", intents: ["nudge"]),
      ReplyTemplate(id: "identity.hello", topic: "identity", text: "Hello", intents: ["greet", "identity"]),
      ReplyTemplate(id: "order.cancel.done", topic: "cancellation", text: "Done", intents: ["cancel"]),
    ]
    #expect(ConsoleOptions.greetingIDs(in: templates) == ["greeting.still_there", "identity.hello"])
  }
}
