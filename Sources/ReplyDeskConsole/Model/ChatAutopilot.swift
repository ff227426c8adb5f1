import Foundation

/// What autopilot did in one chat: the turns it sent, and where it stands on the customer's turns.
struct ChatAutopilot: Equatable, Sendable {
  /// Where autopilot stands in the chat.
  enum Phase: Equatable, Sendable {
    /// It has not acted on any customer turn.
    case idle
    /// It acted on this customer turn (sent a reply, or handed over and a reply has gone out since).
    case acted(onTurn: Int)
    /// It handed the chat to the representative (or its reply failed to save), and no reply has gone
    /// out since: the tab shows "!AP" until one does.
    case needsTakeover(onTurn: Int?)
  }

  /// Ids of the turns autopilot sent, shown as "Autopilot".
  var sentTurns: Set<Int> = []
  var phase = Phase.idle

  /// The customer turn autopilot last acted on, so it acts once per turn.
  var actedTurn: Int? {
    switch phase {
    case .idle: nil
    case .acted(let turn): turn
    case .needsTakeover(let turn): turn
    }
  }

  var needsTakeover: Bool {
    if case .needsTakeover = phase { true } else { false }
  }

  /// Autopilot acts on customer turn `turn`.
  mutating func act(on turn: Int) {
    phase = .acted(onTurn: turn)
  }

  /// Autopilot gives the chat to the representative.
  mutating func handOver() {
    phase = .needsTakeover(onTurn: actedTurn)
  }

  /// A reply went out: the representative (or autopilot) has the chat in hand again.
  mutating func replySent() {
    phase = actedTurn.map { .acted(onTurn: $0) } ?? .idle
  }
}
