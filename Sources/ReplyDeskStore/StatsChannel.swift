/// Which sessions `stats` counts, by the channel they were recorded on.
public enum StatsChannel: String, Sendable, CaseIterable, Codable {
  /// Real work: every session not recorded by `replydesk demo` or `replydesk practice` (the live
  /// console records "live"; other front ends may record their own channel names).
  case live
  /// Sessions with the demo's simulated customers.
  case demo
  /// Trainees' practice chats.
  case practice
  /// Every session.
  case all

  /// Whether a session recorded on `channel` counts.
  public func includes(_ channel: String) -> Bool {
    switch self {
    case .live: return channel != Self.demo.rawValue && channel != Self.practice.rawValue
    case .demo, .practice: return channel == rawValue
    case .all: return true
    }
  }
}
