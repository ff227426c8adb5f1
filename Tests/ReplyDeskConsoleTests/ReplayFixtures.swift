import Foundation
import ReplyDeskCore

@testable import ReplyDeskConsole

/// A recorded session with an accepted, an edited and an escalated turn, and the replay states
/// built on it.
enum ReplayFixture {
  static let chat = ChatID("chat-0042")
  static let start = SampleState.start

  /// Events of a three-turn chat: accepted at +20 s, edited at +50 s, escalated at +95 s.
  static func events() -> [SessionEvent] {
    let shown = SampleState.suggestions().enumerated().map {
      ShownSuggestion(rank: $0.offset + 1, suggestion: $0.element)
    }
    let texts = SampleState.suggestions().map(\.text)
    let kinds: [(Double, SessionEventKind)] = [
      (0, .started(representative: "Alex Morgan", customer: SampleState.profile(), channel: "chat")),
      (2, .customerMessage(text: "Where is my refund for A1234?")),
      (3, .suggestionsShown(suggestions: shown, ranker: "lexical")),
      (
        20,
        .decision(
          decision: .accepted(suggestionID: shown[0].id, rank: 1, text: texts[0]), responseSeconds: 17)
      ),
      (30, .customerMessage(text: "And my kettle?")),
      (31, .suggestionsShown(suggestions: shown, ranker: "lexical")),
      (
        50,
        .decision(
          decision: .edited(
            suggestionID: shown[1].id, rank: 2, original: texts[1],
            final: texts[1].replacingOccurrences(of: "I'm sorry", with: "Apologies,") + " Thanks for waiting."
          ),
          responseSeconds: 19)
      ),
      (60, .customerMessage(text: "This is the third time I ask!")),
      (61, .suggestionsShown(suggestions: shown, ranker: "lexical")),
      (
        95,
        .decision(
          decision: .escalated(reason: "Needs a supervisor", note: "repeat contact"), responseSeconds: 35)
      ),
      (95, .ended(outcome: .escalated)),
    ]
    return kinds.map { SessionEvent(chat: chat, time: start + $0.0, kind: $0.1) }
  }

  static func entries() -> [ReplaySessionEntry] {
    [
      ReplaySessionEntry(
        id: chat, startedAt: start, representative: "Alex Morgan", customerName: "Dana Whitfield",
        outcome: .escalated),
      ReplaySessionEntry(
        id: ChatID("chat-0041"), startedAt: start - 3600, representative: "Sam Lee", customerName: "Ana Díaz",
        outcome: .resolved),
    ]
  }

  /// The session list, nothing opened.
  static func picker(size: Size = Size(width: 80, height: 24)) -> ReplayState {
    ReplayState(size: size, now: start + 600, timeZone: TimeZone(identifier: "UTC")!, sessions: entries())
  }

  /// The fixture session opened at its first step.
  static func opened(size: Size = Size(width: 80, height: 24)) -> ReplayState {
    var state = picker(size: size)
    _ = updateReplay(&state, .key(.enter, now: start + 600))
    _ = updateReplay(&state, .loaded(chat, events(), now: start + 601))
    state.statusLine.clear()
    return state
  }

  /// Presses `keys` as the runner delivers them: each between frames, whose measured scroll
  /// extents are fed back.
  @discardableResult
  static func press(_ state: inout ReplayState, _ keys: Key..., at offset: Double = 700) -> [ReplayEffect] {
    func measure() {
      let extents = drawReplayFrame(state, size: state.size).extents
      if extents != state.extents { _ = updateReplay(&state, .measured(extents, now: start + offset)) }
    }
    return keys.flatMap { key in
      measure()
      defer { measure() }
      return updateReplay(&state, .key(key, now: start + offset))
    }
  }

  static func position(_ state: ReplayState) -> Int { state.session?.timeline.position ?? -1 }
}
