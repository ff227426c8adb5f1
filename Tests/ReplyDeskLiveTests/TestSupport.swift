import Foundation
import ReplyDeskCore
import ReplyDeskLive

/// A fresh directory with a short path (Unix socket paths must fit in about 107 bytes).
func makeTemporaryDirectory() -> String {
  var template = Array("/tmp/rdlive-XXXXXX".utf8CString)
  return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
}

/// A channel on a Unix socket in its own temporary directory.
func makeUnixChannel(
  limits: LiveChannelLimits = LiveChannelLimits(), profiles: ProfileDirectory? = nil
) throws -> (LiveCustomerChannel, SocketEndpoint) {
  let path = makeTemporaryDirectory() + "/console.sock"
  let listener = try SocketListener.unix(path: path)
  return (
    try LiveCustomerChannel(listeners: [listener], profiles: profiles, limits: limits), listener.endpoint
  )
}

/// A test peer speaking raw bytes over a blocking socket.
final class TestPeer {
  let descriptor: Int32
  private var received: [UInt8] = []
  /// Whether the channel's side closed the connection.
  private(set) var sawEndOfStream = false

  init(_ endpoint: SocketEndpoint) throws {
    descriptor = try CustomerClient.connect(endpoint)
  }

  deinit { close(descriptor) }

  func send(_ line: String) {
    sendBytes(Array((line + "\n").utf8))
  }

  func sendBytes(_ bytes: [UInt8]) {
    _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
  }

  func hello(_ name: String) {
    send(#"{"type":"hello","customer":{"id":"\#(name)","first_name":"\#(name)"}}"#)
  }

  /// Stops writing and reading; the channel sees the peer vanish.
  func hangUp() {
    shutdown(descriptor, Int32(SHUT_RDWR))
  }

  /// The next line from the channel, pumping `channel` while waiting; `nil` on end of stream
  /// or after `timeout` seconds.
  func readLine(pumping channel: LiveCustomerChannel, into events: inout [ChannelEvent], timeout: Double = 3)
    -> String?
  {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if let newline = received.firstIndex(of: UInt8(ascii: "\n")) {
        let line = String(decoding: received[..<newline], as: UTF8.self)
        received.removeSubrange(...newline)
        return line
      }
      events += channel.poll(now: Date())
      var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
      guard poll(&descriptors, 1, 10) > 0 else { continue }
      var buffer = [UInt8](repeating: 0, count: 65536)
      let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      guard count > 0 else {
        sawEndOfStream = true
        return nil
      }
      received += buffer[..<count]
    }
    return nil
  }

  /// Reads every line until the channel closes the connection (or `timeout` passes); the lines read.
  func readUntilClosed(
    pumping channel: LiveCustomerChannel, into events: inout [ChannelEvent], timeout: Double = 3
  )
    -> [String]
  {
    var lines: [String] = []
    while let line = readLine(pumping: channel, into: &events, timeout: timeout) { lines.append(line) }
    return lines
  }
}

/// Polls `channel` until `done` holds for the events so far, or `timeout` seconds pass.
func pump(
  _ channel: LiveCustomerChannel, timeout: Double = 3, until done: ([ChannelEvent]) -> Bool
) -> [ChannelEvent] {
  var events: [ChannelEvent] = []
  let deadline = Date().addingTimeInterval(timeout)
  while !done(events), Date() < deadline {
    var descriptors = channel.descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    _ = poll(&descriptors, nfds_t(descriptors.count), 10)
    events += channel.poll(now: Date())
  }
  return events
}

/// The profiles of the arrivals among `events`, by chat.
func arrivals(_ events: [ChannelEvent]) -> [ChatID: CustomerProfile] {
  var result: [ChatID: CustomerProfile] = [:]
  for event in events {
    if case .arrived(let profile, _) = event.kind { result[event.chat] = profile }
  }
  return result
}

/// The message texts among `events`, with their chat.
func messages(_ events: [ChannelEvent]) -> [(ChatID, String)] {
  events.compactMap { event in
    if case .message(let text) = event.kind { (event.chat, text) } else { nil }
  }
}
