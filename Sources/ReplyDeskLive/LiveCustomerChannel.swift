import Foundation
import ReplyDeskCore

/// Customers over sockets: each connection to one of the listeners is one chat speaking the
/// JSON-lines protocol in docs/live-protocol.md. Everything is non-blocking and runs on the console's loop
/// thread: the loop polls `descriptors`, and `poll(now:)` accepts, reads, parses and answers.
public final class LiveCustomerChannel: CustomerChannel {
  /// The channel cannot start as configured.
  public struct ConfigurationError: Error, CustomStringConvertible {
    public var description: String
  }

  /// The listening sockets, with the TCP port actually bound.
  public private(set) var listeners: [SocketListener]
  let profiles: ProfileDirectory?
  let token: SharedToken?
  let limits: LiveChannelLimits
  var connections: [LiveConnection] = []
  /// Failed logins by address, which refuse an address for a growing period.
  var backoff: LoginBackoff
  /// Events produced outside `poll` (a failed write), delivered by the next `poll`.
  var pendingEvents: [ChannelEvent] = []
  /// How soon to try again to write output a peer's socket could not take yet.
  private let outputRetrySeconds = 0.05
  private var readBuffer: [UInt8]

  /// Serves `listeners`. `profiles` answers hellos that carry a `customer_id`; `token` is
  /// required when any listener is TCP.
  public init(
    listeners: [SocketListener], profiles: ProfileDirectory? = nil, token: SharedToken? = nil,
    limits: LiveChannelLimits = LiveChannelLimits()
  ) throws(ConfigurationError) {
    if token == nil, listeners.contains(where: \.requiresToken) {
      throw ConfigurationError(description: "Listening on TCP needs a shared token (--token-file).")
    }
    self.listeners = listeners
    self.profiles = profiles
    self.token = token
    self.limits = limits
    backoff = LoginBackoff(
      freeFailures: limits.failedLoginsBeforeBackoff, firstDelay: limits.firstLoginBackoff,
      maximumDelay: limits.maximumLoginBackoff)
    readBuffer = [UInt8](repeating: 0, count: max(4096, min(limits.readBytesPerPoll, 1 << 16)))
  }

  deinit { stop() }

  public var descriptors: [Int32] { listeners.map(\.descriptor) + connections.map(\.descriptor) }

  public func nextDeadline() -> Date? {
    if !pendingEvents.isEmpty { return .distantPast }
    if connections.contains(where: { !$0.isDrained }) { return Date().addingTimeInterval(outputRetrySeconds) }
    return connections.lazy.compactMap { connection -> Date? in
      switch connection.phase {
      case .greeting:
        connection.connectedAt.addingTimeInterval(
          connection.needsToken ? self.limits.authenticationTimeout : self.limits.helloTimeout)
      case .chatting: nil
      case .awaitingRating(let deadline), .closing(let deadline): deadline
      }
    }.min()
  }

  public func poll(now: Date) -> [ChannelEvent] {
    var events = pendingEvents
    pendingEvents = []
    for listener in listeners { acceptAll(from: listener, now: now) }
    for connection in connections {
      if connection.isClosing {
        drain(connection, now: now)
      } else {
        read(connection, now: now, into: &events)
        if !connection.isDrained, !connection.flush() { cutOff(connection, nil, into: &events) }
      }
    }
    for connection in connections where connection.phase == .greeting {
      let waited = now.timeIntervalSince(connection.connectedAt)
      if connection.needsToken, waited >= limits.authenticationTimeout {
        cutOff(
          connection, "No token in time; disconnected. Send the hello with its token at once.", into: &events)
      } else if waited >= limits.helloTimeout {
        cutOff(connection, "No hello in time; disconnected.", into: &events)
      }
    }
    for connection in connections {
      if case .awaitingRating(let deadline) = connection.phase, now >= deadline { connection.close() }
    }
    connections.removeAll(where: \.isClosed)
    return events
  }

  public func send(_ text: String, to chat: ChatID, now: Date) {
    deliver(.message(text), to: chat)
  }

  public func agentTyping(in chat: ChatID, now: Date) {
    deliver(.typing, to: chat)
  }

  public func handOver(_ chat: ChatID, now: Date) {
    deliver(.handover(HandOverNotice.text), to: chat)
  }

  /// Closes the chat. A resolved chat's connection stays open for a rating: `closed`, then
  /// `rating_request`, until the rating, `bye` or `LiveChannelLimits.ratingWait`.
  public func close(_ chat: ChatID, outcome: SessionOutcome, now: Date) {
    guard let connection = connection(for: chat), !connection.isAwaitingRating else { return }
    if outcome == .resolved, connection.isChatting {
      connection.phase = .awaitingRating(deadline: now.addingTimeInterval(limits.ratingWait))
      let request = ConsoleLine.ratingRequest(
        scale: SessionEventKind.ratingScale.upperBound, seconds: Int(limits.ratingWait))
      if !connection.queue(.closed(outcome)) || !connection.queue(request) { connection.close() }
    } else {
      connection.phase = .closing(deadline: now.addingTimeInterval(limits.closingGrace))
      if !connection.queue(.closed(outcome)) || connection.isDrained { connection.close() }
    }
    connections.removeAll(where: \.isClosed)
  }

