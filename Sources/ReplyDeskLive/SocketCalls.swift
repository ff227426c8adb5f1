import Foundation

#if canImport(Glibc)
  import Glibc
  private let streamType = Int32(SOCK_STREAM.rawValue)
  private let noSignalFlag = Int32(MSG_NOSIGNAL)
#else
  import Darwin
  private let streamType = SOCK_STREAM
  private let noSignalFlag: Int32 = 0
#endif

/// A socket operation that failed, with the system's reason.
public struct SocketError: Error, CustomStringConvertible {
  public var description: String

  public init(_ description: String) { self.description = description }

  static func system(_ what: String, _ code: Int32 = errno) -> SocketError {
    SocketError("\(what): \(String(cString: strerror(code)))")
  }
}

/// Thin wrappers over the POSIX socket calls the channel and the client need.
enum SocketCalls {
  /// What a non-blocking read produced.
  enum ReadResult: Equatable {
    case data(Int)
    case wouldBlock
    case closed
  }

  /// What a non-blocking write produced.
  enum WriteResult: Equatable {
    case wrote(Int)
    case wouldBlock
    case failed
  }

  static func makeSocket(family: Int32) throws(SocketError) -> Int32 {
    let descriptor = socket(family, streamType, 0)
    guard descriptor >= 0 else { throw .system("socket") }
    _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    #if canImport(Darwin)
      var one: Int32 = 1
      setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
    #endif
    return descriptor
  }

  static func setNonBlocking(_ descriptor: Int32) {
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
  }

  /// `sockaddr_un` for `path`, or an error if the path does not fit.
  static func unixAddress(_ path: String) throws(SocketError) -> sockaddr_un {
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    let capacity = MemoryLayout.size(ofValue: address.sun_path)
    guard bytes.count < capacity else {
      throw SocketError("The socket path is \(bytes.count) bytes; at most \(capacity - 1) fit: \(path)")
    }
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      raw.copyBytes(from: bytes)
      raw[bytes.count] = 0
    }
    return address
  }

  static func inetAddress(host: String, port: UInt16) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    _ = inet_pton(AF_INET, host, &address.sin_addr)
    return address
  }

  static func bindSocket<Address>(_ descriptor: Int32, _ address: Address) -> Int32 {
    withUnsafePointer(to: address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<Address>.size))
      }
    }
  }

  static func connectSocket<Address>(_ descriptor: Int32, _ address: Address) -> Int32 {
    withUnsafePointer(to: address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<Address>.size))
      }
    }
  }

  /// The port a TCP socket is bound to (after binding port 0).
  static func boundPort(_ descriptor: Int32) -> UInt16 {
    var address = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    return UInt16(bigEndian: address.sin_port)
  }

  /// Accepts one pending connection, non-blocking, with the peer's IPv4 address (`nil` for a Unix
  /// peer); `nil` when none is waiting.
  static func acceptConnection(_ listener: Int32) -> (descriptor: Int32, address: String?)? {
    while true {
      var peer = sockaddr_storage()
      var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
      let descriptor = withUnsafeMutablePointer(to: &peer) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { accept(listener, $0, &length) }
      }
      if descriptor >= 0 {
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        setNonBlocking(descriptor)
        return (descriptor, ipv4Address(of: peer))
      }
      if errno == EINTR || errno == ECONNABORTED { continue }
      return nil
    }
  }

  /// The dotted IPv4 address in `peer`, or `nil` when it is not an IPv4 address.
  private static func ipv4Address(of peer: sockaddr_storage) -> String? {
    guard Int32(peer.ss_family) == AF_INET else { return nil }
    var copy = peer
    return withUnsafePointer(to: &copy) {
      $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
        var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
        var raw = address.pointee.sin_addr
        guard inet_ntop(AF_INET, &raw, &text, socklen_t(text.count)) != nil else { return nil }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      }
    }
  }

  static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> ReadResult {
    while true {
      let count = recv(descriptor, buffer.baseAddress, buffer.count, 0)
      if count > 0 { return .data(count) }
      if count == 0 { return .closed }
      if errno == EINTR { continue }
      return errno == EAGAIN || errno == EWOULDBLOCK ? .wouldBlock : .closed
    }
  }

  static func write(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>) -> WriteResult {
    while true {
      let count = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, noSignalFlag) }
      if count >= 0 { return .wrote(count) }
      if errno == EINTR { continue }
      return errno == EAGAIN || errno == EWOULDBLOCK ? .wouldBlock : .failed
    }
  }
}
