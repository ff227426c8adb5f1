import Foundation

/// A small file beside the session store holding events the store could not take yet (disk full),
/// one JSON object per line, so they survive the console dying before a retry succeeds. Each
/// console process has its own file, `<store>.unsaved-<pid>.jsonl`; the next console to start
/// stores what a dead one left.
public struct UnsavedEventsFile: Sendable, Equatable {
  public let path: String

  public init(path: String) { self.path = path }

  /// This process's file for the store at `storePath`.
  public static func forStore(at storePath: String, pid: Int32 = getpid()) -> UnsavedEventsFile {
    UnsavedEventsFile(path: "\(storePath).unsaved-\(pid).jsonl")
  }

  /// The files beside the store at `storePath` whose process is no longer running (or is this one).
  public static func leftovers(forStore storePath: String) -> [UnsavedEventsFile] {
    let url = URL(fileURLWithPath: storePath)
    let prefix = url.lastPathComponent + ".unsaved-"
    let directory = url.deletingLastPathComponent()
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.sorted().compactMap { name -> UnsavedEventsFile? in
      guard name.hasPrefix(prefix), name.hasSuffix(".jsonl"),
        let pid = Int32(name.dropFirst(prefix.count).dropLast(".jsonl".count))
      else { return nil }
      let running = pid != getpid() && (kill(pid, 0) == 0 || errno != ESRCH)
      return running ? nil : UnsavedEventsFile(path: directory.appendingPathComponent(name).path)
    }
  }

  /// Replaces the file's contents with `events` (written whole, then renamed into place); false when
  /// the disk cannot take even that.
  @discardableResult
  public func write(_ events: [SessionEvent]) -> Bool {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let lines = try? events.map({ String(decoding: try encoder.encode($0), as: UTF8.self) }) else {
      return false
    }
    let data = Data((lines.joined(separator: "\n") + "\n").utf8)
    return (try? data.write(to: URL(fileURLWithPath: path), options: .atomic)) != nil
  }

  /// The events in the file, oldest first; lines that do not decode (a torn write) are skipped.
  public func read() -> [SessionEvent] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    let decoder = JSONDecoder()
    return data.split(separator: UInt8(ascii: "\n")).compactMap {
      try? decoder.decode(SessionEvent.self, from: Data($0))
    }
  }

  public func remove() {
    unlink(path)
  }
}
