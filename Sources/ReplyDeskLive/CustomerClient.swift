import Foundation
import ReplyDeskCore

/// The customer side in line mode: each input line is a message, the console's lines are
/// printed inert with a prefix. Ends on end of input, `/bye`, the chat closing, or the console
/// going away. Lets a demo run in two terminals and shows what a chat-platform bridge does.
public struct CustomerClient: Sendable {
  /// How the client session ended.
  public enum Ending: Equatable, Sendable {
    /// The customer ended it (end of input or `/bye`).
    case customerLeft
    /// The representative closed the chat.
    case closed(SessionOutcome)
    /// The console closed the connection.
    case disconnected
  }

  public let endpoint: SocketEndpoint
  public let hello: CustomerLine

  /// `hello` must be a `.hello` line; it is the first thing sent.
  public init(endpoint: SocketEndpoint, hello: CustomerLine) {
    self.endpoint = endpoint
    self.hello = hello
  }

  /// Connects, says hello, and relays between `input`/`output` and the console until the chat ends.
  public func run(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) throws(SocketError) -> Ending {
    let socket = try Self.connect(endpoint)
    defer { close(socket) }
    var relay = Relay(socket: socket, input: input, output: output)
    guard relay.send(hello) else { throw SocketError("The console closed the connection.") }
    relay.print("Connected to \(endpoint). Type a message and press Enter; /bye to leave.")
    return relay.run()
  }

  /// A blocking connection to `endpoint`.
  public static func connect(_ endpoint: SocketEndpoint) throws(SocketError) -> Int32 {
    let result: Int32
    let descriptor: Int32
    switch endpoint {
    case .unix(let path):
      let address = try SocketCalls.unixAddress(path)
      descriptor = try SocketCalls.makeSocket(family: AF_UNIX)
      result = SocketCalls.connectSocket(descriptor, address)
    case .tcp(let host, let port):
      descriptor = try SocketCalls.makeSocket(family: AF_INET)
      result = SocketCalls.connectSocket(descriptor, SocketCalls.inetAddress(host: host, port: port))
    }
    guard result == 0 else {
      let code = errno
      close(descriptor)
      throw .system("Cannot connect to \(endpoint)", code)
    }
    return descriptor
  }
}

/// The client's loop state: reads both sides, writes both sides.
private struct Relay {
  let socket: Int32
  let input: Int32
  let output: Int32
  var fromConsole = LineSplitter(maximumLineBytes: 1 << 20)
  var fromCustomer = LineSplitter(maximumLineBytes: 16 * 1024, skipsOverlongLines: true)
  var buffer = [UInt8](repeating: 0, count: 1 << 16)

  init(socket: Int32, input: Int32, output: Int32) {
    self.socket = socket
    self.input = input
    self.output = output
  }

  mutating func run() -> CustomerClient.Ending {
    while true {
      var descriptors = [socket, input].map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      guard poll(&descriptors, 2, -1) >= 0 || errno == EINTR else { return .disconnected }
      if descriptors[0].revents != 0, let ending = readConsole() { return ending }
      if descriptors[1].revents != 0, let ending = readCustomer() { return ending }
    }
  }

  private mutating func readConsole() -> CustomerClient.Ending? {
    let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
    guard count > 0 else {
      if count < 0, errno == EINTR { return nil }
      print("The console closed the connection.")
      return .disconnected
    }
    for piece in fromConsole.feed(buffer[..<count]) {
      guard case .line(let bytes) = piece else { return .disconnected }
      switch ConsoleLine.parse(bytes) {
      case .message(let text):
        print(
          "agent> " + InertText.neutralised(text, keepingNewlines: true).replacing("\n", with: "\n       "))
      case .typing: print("(the agent is typing)")
      case .error(let message): print("error: " + InertText.neutralised(message))
      case .closed(let outcome):
        print("The agent closed the chat (\(outcome.rawValue)).")
        return .closed(outcome)
      case nil: continue
      }
    }
    return nil
  }

  private mutating func readCustomer() -> CustomerClient.Ending? {
    let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
    if count < 0, errno == EINTR { return nil }
    guard count > 0 else { return leave() }
    for piece in fromCustomer.feed(buffer[..<count]) {
      guard case .line(let bytes) = piece else {
        print("That line is too long (over 16 KB); it was not sent.")
        continue
      }
      let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
      if text == "/bye" { return leave() }
      if !text.isEmpty, !send(.message(text)) {
        print("The console closed the connection.")
        return .disconnected
      }
    }
    return nil
  }

  private func leave() -> CustomerClient.Ending {
    _ = send(.bye)
    return .customerLeft
  }

  func send(_ line: CustomerLine) -> Bool {
    let bytes = line.encoded
    var offset = 0
    while offset < bytes.count {
      guard case .wrote(let count) = SocketCalls.write(socket, bytes[offset...]), count > 0 else {
        return false
      }
      offset += count
    }
    return true
  }

  func print(_ text: String) {
    let bytes = Array((text + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
      if written < 0, errno == EINTR { continue }
      guard written > 0 else { return }
      offset += written
    }
  }
}
