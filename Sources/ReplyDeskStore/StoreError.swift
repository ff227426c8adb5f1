import Foundation
import GRDB
import ReplyDeskCore

/// Why the session store refused to open, read or write. Every case names the file involved.
public enum StoreError: Error, Equatable, CustomStringConvertible, LocalizedError {
  /// The file is not an SQLite database (or its header is damaged); it was left untouched.
  case notADatabase(path: String)
  /// The file is an SQLite database that belongs to another program; it was left untouched.
  case foreignDatabase(path: String, detail: String)
  /// The file was written by a newer ReplyDesk whose schema this build does not know.
  case newerSchema(path: String, found: Int, supported: Int)
  /// SQLite reported damage while reading or writing.
  case corrupt(path: String, detail: String)
  /// The store is read-only (opened for reading, or the file system refuses writes).
  case readOnly(path: String)
  /// The disk (or the store's size limit) is full.
  case diskFull(path: String)
  /// Any other failure to write an event; the event was not recorded.
  case writeFailed(path: String, detail: String)
  /// Any other failure to read.
  case readFailed(path: String, detail: String)
  /// An event that cannot be recorded as given (for example a message before the session started).
  case invalidEvent(String)
  /// No session has this id.
  case unknownSession(String)
  /// The database server cannot be reached (down, wrong address, refused login).
  case unreachable(location: String, detail: String)
  /// The database refused the request for this login (its role does not allow it).
  case notPermitted(location: String, detail: String)
  /// A file that belongs to a console that is still running.
  case inUse(path: String)

  public var description: String {
    switch self {
    case .notADatabase(let path):
      return "\(path) is not a ReplyDesk session store (not an SQLite file); it was left unchanged"
    case .foreignDatabase(let path, let detail):
      return "\(path) is an SQLite database of another program (\(detail)); it was left unchanged"
    case .newerSchema(let path, let found, let supported):
      return
        "\(path) uses store schema \(found) but this build supports up to \(supported); upgrade ReplyDesk"
    case .corrupt(let path, let detail):
      return "\(path) is damaged: \(detail)"
    case .readOnly(let path):
      return "cannot write to \(path): the store is read-only"
    case .diskFull(let path):
      return "cannot write to \(path): the disk is full"
    case .writeFailed(let path, let detail):
      return "could not record to \(path): \(detail)"
    case .readFailed(let path, let detail):
      return "could not read \(path): \(detail)"
    case .invalidEvent(let detail):
      return "invalid event: \(detail)"
    case .unknownSession(let id):
      return "no session with id \(id)"
    case .unreachable(let location, let detail):
      return
        "the store at \(location) cannot be reached: \(detail); check that the server runs and the "
        + "address, user and password are right"
    case .notPermitted(let location, let detail):
      return
        "the store at \(location) refused this login: \(detail); ask the store's administrator for "
        + "the replydesk_rep or replydesk_supervisor role"
    case .inUse(let path):
      return "\(path) belongs to a console that is still running; quit that console first, then try again"
    }
  }

  public var errorDescription: String? { description }

  /// Maps an SQLite error met while writing to `path` onto a store error.
  static func writing(_ error: any Error, path: String) -> StoreError {
    if let storeError = error as? StoreError { return storeError }
    guard let databaseError = error as? DatabaseError else {
      return .writeFailed(path: path, detail: ErrorText.sentence(for: error))
    }
    switch databaseError.resultCode {
    case .SQLITE_READONLY: return .readOnly(path: path)
    case .SQLITE_FULL: return .diskFull(path: path)
    case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .corrupt(path: path, detail: databaseError.message ?? "")
    default: return .writeFailed(path: path, detail: databaseError.message ?? "\(databaseError)")
    }
  }

  /// Maps an SQLite error met while reading `path` onto a store error.
  static func reading(_ error: any Error, path: String) -> StoreError {
    if let storeError = error as? StoreError { return storeError }
    guard let databaseError = error as? DatabaseError else {
      return .readFailed(path: path, detail: ErrorText.sentence(for: error))
    }
    switch databaseError.resultCode {
    case .SQLITE_NOTADB: return .notADatabase(path: path)
    case .SQLITE_CORRUPT: return .corrupt(path: path, detail: databaseError.message ?? "")
    default: return .readFailed(path: path, detail: databaseError.message ?? "\(databaseError)")
    }
  }
}
