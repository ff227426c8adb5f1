import Foundation

/// A session's events as a sequence of replay steps with a cursor. Pure: the console owns time
/// and drawing; this type answers where the replay is and where it can go.
public struct ReplayTimeline: Sendable, Equatable {
  public private(set) var steps: [ReplayStep]
  /// The index of the current step; always valid unless `steps` is empty.
  public private(set) var position: Int = 0

  /// Builds steps from events in recorded order.
  public init(events: [SessionEvent], granularity: ReplayGranularity = .turn) {
    var steps: [ReplayStep] = []
    // The list on screen stays the last one recorded until another is: a second reply sent from
    // it (the console records a list only when it changes) was chosen from that same list.
    var lastShown: (suggestions: [ShownSuggestion], ranker: String)?
    for event in events {
      var agentTurn: AgentTurnReplay?
      switch event.kind {
      case .suggestionsShown(let suggestions, let ranker):
        lastShown = (suggestions, ranker)
        if granularity == .turn { continue }
      case .typing, .practiceScore:
        if granularity == .turn { continue }
      case .decision(let decision, let seconds):
        agentTurn = AgentTurnReplay(
          shown: lastShown?.suggestions ?? [], ranker: lastShown?.ranker, decision: decision,
          responseSeconds: seconds)
      default:
        break
      }
      let gap = steps.last.map { max(0, event.time.timeIntervalSince($0.event.time)) } ?? 0
      steps.append(ReplayStep(event: event, gapBefore: gap, agentTurn: agentTurn))
    }
    self.steps = steps
  }

  public var current: ReplayStep? { steps.indices.contains(position) ? steps[position] : nil }
  public var isAtStart: Bool { position == 0 }
  public var isAtEnd: Bool { position >= steps.count - 1 }

  /// Moves one step forward; false (and no move) at the end.
  @discardableResult
  public mutating func stepForward() -> Bool {
    guard !isAtEnd else { return false }
    position += 1
    return true
  }

  /// Moves one step back; false (and no move) at the start.
  @discardableResult
  public mutating func stepBack() -> Bool {
    guard !isAtStart else { return false }
    position -= 1
    return true
  }

  /// Moves to `index`, clamped to the steps.
  public mutating func jump(to index: Int) {
    position = steps.isEmpty ? 0 : min(max(0, index), steps.count - 1)
  }

  /// Moves to the next escalation after the current step; false (and no move) if there is none.
  @discardableResult
  public mutating func jumpToNextEscalation() -> Bool {
    jumpForward { $0.agentTurn?.isEscalation == true }
  }

  /// Moves to the next edited reply after the current step; false (and no move) if there is none.
  @discardableResult
  public mutating func jumpToNextEdit() -> Bool {
    jumpForward { $0.agentTurn?.isEdit == true }
  }

  /// Seconds of session time from the first step to the current one.
  public var elapsed: TimeInterval {
    guard let first = steps.first, let current else { return 0 }
    // Clocks of different machines can put an event before the first one: never negative.
    return max(0, current.event.time.timeIntervalSince(first.event.time))
  }

  private mutating func jumpForward(where matches: (ReplayStep) -> Bool) -> Bool {
    guard position + 1 < steps.count,
      let next = steps[(position + 1)...].firstIndex(where: matches)
    else { return false }
    position = next
    return true
  }
}
