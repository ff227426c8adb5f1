import Foundation
import ReplyDeskCore

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
  /// Seconds a customer may wait for a reply (or in the queue) before the console rings.
  public var waitAlertSeconds: Double
  /// When set, suggestion 1 is sent automatically once `RankingResult.confidence` reaches it and the
  /// suggestion has no gap; otherwise the representative is alerted to take over.
  public var autopilotThreshold: Double?
  /// Practice without help: suggestions are still ranked (and recorded for the scorecard) but
  /// never shown, and the keys that send or edit them only explain that they are hidden.
  public var hideSuggestions: Bool
  /// Said on the status line as the console opens (such as templates that could not be loaded).
  public var startupWarning: String?
  /// Every template the console ranks, for the template finder and the near-duplicate warning.
  public var templates: [ReplyTemplate] = []
  /// The first customer who arrives is taken into a chat without a key (the demo), and the status
  /// line says which key takes the next one.
  public var takeFirstCustomer = false
  /// The neural model file the ranker was read from: the status line shows its identity, and a
  /// file written over it is loaded while the console runs. Nil with the lexical ranker.
  public var model: WatchedModel?

  public static let defaultWaitAlertSeconds = 60.0

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
    channelName: String = "chat", waitAlertSeconds: Double = ConsoleOptions.defaultWaitAlertSeconds,
    autopilotThreshold: Double? = nil, hideSuggestions: Bool = false
  ) {
    self.representativeName = representativeName
    self.theme = theme
    self.colorMode = colorMode
    self.escalationReasons = escalationReasons.isEmpty ? Self.defaultEscalationReasons : escalationReasons
    self.timeZone = timeZone
    self.channelName = channelName
    self.waitAlertSeconds = waitAlertSeconds
    self.autopilotThreshold = autopilotThreshold
    self.hideSuggestions = hideSuggestions
  }
}
