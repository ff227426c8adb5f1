import Foundation
import GRDB

/// What is at a store path before it is opened: nothing yet, or a ReplyDesk store of some version.
enum StoreFileState: Equatable {
  /// No file, an empty file, or an SQLite database without any table: safe to create the schema.
  case fresh
  /// A ReplyDesk store at this schema version.
  case replyDesk(schemaVersion: Int)
}

/// Looks at a file before any migration touches it, so that a corrupt or foreign file is refused
/// and left byte-for-byte unchanged.
enum StoreFileInspector {
  /// The SQLite `application_id` of a ReplyDesk store: "RDSK".
  static let applicationID: Int32 = 0x5244_534B
  private static let sqliteMagic = Array("SQLite format 3\0".utf8)

  static func inspect(path: String) throws -> StoreFileState {
    guard let header = try readHeader(path: path) else { return .fresh }
    guard header.count >= 100, Array(header.prefix(16)) == sqliteMagic else {
      throw StoreError.notADatabase(path: path)
    }
    return try inspectDatabase(path: path)
  }

  /// The first 100 bytes of the file, or nil when there is no file or it is empty.
  private static func readHeader(path: String) throws -> [UInt8]? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
    if isDirectory.boolValue { throw StoreError.notADatabase(path: path) }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw StoreError.readFailed(path: path, detail: "permission denied")
    }
    defer { try? handle.close() }
    let bytes = try handle.read(upToCount: 100) ?? Data()
    return bytes.isEmpty ? nil : Array(bytes)
  }

  /// Reads the application id, user version and table count through a read-only connection
  /// (which also sees pages still in the write-ahead log of a running writer).
  private static func inspectDatabase(path: String) throws -> StoreFileState {
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(SessionStore.busyTimeout)
    let facts: (applicationID: Int32, userVersion: Int, tables: Int)
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      facts = try queue.read { db in
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let tables =
          try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'") ?? 0
        return (applicationID, userVersion, tables)
      }
      try queue.close()
    } catch {
      throw StoreError.reading(error, path: path)
    }
    if facts.applicationID == applicationID {
      guard facts.userVersion <= StoreSchema.currentVersion else {
        throw StoreError.newerSchema(
          path: path, found: facts.userVersion, supported: StoreSchema.currentVersion)
      }
      return .replyDesk(schemaVersion: facts.userVersion)
    }
    if facts.applicationID == 0 && facts.tables == 0 { return .fresh }
    let detail =
      facts.applicationID == 0
      ? "\(facts.tables) tables and no ReplyDesk application id"
      : String(format: "application id 0x%08X", UInt32(bitPattern: facts.applicationID))
    throw StoreError.foreignDatabase(path: path, detail: detail)
  }
}
