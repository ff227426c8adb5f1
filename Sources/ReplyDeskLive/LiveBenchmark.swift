import Foundation
import ReplyDeskCore

/// Measures how fast the channel takes in customer lines: `clients` peers on a Unix socket each
/// queue `messagesPerClient` messages, then the channel is polled until every message is out.
public struct LiveBenchmark {
  /// Figures from a run.
  public struct Report: Sendable {
    /// Messages per second for each round.
    public var messagesPerSecond: [Double]
    /// How long each `poll(now:)` call took, in milliseconds (the console loop waits this long).
    public var pollMilliseconds: [Double]
  }

  public var clients: Int
  public var messagesPerClient: Int
  public var rounds: Int

  public init(clients: Int = 50, messagesPerClient: Int = 1000, rounds: Int = 5) {
    self.clients = clients
    self.messagesPerClient = messagesPerClient
    self.rounds = rounds
  }

  public func run() throws -> Report {
    var template = Array("/tmp/rdbench-XXXXXX".utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      throw SocketError.system("Cannot create a temporary directory")
    }
    let directory = String(cString: made)
    defer { rmdir(directory) }
    var limits = LiveChannelLimits()
    limits.burstLines = Int.max / 2
    limits.linesPerSecond = 1e12
    limits.maximumConnections = clients
    let channel = try LiveCustomerChannel(
      listeners: [try SocketListener.unix(path: directory + "/bench.sock")], limits: limits)
    defer { channel.stop() }
    guard case .unix(let path) = channel.listeners[0].endpoint else {
      return Report(messagesPerSecond: [], pollMilliseconds: [])
    }
    let peers = try (0..<clients).map { _ in try CustomerClient.connect(.unix(path: path)) }
    defer { peers.forEach { close($0) } }
    var pollTimes: [Double] = []
    for (index, peer) in peers.enumerated() {
      let hello = CustomerLine.hello(
        customer: .object(["id": .string("bench-\(index)"), "name": .string("Bench Customer")]),
        customerID: nil, token: nil)
      _ = writeWithoutBlocking(peer, hello.encoded)
    }
    _ = drain(
      channel, until: clients, counting: { if case .arrived = $0 { true } else { false } }, &pollTimes)
    pollTimes = []
    var rates: [Double] = []
    let batch = Array(
      repeating: CustomerLine.message("Hi, where is my order RD-123456? It was due on Monday.").encoded,
      count: messagesPerClient
    ).flatMap { $0 }
    for _ in 0..<rounds {
      for peer in peers where writeWithoutBlocking(peer, batch) < batch.count {
        throw SocketError("A client's socket buffer cannot hold \(messagesPerClient) messages; use fewer.")
      }
      let sent = clients * messagesPerClient
      let start = DispatchTime.now()
      let received = drain(
        channel, until: sent, counting: { if case .message = $0 { true } else { false } }, &pollTimes)
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
      rates.append(Double(received) / seconds)
    }
    return Report(messagesPerSecond: rates, pollMilliseconds: pollTimes)
  }

  /// Polls until `expected` matching events arrived (or nothing more comes for a second).
  private func drain(
    _ channel: LiveCustomerChannel, until expected: Int, counting matches: (ChannelEventKind) -> Bool,
    _ pollTimes: inout [Double]
  ) -> Int {
    var count = 0
    while count < expected {
      var descriptors = channel.descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      guard poll(&descriptors, nfds_t(descriptors.count), 1000) > 0 else { break }
      let start = DispatchTime.now()
      count += channel.poll(now: Date()).filter { matches($0.kind) }.count
      pollTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
    }
    return count
  }

  /// Writes as much of `bytes` as the socket takes without blocking; the bytes written.
  private func writeWithoutBlocking(_ descriptor: Int32, _ bytes: [UInt8]) -> Int {
    SocketCalls.setNonBlocking(descriptor)
    var offset = 0
    while offset < bytes.count, case .wrote(let count) = SocketCalls.write(descriptor, bytes[offset...]) {
      offset += count
    }
    return offset
  }
}
