import Foundation

/// A transient message on the status line.
struct StatusMessage: Equatable, Sendable {
  var text: String
  var isWarning: Bool
  var expires: Date
}

/// A warning waiting under a routine status message, and how long it still had to show.
struct CoveredWarning: Equatable, Sendable {
  var text: String
  var seconds: TimeInterval
}

/// The status line of every screen (console, replay, floor): one message at a time, each for a few
/// seconds. A routine message over a showing warning keeps the warning and brings it back, for the
/// time it had left, once the routine message expires, so a warning is never lost to a notice.
struct StatusLine: Equatable, Sendable {
  /// The message showing now, if any.
  private(set) var message: StatusMessage?
  /// The warning a routine message covered before it expired.
  private(set) var covered: CoveredWarning?

  /// Shows `text` from `now` for `seconds`.
  mutating func say(_ text: String, warning: Bool = false, seconds: Double = 5, now: Date) {
    if let shown = message, shown.isWarning, !warning, shown.expires > now {
      covered = CoveredWarning(text: shown.text, seconds: shown.expires.timeIntervalSince(now))
    } else if warning {
      covered = nil
    }
    message = StatusMessage(text: text, isWarning: warning, expires: now.addingTimeInterval(seconds))
  }

  /// Clears a message that has expired by `now`, bringing back the warning it covered.
  mutating func expire(now: Date) {
    guard let shown = message, shown.expires <= now else { return }
    message = covered.map {
      StatusMessage(text: $0.text, isWarning: true, expires: now.addingTimeInterval($0.seconds))
    }
    covered = nil
  }

  /// Clears the line and any covered warning.
  mutating func clear() {
    message = nil
    covered = nil
  }
}
