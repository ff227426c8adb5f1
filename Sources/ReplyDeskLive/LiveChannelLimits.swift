import Foundation

/// The bounds that keep one misbehaving peer from hurting the console or the other chats.
public struct LiveChannelLimits: Sendable {
  /// A line longer than this cuts the peer off (it is never buffered whole).
  public var maximumLineBytes = 64 * 1024
  /// Lines a peer may send at once before the rate applies.
  public var burstLines = 40
  /// Lines per second a peer may keep sending; a faster peer is cut off.
  public var linesPerSecond = 20.0
  /// Connections beyond this are refused with an error line.
  public var maximumConnections = 64
  /// A peer that has not said hello (or, over TCP, shown the token) by then is cut off.
  public var helloTimeout: TimeInterval = 30
  /// A TCP peer that has not shown the token by then is cut off: idle strangers hold no slot long.
  public var authenticationTimeout: TimeInterval = 5
  /// At most this many TCP peers may be waiting to authenticate; more are refused, so the other
  /// slots stay for authenticated customers.
  public var maximumUnauthenticated = 8
  /// At most this many TCP connections from one remote address at once, authenticated or not.
  public var maximumConnectionsPerAddress = 8
  /// Wrong tokens one address may send before it is refused for a while.
  public var failedLoginsBeforeBackoff = 3
  /// How long an address is refused after its first failure beyond the free ones; it doubles with
  /// each further failure, up to `maximumLoginBackoff`.
  public var firstLoginBackoff: TimeInterval = 1
  /// The longest an address is refused after failed logins.
  public var maximumLoginBackoff: TimeInterval = 60
  /// Unsent output beyond this means the peer stopped reading; it is cut off.
  public var maximumPendingOutputBytes = 1 << 20
  /// At most this much is read from one peer per poll, so a busy peer cannot starve others.
  public var readBytesPerPoll = 64 * 1024
  /// How long a closed chat's last lines may take to drain before the socket is closed anyway.
  public var closingGrace: TimeInterval = 2
  /// How long a resolved chat's connection stays open for the customer's rating.
  public var ratingWait: TimeInterval = 60

  public init() {}
}
