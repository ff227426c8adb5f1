import Foundation
import ReplyDeskCore

/// One customer connection: its chat id, where it is in the protocol, its line splitter,
/// rate limiter and unsent output.
final class LiveConnection {
  /// Where the connection is in its life.
  enum Phase: Equatable {
    /// Connected; no accepted hello yet.
    case greeting
    /// The hello was accepted; the console knows this chat.
    case chatting
    /// The console closed the chat as resolved and asked for a rating; the peer may send one
    /// `rating` (or `bye`) until `deadline`.
    case awaitingRating(deadline: Date)
    /// The console closed the chat; the last lines drain until `deadline`.
    case closing(deadline: Date)
  }

  let descriptor: Int32
  let chat: ChatID
  /// The peer's IPv4 address; `nil` for a Unix peer.
  let address: String?
  let connectedAt: Date
  var phase = Phase.greeting
  /// Whether the peer still has to show the shared token (TCP peers before their first line).
  var needsToken: Bool
  var splitter: LineSplitter
  var limiter: LineRateLimiter
  private var output: [UInt8] = []
  private let maximumPendingOutput: Int
  private(set) var isClosed = false

  init(
    descriptor: Int32, address: String?, chat: ChatID, needsToken: Bool, limits: LiveChannelLimits, now: Date
  ) {
    self.descriptor = descriptor
    self.address = address
    self.chat = chat
    self.needsToken = needsToken
    connectedAt = now
    splitter = LineSplitter(maximumLineBytes: limits.maximumLineBytes)
    limiter = LineRateLimiter(burst: limits.burstLines, linesPerSecond: limits.linesPerSecond, now: now)
    maximumPendingOutput = limits.maximumPendingOutputBytes
  }

  var isChatting: Bool { phase == .chatting }

  var isClosing: Bool {
    if case .closing = phase { true } else { false }
  }

  var isAwaitingRating: Bool {
    if case .awaitingRating = phase { true } else { false }
  }

  /// Whether every queued byte has been written.
  var isDrained: Bool { output.isEmpty }

  /// Queues `line` and writes what the socket takes now; `false` if the peer is gone or has
  /// stopped reading (more than the pending-output cap is waiting).
  func queue(_ line: ConsoleLine) -> Bool {
    guard !isClosed else { return false }
    output += line.encoded
    return flush() && output.count <= maximumPendingOutput
  }

  /// Writes as much pending output as the socket takes; `false` if the peer is gone.
  func flush() -> Bool {
    guard !isClosed else { return false }
    var written = 0
    defer { output.removeFirst(written) }
    while written < output.count {
      switch SocketCalls.write(descriptor, output[written...]) {
      case .wrote(let count): written += count
      case .wouldBlock: return true
      case .failed: return false
      }
    }
    return true
  }

  /// Closes the socket once; later calls do nothing.
  func close() {
    guard !isClosed else { return }
    isClosed = true
    _ = Foundation.close(descriptor)
  }
}
