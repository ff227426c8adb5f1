import Foundation

/// How the terminal's colours are used.
public enum ColorMode: String, CaseIterable, Sendable {
  /// 256 colours when the terminal has them, attributes only when it has none or `NO_COLOR` is set.
  case auto
  case color
  case monochrome
}

/// What the executable configures about the console.
public struct ConsoleOptions: Sendable {
  public var representativeName: String
  public var theme: Theme
  public var colorMode: ColorMode
  /// The reasons the escalation picker offers, in order.
  public var escalationReasons: [String]
  /// The zone turn times are shown in.
  public var timeZone: TimeZone
  /// The channel's name as recorded in `started` events.
  public var channelName: String

  public static let defaultEscalationReasons = [
    "Needs a supervisor",
    "Refund above my approval limit",
    "Technical fault to investigate",
    "Suspected fraud",
    "Abusive customer",
    "Other",
  ]

  public init(
    representativeName: String, theme: Theme = .fallback, colorMode: ColorMode = .auto,
    escalationReasons: [String] = ConsoleOptions.defaultEscalationReasons, timeZone: TimeZone = .current,
    channelName: String = "chat"
  ) {
    self.representativeName = representativeName
    self.theme = theme
    self.colorMode = colorMode
    self.escalationReasons = escalationReasons.isEmpty ? Self.defaultEscalationReasons : escalationReasons
    self.timeZone = timeZone
    self.channelName = channelName
  }
}
