import Foundation

/// A file as the file system knows it (device and inode), to tell it from another at the same path.
struct FileIdentity: Equatable, Sendable {
  var device: UInt64
  var inode: UInt64

  /// The socket file at `path` (not following a symbolic link), or nil when there is none.
  init?(path: String) {
    var status = stat()
    guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFSOCK else { return nil }
    device = UInt64(status.st_dev)
    inode = UInt64(status.st_ino)
  }
}

extension LiveSocketLocation {
  /// Refuses a socket directory that another user owns or that others may write to: there another
  /// user could rename the console's socket away and listen in its place.
  static func requirePrivateDirectory(for socketPath: String) throws(SocketError) {
    let parent = (socketPath as NSString).deletingLastPathComponent
    let directory = parent.isEmpty ? "." : parent
    var status = stat()
    guard stat(directory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
      throw SocketError("\(directory) is not a directory; choose an existing directory for --socket.")
    }
    guard status.st_uid == getuid() else {
      throw SocketError(
        "\(directory) belongs to another user, who could replace the console's socket; "
          + "choose a directory of your own for --socket (the default is private).")
    }
    guard status.st_mode & 0o022 == 0 else {
      throw SocketError(
        "\(directory) is writable by other users, who could replace the console's socket; "
          + "choose a directory only you can write to for --socket (the default is private).")
    }
  }
}
