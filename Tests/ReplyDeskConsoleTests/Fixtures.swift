import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// Builders for console states and events with a fixed clock.
enum Fixture {
  static let start = SampleState.start
  static let utc = TimeZone(identifier: "UTC")!
  static let chat = ChatID("chat-7")

  static func emptyState(size: Size = Size(width: 80, height: 24)) -> ConsoleState {
    ConsoleState(size: size, now: start, representative: "Alex", timeZone: utc)
  }

  /// A console with chat-7 taken, one customer message and the sample suggestions shown.
  static func openChat(
    size: Size = Size(width: 80, height: 24), suggestions: [Suggestion] = SampleState.suggestions()
  )
    -> ConsoleState
  {
    var state = emptyState(size: size)
    _ = update(
      &state,
      .channel(
        ChannelEvent(chat: chat, kind: .arrived(profile: SampleState.profile(), scenario: "refund")),
        now: start))
    _ = update(&state, .key(.control("o"), now: start + 5))
    _ = update(
      &state,
      .channel(ChannelEvent(chat: chat, kind: .message("Where is my refund for A1234?")), now: start + 10))
    deliverRanking(&state, suggestions: suggestions)
    return state
  }

  /// `openChat`, then `lines` more customer messages ("line 0", "line 1", …), to scroll through.
  static func openChat(size: Size = Size(width: 80, height: 24), lines: Int) -> ConsoleState {
    var state = openChat(size: size)
    for index in 0..<lines {
      _ = update(&state, .channel(ChannelEvent(chat: chat, kind: .message("line \(index)")), now: start + 11))
    }
    return state
  }

  /// Feeds a ranking result for the state's current generation, arriving at `offset` seconds after
  /// the start (at the state's time by default).
  @discardableResult
  static func deliverRanking(
    _ state: inout ConsoleState, suggestions: [Suggestion], attended: [AttendedWord] = [],
    at offset: Double? = nil
  ) -> [ConsoleEffect] {
    guard let chat = state.active else { return [] }
    let request = RankingRequest(
      chat: chat.conversation.id, generation: chat.generation, context: chat.conversation.turns,
      profile: chat.conversation.profile, draft: state.composer.text)
    let result = RankingResult(
      request: request, suggestions: suggestions, attended: attended, rankerName: "lexical")
    return update(&state, .ranked(result, now: offset.map { start + $0 } ?? state.now))
  }

  /// Presses `keys` as the runner delivers them: each between frames, whose measured scroll
  /// extents are fed back.
  @discardableResult
  static func press(_ state: inout ConsoleState, _ keys: Key..., at offset: Double = 30) -> [ConsoleEffect] {
    keys.flatMap { key in
      measure(&state, at: start + offset)
      defer { measure(&state, at: start + offset) }
      return update(&state, .key(key, now: start + offset))
    }
  }

  /// What the runner does after drawing a frame: feeds back its scroll extents when they changed.
  static func measure(_ state: inout ConsoleState, at time: Date) {
    let extents = drawFrame(state, size: state.size).extents
    if extents != state.extents { _ = update(&state, .measured(extents, now: time)) }
  }

  @discardableResult
  static func type(_ state: inout ConsoleState, _ text: String) -> [ConsoleEffect] {
    text.flatMap { update(&state, .key(.character($0), now: start + 30)) }
  }

  static func commitments(_ effects: [ConsoleEffect]) -> [Commitment] {
    effects.compactMap { if case .commit(let commitment) = $0 { commitment } else { nil } }
  }

  static func recorded(_ effects: [ConsoleEffect]) -> [SessionEventKind] {
    effects.compactMap { if case .record(let event) = $0 { event.kind } else { nil } }
  }

  static func rankRequests(_ effects: [ConsoleEffect]) -> [RankingRequest] {
    effects.compactMap { if case .rank(let request) = $0 { request } else { nil } }
  }
}

/// A channel that remembers what the console did to it.
final class RecordingChannel: CustomerChannel {
  var sent: [(String, ChatID)] = []
  var closed: [(ChatID, SessionOutcome)] = []
  var typing: [ChatID] = []
  var handedOver: [ChatID] = []
  var descriptors: [Int32] { [] }
  func nextDeadline() -> Date? { nil }
  func poll(now: Date) -> [ChannelEvent] { [] }
  func send(_ text: String, to chat: ChatID, now: Date) { sent.append((text, chat)) }
  func agentTyping(in chat: ChatID, now: Date) { typing.append(chat) }
  func handOver(_ chat: ChatID, now: Date) { handedOver.append(chat) }
  func close(_ chat: ChatID, outcome: SessionOutcome, now: Date) { closed.append((chat, outcome)) }
}

/// A recorder whose disk is full.
final class FailingRecorder: SessionRecorder {
  struct DiskFull: Error, CustomStringConvertible {
    var description: String { "disk full" }
  }
  func record(_ event: SessionEvent) throws { throw DiskFull() }
}
