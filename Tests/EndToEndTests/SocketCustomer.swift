import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A customer speaking the live protocol over a Unix socket, the way a bridge would.
final class SocketCustomer {
  private let descriptor: Int32

  init(socket path: String) throws {
    descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { buffer in
      for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
    }
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    guard connected == 0 else {
      close(descriptor)
      throw ProcessRunner.Failure(description: "cannot connect to \(path): errno \(errno)")
    }
  }

  deinit { close(descriptor) }

  func hello(name: String) {
    send(#"{"type":"hello","customer":{"id":"\#(name)","first_name":"\#(name)"}}"#)
  }

  func say(_ text: String) {
    send(#"{"type":"message","text":"\#(text)"}"#)
  }

  func bye() {
    send(#"{"type":"bye"}"#)
  }

  private func send(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
  }
}
