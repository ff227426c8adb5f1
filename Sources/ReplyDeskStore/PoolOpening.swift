import Foundation
import GRDB

/// Opens a WAL database pool that other processes may be opening at the same moment.
///
/// SQLite answers `PRAGMA journal_mode = WAL` (which GRDB runs on every open) with "database is
/// locked" at once, without waiting on the busy timeout, while another connection holds the file's
/// lock; two consoles starting together hit it. The open is tried again after a short, growing
/// pause until `timeout` has passed; any other error is thrown at once.
enum PoolOpening {
  static func open(
    path: String, configuration: Configuration, timeout: TimeInterval
  ) throws -> DatabasePool {
    let deadline = Date().addingTimeInterval(timeout)
    var pause: TimeInterval = 0.005
    while true {
      do {
        return try DatabasePool(path: path, configuration: configuration)
      } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
        Thread.sleep(forTimeInterval: pause * Double.random(in: 0.5...1.5))
        pause = min(pause * 2, 0.2)
      }
    }
  }
}
