import Foundation

/// Plays a `ReplayTimeline` in real time at 1x to 16x. Pure: the caller passes in how much wall
/// time went by, and the playback advances through the real gaps between events.
public struct ReplayPlayback: Sendable, Equatable {
  /// The allowed speeds.
  public static let speeds: [Double] = [1, 2, 4, 8, 16]

  public var timeline: ReplayTimeline
  public private(set) var speed: Double = 1
  public private(set) var isPlaying = false
  /// Session time already spent waiting towards the next step.
  public private(set) var waited: TimeInterval = 0

  public init(timeline: ReplayTimeline) {
    self.timeline = timeline
  }

  /// Sets the speed, clamped to 1x...16x and rounded down to an allowed speed.
  public mutating func setSpeed(_ requested: Double) {
    speed = Self.speeds.last { $0 <= requested } ?? 1
  }

  public mutating func faster() { setSpeed(min(speed * 2, 16)) }
  public mutating func slower() { setSpeed(speed / 2) }

  public mutating func play() { isPlaying = !timeline.isAtEnd }
  public mutating func pause() { isPlaying = false }

  /// Wall-clock seconds until the next step is due, or nil when paused or at the end.
  public var wallTimeUntilNextStep: TimeInterval? {
    guard isPlaying, let gap = nextGap else { return nil }
    return max(0, gap - waited) / speed
  }

  /// Advances by `wallSeconds` of real time; returns how many steps were taken. Stops playing
  /// at the last step.
  @discardableResult
  public mutating func advance(byWallTime wallSeconds: TimeInterval) -> Int {
    guard isPlaying, wallSeconds > 0 else { return 0 }
    var budget = waited + wallSeconds * speed
    var taken = 0
    while let gap = nextGap, budget >= gap {
      budget -= gap
      timeline.stepForward()
      taken += 1
    }
    waited = timeline.isAtEnd ? 0 : budget
    if timeline.isAtEnd { isPlaying = false }
    return taken
  }

  /// Moves the timeline by hand (step, jump) and restarts the wait for the next step.
  public mutating func navigate(_ move: (inout ReplayTimeline) -> Void) {
    move(&timeline)
    waited = 0
    if timeline.isAtEnd { isPlaying = false }
  }

  private var nextGap: TimeInterval? {
    guard !timeline.isAtEnd else { return nil }
    return timeline.steps[timeline.position + 1].gapBefore
  }
}
