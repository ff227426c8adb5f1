import Foundation
import ReplyDeskCore

/// The customer side in line mode: each input line is a message, the console's lines are
/// printed inert with a prefix. A hand-over is shown and the chat goes on; a resolved chat asks the
/// user for a 1-5 rating. Ends on end of input, `/bye`, the chat closing (after the rating, if one
/// was asked for), or the console going away. Lets a demo run in two terminals and shows what a
/// chat-platform bridge does.
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
    let connection = try CustomerConnection(endpoint: endpoint, hello: hello)
    defer { connection.close() }
    var relay = Relay(connection: connection, input: input, output: output)
    relay.print("Connected to \(endpoint). Type a message and press Enter; /bye to leave.")
    return relay.run()
  }

  /// Reads a typed rating: a whole number on the scale, then an optional comment ("5", "4 quick and
  /// kind", "2: slow"); `nil` for anything else.
  public static func rating(from text: String) -> (score: Int, comment: String?)? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
    guard let score = Int(digits), SessionEventKind.ratingScale.contains(score) else { return nil }
    let rest = trimmed.dropFirst(digits.count)
    guard rest.isEmpty || rest.first == " " || rest.first == ":" || rest.first == "," else { return nil }
    let comment = rest.drop { " :,-".contains($0) }.trimmingCharacters(in: .whitespaces)
    return (score, comment.isEmpty ? nil : comment)
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
  var connection: CustomerConnection
  let input: Int32
  let output: Int32
  var fromCustomer = LineSplitter(maximumLineBytes: 16 * 1024, skipsOverlongLines: true)
  var buffer = [UInt8](repeating: 0, count: 1 << 16)
  /// How the representative closed the chat, once the `closed` line came.
  var closedAs: SessionOutcome?
  /// The console asked for a rating; the next line typed answers it.
  var ratingAsked = false

  init(connection: CustomerConnection, input: Int32, output: Int32) {
    self.connection = connection
    self.input = input
    self.output = output
  }

  mutating func run() -> CustomerClient.Ending {
    while true {
      var descriptors = [connection.descriptor, input].map {
        pollfd(fd: $0, events: Int16(POLLIN), revents: 0)
      }
      guard poll(&descriptors, 2, -1) >= 0 || errno == EINTR else { return .disconnected }
      if descriptors[0].revents != 0, let ending = readConsole() { return ending }
      if descriptors[1].revents != 0, let ending = readCustomer() { return ending }
    }
  }

  private mutating func readConsole() -> CustomerClient.Ending? {
    guard let lines = connection.receive() else {
      if let closedAs { return .closed(closedAs) }
      print("The console closed the connection.")
      return .disconnected
    }
    for line in lines {
      switch line {
      case .message(let text):
        print(
          "agent> " + InertText.neutralised(text, keepingNewlines: true).replacing("\n", with: "\n       "))
      case .typing: print("(the agent is typing)")
      case .handover(let text): print("(hand-over) " + InertText.neutralised(text))
      case .error(let message): print("error: " + InertText.neutralised(message))
      case .closed(let outcome):
        print("The agent closed the chat (\(outcome.rawValue)).")
        closedAs = outcome
      case .ratingRequest(let scale, _):
        ratingAsked = true
        print(
          "How did we do? Type a rating from 1 (poor) to \(scale) (excellent), optionally followed by a "
            + "comment, and press Enter; press Enter alone to skip.")
      }
    }
    return nil
  }

  /// Answers the rating request with `text`; an empty line skips it.
  private mutating func answerRating(_ text: String) -> CustomerClient.Ending? {
    let outcome = closedAs ?? .resolved
    guard !text.isEmpty else { return leave(as: .closed(outcome)) }
    guard let (score, comment) = CustomerClient.rating(from: text) else {
      print("Type a number from 1 to 5 (a comment may follow), or press Enter to skip.")
      return nil
    }
    _ = send(.rating(score: score, comment: comment))
    print("Thank you for rating this chat \(score) out of 5.")
    return .closed(outcome)
  }

  private mutating func readCustomer() -> CustomerClient.Ending? {
    let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
    if count < 0, errno == EINTR { return nil }
    guard count > 0 else { return leave(as: closedAs.map { .closed($0) } ?? .customerLeft) }
    for piece in fromCustomer.feed(buffer[..<count]) {
      guard case .line(let bytes) = piece else {
        print("That line is too long (over 16 KB); it was not sent.")
        continue
      }
      let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
      if text == "/bye" { return leave(as: closedAs.map { .closed($0) } ?? .customerLeft) }
      if ratingAsked {
        if let ending = answerRating(text) { return ending }
        continue
      }
      if closedAs != nil {
        print("The chat is closed; /bye leaves.")
        continue
      }
      if !text.isEmpty, !send(.message(text)) {
        print("The console closed the connection.")
        return .disconnected
      }
    }
    return nil
  }

  private func leave(as ending: CustomerClient.Ending) -> CustomerClient.Ending {
    _ = send(.bye)
    return ending
  }

  func send(_ line: CustomerLine) -> Bool {
    connection.send(line)
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
