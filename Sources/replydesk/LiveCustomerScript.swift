import Foundation
import ReplyDeskCore
import ReplyDeskLive

/// One customer of `replydesk eval live`: a live-protocol profile, the order the customer writes
/// about, and the messages sent one after another, each after the console's reply (or a timeout).
struct LiveCustomerScript: Sendable {
  var profile: JSONValue
  /// The id of the order the customer means, as the profile spells it.
  var orderID: String
  var messages: [String]

  /// Reads a JSON-lines file of `{"profile": {...}, "order": "...", "messages": [...]}`.
  static func load(_ path: String) throws -> [LiveCustomerScript] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var scripts: [LiveCustomerScript] = []
    for (number, line) in text.split(separator: "\n").enumerated() where !line.allSatisfy(\.isWhitespace) {
      let value = try JSONValue.parse(Array(line.utf8))
      guard let profile = value["profile"], profile.isObject, let order = value["order"]?.text else {
        throw LiveScriptError("\(path):\(number + 1): a customer needs \"profile\" and \"order\"")
      }
      let messages = value["messages"]?.elements.compactMap(\.text) ?? []
      guard !messages.isEmpty else { throw LiveScriptError("\(path):\(number + 1): no \"messages\"") }
      scripts.append(LiveCustomerScript(profile: profile, orderID: order, messages: messages))
    }
    return scripts
  }

  /// Plays the script over a new connection; returns the console's reply to each message (nil when
  /// none came within `timeout` seconds).
  func play(endpoint: SocketEndpoint, timeout: Double) throws -> [String?] {
    let socket = try CustomerClient.connect(endpoint)
    defer { close(socket) }
    var lines = LineSplitter(maximumLineBytes: 1 << 20)
    try write(CustomerLine.hello(customer: profile, customerID: nil, token: nil).encoded, to: socket)
    var replies: [String?] = []
    for message in messages {
      try write(CustomerLine.message(message).encoded, to: socket)
      replies.append(Self.nextReply(from: socket, lines: &lines, timeout: timeout))
    }
    try write(CustomerLine.bye.encoded, to: socket)
    return replies
  }

  /// The next agent message, waiting up to `timeout` seconds; several lines in a row are joined.
  private static func nextReply(from socket: Int32, lines: inout LineSplitter, timeout: Double) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while Date() < deadline {
      var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
      let wait = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
      guard poll(&descriptor, 1, wait) > 0 else { continue }
      let count = read(socket, &buffer, buffer.count)
      guard count > 0 else { return nil }
      for output in lines.feed(buffer[0..<count]) {
        if case .line(let bytes) = output, case .message(let text) = ConsoleLine.parse(bytes) { return text }
      }
    }
    return nil
  }

  private func write(_ bytes: [UInt8], to socket: Int32) throws {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { Glibc.write(socket, $0.baseAddress, $0.count) }
      guard written > 0 else { throw LiveScriptError("the console closed the connection") }
      offset += written
    }
  }
}

/// Why `eval live` could not read or play a customer script.
struct LiveScriptError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