  /// Tells every connected peer the console is gone, closes all sockets and removes the Unix
  /// socket file. Safe to call more than once.
  public func stop() {
    for connection in connections where !connection.isClosing {
      _ = connection.queue(.error("The console has closed."))
    }
    for connection in connections { connection.close() }
    connections = []
    for listener in listeners { listener.close() }
    listeners = []
  }

  /// The open (not closing) connection for `chat`.
  private func connection(for chat: ChatID) -> LiveConnection? {
    connections.first { $0.chat == chat && !$0.isClosing && !$0.isClosed }
  }

  private func deliver(_ line: ConsoleLine, to chat: ChatID) {
    guard let connection = connection(for: chat), connection.isChatting else { return }
    if !connection.queue(line) {
      cutOff(connection, nil, into: &pendingEvents)
      connections.removeAll(where: \.isClosed)
    }
  }

  private func acceptAll(from listener: SocketListener, now: Date) {
    while let (descriptor, address) = SocketCalls.acceptConnection(listener.descriptor) {
      let chat = ChatID.unique("live", at: now)
      let connection = LiveConnection(
        descriptor: descriptor, address: address, chat: chat, needsToken: listener.requiresToken,
        limits: limits, now: now)
      if let refusal = refusal(of: connection, requiresToken: listener.requiresToken, now: now) {
        _ = connection.queue(.error(refusal))
        connection.close()
      } else {
        connections.append(connection)
      }
    }
  }

  /// Why a new connection is refused, as the error line it gets; `nil` if it may stay.
  private func refusal(of connection: LiveConnection, requiresToken: Bool, now: Date) -> String? {
    let busy = "The console is busy; try again later."
    if connections.count >= limits.maximumConnections { return busy }
    guard requiresToken else { return nil }
    if connections.count(where: { $0.needsToken && !$0.isClosed }) >= limits.maximumUnauthenticated {
      return busy
    }
    guard let address = connection.address else { return nil }
    if let wait = backoff.wait(for: address, now: now) {
      return "Too many wrong tokens from this address; wait \(Int(wait.rounded(.up))) s, then connect "
        + "again with the right token."
    }
    let fromAddress = connections.count { $0.address == address && !$0.isClosed }
    if fromAddress >= limits.maximumConnectionsPerAddress {
      return "The console is busy: \(fromAddress) connections from this address are open already; "
        + "close one and try again."
    }
    return nil
  }

  /// Reads what the peer sent, up to the per-poll budget, and handles each complete line.
  private func read(_ connection: LiveConnection, now: Date, into events: inout [ChannelEvent]) {
    var budget = limits.readBytesPerPoll
    while budget > 0, !connection.isClosed, !connection.isClosing {
      let result = readBuffer.withUnsafeMutableBytes { SocketCalls.read(connection.descriptor, into: $0) }
      switch result {
      case .wouldBlock: return
      case .closed:
        cutOff(connection, nil, into: &events)
        return
      case .data(let count):
        budget -= count
        for output in connection.splitter.feed(readBuffer[..<count]) {
          guard !connection.isClosed else { return }
          switch output {
          case .line(let line): handle(line, from: connection, now: now, into: &events)
          case .overlong:
            cutOff(
              connection, "Line longer than \(limits.maximumLineBytes) bytes; disconnected.", into: &events)
          }
        }
      }
    }
  }

  /// Discards input on a closing connection and closes it once drained or past its deadline.
  private func drain(_ connection: LiveConnection, now: Date) {
    guard case .closing(let deadline) = connection.phase else { return }
    var discarded = 0
    while discarded < limits.readBytesPerPoll {
      let result = readBuffer.withUnsafeMutableBytes { SocketCalls.read(connection.descriptor, into: $0) }
      guard case .data(let count) = result else {
        if result == .closed {
          connection.close()
          return
        }
        break
      }
      discarded += count
    }
    if !connection.flush() || connection.isDrained || now >= deadline { connection.close() }
  }

  /// Ends a connection: a best-effort last error line, the socket closed, and `.left` if the
  /// console knew the chat.
  func cutOff(_ connection: LiveConnection, _ notice: String?, into events: inout [ChannelEvent]) {
    guard !connection.isClosed else { return }
    if let notice { _ = connection.queue(.error(notice)) }
    if connection.isChatting { events.append(ChannelEvent(chat: connection.chat, kind: .left(settled: nil))) }
    connection.close()
  }
}
