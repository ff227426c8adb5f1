import Foundation
import ReplyDeskCore

/// One customer's connection to a console, as every customer-side program holds it (the line-mode
/// client, and the benchmark's crowd of simulated customers): customer lines out, whole console lines
/// in. Blocking sends; `receive()` reads what is there once `descriptor` polls readable.
public struct CustomerConnection: Sendable {
  /// The socket, for `poll`.
  public let descriptor: Int32
  private var lines = LineSplitter(maximumLineBytes: 1 << 20)
  private var buffer = [UInt8](repeating: 0, count: 1 << 16)

  /// Connects to `endpoint` and sends `hello` (a `.hello` line).
  public init(endpoint: SocketEndpoint, hello: CustomerLine) throws(SocketError) {
    descriptor = try CustomerClient.connect(endpoint)
    guard send(hello) else {
      Glibc.close(descriptor)
      throw SocketError("The console closed the connection.")
    }
  }

  /// Sends one line, whole; false once the console has gone.
  public func send(_ line: CustomerLine) -> Bool {
    let bytes = line.encoded
    var offset = 0
    while offset < bytes.count {
      guard case .wrote(let count) = SocketCalls.write(descriptor, bytes[offset...]), count > 0 else {
        return false
      }
      offset += count
    }
    return true
  }

  /// The console's lines that have arrived (lines this version cannot read are skipped); nil once the
  /// connection is over (closed by the console, failed, or an overlong line).
  public mutating func receive() -> [ConsoleLine]? {
    let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return count < 0 && errno == EINTR ? [] : nil }
    var received: [ConsoleLine] = []
    for piece in lines.feed(buffer[..<count]) {
      guard case .line(let bytes) = piece else { return nil }
      if let line = ConsoleLine.parse(bytes) { received.append(line) }
    }
    return received
  }

  /// Closes the socket.
  public func close() {
    Glibc.close(descriptor)
  }
}
