import Foundation
import ReplyDeskCore

/// A non-blocking listening socket the channel accepts customers on.
public struct SocketListener: Sendable {
  /// The listening descriptor.
  public let descriptor: Int32
  /// Where it listens; a TCP endpoint carries the port actually bound (port 0 picks one).
  public let endpoint: SocketEndpoint
  /// The device and inode of the socket file this listener bound, so `close` removes that file and
  /// never one someone else put at the path since.
  private var boundFile: FileIdentity?
  /// TCP peers must present the shared token in their first line; Unix peers are trusted by
  /// the socket file's permissions.
  public var requiresToken: Bool {
    if case .tcp = endpoint { true } else { false }
  }

  /// Listens on a Unix socket at `path` with mode 0600. The directory must belong to this user
  /// and be writable by no one else (elsewhere another user could swap the socket). A stale socket
  /// file left by a console that died is replaced; a live one, or any other kind of file, is an error.
  public static func unix(path: String) throws(SocketError) -> SocketListener {
    let address = try SocketCalls.unixAddress(path)
    try LiveSocketLocation.requirePrivateDirectory(for: path)
    try removeStaleSocket(at: path, address: address)
    let descriptor = try SocketCalls.makeSocket(family: AF_UNIX)
    let previousMask = umask(0o177)
    let bound = SocketCalls.bindSocket(descriptor, address)
    let bindError = errno
    umask(previousMask)
    guard bound == 0 else {
      _ = Foundation.close(descriptor)
      throw .system("Cannot listen on \(path)", bindError)
    }
    chmod(path, 0o600)
    var listener = try listening(descriptor, endpoint: .unix(path: path))
    listener.boundFile = FileIdentity(path: path)
    return listener
  }

  /// Listens on TCP `host:port` (port 0 picks a free port).
  public static func tcp(host: String, port: UInt16) throws(SocketError) -> SocketListener {
    let descriptor = try SocketCalls.makeSocket(family: AF_INET)
    var one: Int32 = 1
    setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    guard SocketCalls.bindSocket(descriptor, SocketCalls.inetAddress(host: host, port: port)) == 0 else {
      let code = errno
      _ = Foundation.close(descriptor)
      throw .system("Cannot listen on \(host):\(port)", code)
    }
    return try listening(
      descriptor, endpoint: .tcp(host: host, port: SocketCalls.boundPort(descriptor)))
  }

  /// Stops listening and removes the Unix socket file it created, if that file is still at the path.
  public func close() {
    _ = Foundation.close(descriptor)
    if case .unix(let path) = endpoint, let boundFile, FileIdentity(path: path) == boundFile { unlink(path) }
  }

  private static func listening(_ descriptor: Int32, endpoint: SocketEndpoint) throws(SocketError)
    -> SocketListener
  {
    guard listen(descriptor, 128) == 0 else {
      let code = errno
      _ = Foundation.close(descriptor)
      throw .system("Cannot listen on \(endpoint)", code)
    }
    SocketCalls.setNonBlocking(descriptor)
    return SocketListener(descriptor: descriptor, endpoint: endpoint)
  }

  private static func removeStaleSocket(at path: String, address: sockaddr_un) throws(SocketError) {
    var status = stat()
    guard lstat(path, &status) == 0 else { return }
    guard status.st_mode & S_IFMT == S_IFSOCK else {
      throw SocketError("\(path) exists and is not a socket; not replacing it.")
    }
    let probe = try SocketCalls.makeSocket(family: AF_UNIX)
    defer { _ = Foundation.close(probe) }
    if SocketCalls.connectSocket(probe, address) == 0 {
      throw SocketError("Another console is already listening on \(path).")
    }
    unlink(path)
  }
}

/// Where the console's Unix socket lives by default, and the private directory around it.
public enum LiveSocketLocation {
  /// `$XDG_RUNTIME_DIR/replydesk/console.sock`, else `<home>/run/console.sock`.
  public static func defaultPath(environment: [String: String], home: URL) -> String {
    if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") {
      return URL(fileURLWithPath: runtime).appendingPathComponent("replydesk/console.sock").path
    }
    return home.appendingPathComponent("run/console.sock").path
  }

  /// Creates the socket's directory if needed and makes it 0700; a directory owned by someone
  /// else is refused.
  public static func preparePrivateDirectory(for socketPath: String) throws(SocketError) {
    let directory = (socketPath as NSString).deletingLastPathComponent
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw SocketError("Cannot create \(directory): \(ErrorText.sentence(for: error))")
    }
    var status = stat()
    guard lstat(directory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
      throw SocketError("\(directory) is not a directory.")
    }
    guard status.st_uid == getuid() else { throw SocketError("\(directory) belongs to another user.") }
    guard chmod(directory, 0o700) == 0 else { throw .system("Cannot make \(directory) private") }
  }
}
