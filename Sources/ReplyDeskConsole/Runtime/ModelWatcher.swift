import Foundation

/// What `stat` says about a file: a file renamed into place has another inode, one rewritten in
/// place another size or modification time.
public struct FileSignature: Equatable, Sendable {
  public var device: UInt64
  public var inode: UInt64
  public var size: Int64
  public var modifiedNanoseconds: Int64

  /// The file at `path` now; nil when it is not there.
  public init?(path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
    size = Int64(info.st_size)
    modifiedNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
  }

  /// When the file was last written.
  public var modified: Date { Date(timeIntervalSince1970: Double(modifiedNanoseconds) / 1e9) }
}

/// Notices when the model file the console ranks with is replaced or rewritten: at most once every
/// `interval` seconds of event time it compares the file's signature with the one last seen.
final class ModelWatcher {
  let path: String
  let interval: TimeInterval
  private var seen: FileSignature?
  private var lastLook: Date?

  /// `loaded` is the file's signature from just before it was read at start-up.
  init(path: String, loaded: FileSignature?, interval: TimeInterval = 2) {
    self.path = path
    self.interval = interval
    seen = loaded
  }

  /// True when it is time to look (the first call, or `interval` after the last look) and the file
  /// is there and differs from the one last seen. The new file is then the one seen, so a file that
  /// was refused is tried again only once it is written again.
  func fileChanged(at now: Date) -> Bool {
    if let lastLook, now.timeIntervalSince(lastLook) < interval { return false }
    lastLook = now
    guard let current = FileSignature(path: path), current != seen else { return false }
    seen = current
    return true
  }
}
