import Foundation

/// Where a console listens or a customer connects: a Unix socket path or an IPv4 `HOST:PORT`.
public enum SocketEndpoint: Sendable, Equatable, CustomStringConvertible {
  case unix(path: String)
  case tcp(host: String, port: UInt16)

  /// A problem with an endpoint's text.
  public struct ParseError: Error, CustomStringConvertible {
    public var description: String
  }

  /// `HOST:PORT` with a numeric IPv4 host (or `localhost`) is TCP; anything else is a path.
  public static func parse(_ text: String) throws(ParseError) -> SocketEndpoint {
    guard !text.contains("/"), let colon = text.lastIndex(of: ":") else {
      guard !text.isEmpty else { throw ParseError(description: "The socket path is empty.") }
      return .unix(path: text)
    }
    return try tcp(host: String(text[..<colon]), port: String(text[text.index(after: colon)...]))
  }

  /// Parses `HOST:PORT` for `--listen`; port 0 picks a free port.
  public static func tcp(_ text: String) throws(ParseError) -> SocketEndpoint {
    guard let colon = text.lastIndex(of: ":") else {
      throw ParseError(description: "Expected HOST:PORT, for example 127.0.0.1:7070.")
    }
    return try tcp(host: String(text[..<colon]), port: String(text[text.index(after: colon)...]))
  }

  private static func tcp(host: String, port: String) throws(ParseError) -> SocketEndpoint {
    guard let number = UInt16(port) else {
      throw ParseError(description: "The port must be a number from 0 to 65535.")
    }
    let address = host == "localhost" ? "127.0.0.1" : host
    var parsed = in_addr()
    guard inet_pton(AF_INET, address, &parsed) == 1 else {
      throw ParseError(description: "The host must be an IPv4 address such as 127.0.0.1 (or localhost).")
    }
    return .tcp(host: address, port: number)
  }

  /// Whether a TCP endpoint only accepts connections from this machine.
  public var isLoopback: Bool {
    switch self {
    case .unix: true
    case .tcp(let host, _): host.hasPrefix("127.")
    }
  }

  public var description: String {
    switch self {
    case .unix(let path): path
    case .tcp(let host, let port): "\(host):\(port)"
    }
  }
}
