import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// Builders for consoles with more than one chat taken.
extension Fixture {
  static let second = ChatID("chat-8")

  static func secondProfile() -> CustomerProfile {
    var profile = SampleState.profile()
    profile.id = "cust-2077"
    profile.firstName = "Sam"
    profile.lastName = "Okafor"
    return profile
  }

  /// `openChat()` plus chat-8 taken (and focused) with one message and the sample suggestions.
  static func twoChats(size: Size = Size(width: 80, height: 24)) -> ConsoleState {
    var state = openChat(size: size)
    arrive(&state, second, profile: secondProfile(), at: 12)
    _ = update(&state, .key(.control("o"), now: start + 14))
    say(&state, second, "My parcel never came", at: 15)
    deliverRanking(&state, suggestions: SampleState.suggestions())
    return state
  }

  static func arrive(
    _ state: inout ConsoleState, _ chat: ChatID, profile: CustomerProfile = SampleState.profile(),
    at offset: Double
  ) {
    _ = update(
      &state,
      .channel(ChannelEvent(chat: chat, kind: .arrived(profile: profile, scenario: "s")), now: start + offset)
    )
  }

  /// The customer of `chat` sends `text`; returns the console's effects.
  @discardableResult
  static func say(_ state: inout ConsoleState, _ chat: ChatID, _ text: String, at offset: Double)
    -> [ConsoleEffect]
  {
    update(&state, .channel(ChannelEvent(chat: chat, kind: .message(text)), now: start + offset))
  }

  /// A ranking result for `chat` at its current generation (or `generation`), with `confidence`.
  static func result(
    _ state: ConsoleState, _ chat: ChatID, suggestions: [Suggestion] = SampleState.suggestions(),
    confidence: Double? = nil, generation: Int? = nil
  ) -> RankingResult {
    let index = state.index(of: chat)!
    let active = state.chats[index]
    let request = RankingRequest(
      chat: chat, generation: generation ?? active.generation, context: active.conversation.turns,
      profile: active.conversation.profile, draft: state.draft(of: index).text)
    return RankingResult(
      request: request, suggestions: suggestions, rankerName: "lexical", confidence: confidence)
  }

  static func tick(_ state: inout ConsoleState, at offset: Double) -> [ConsoleEffect] {
    update(&state, .tick(now: start + offset))
  }

  static func bells(_ effects: [ConsoleEffect]) -> Int {
    effects.filter { $0 == .bell }.count
  }

  /// The text of row `y` of the rendered screen.
  static func row(_ state: ConsoleState, _ y: Int) -> String {
    let lines = render(state, size: state.size).plainText.split(
      separator: "\n", omittingEmptySubsequences: false)
    return y < lines.count ? String(lines[y]) : ""
  }
}
