import Foundation

/// The one way an error becomes text for a user: ReplyDesk's own errors already say what they
/// mean and are kept; Foundation's file, socket and format errors, which print as a domain, a
/// code and a dictionary, become a short sentence with the path and what to do.
public enum ErrorText {
  /// A sentence (without a final full stop) describing `error` for the user.
  public static func sentence(for error: any Error) -> String {
    let bridged = error as NSError
    switch bridged.domain {
    case NSCocoaErrorDomain: return cocoaSentence(bridged)
    case NSPOSIXErrorDomain: return posixReason(Int32(bridged.code))
    default: break
    }
    if let localized = error as? LocalizedError, let description = localized.errorDescription {
      return description
    }
    return String(describing: error)
  }

  private static func cocoaSentence(_ error: NSError) -> String {
    let path = error.userInfo[NSFilePathErrorKey] as? String
      ?? (error.userInfo[NSURLErrorKey] as? URL)?.path
    let reason: String
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      reason = posixReason(Int32(underlying.code))
    } else if error.code == CocoaError.propertyListReadCorrupt.rawValue {
      let detail = error.userInfo["NSDebugDescription"] as? String
      reason = "not valid JSON" + (detail.map { " (\($0))" } ?? "")
    } else {
      reason = cocoaReason(CocoaError.Code(rawValue: error.code))
    }
    return path.map { "\($0): \(reason)" } ?? reason
  }

  private static func cocoaReason(_ code: CocoaError.Code) -> String {
    switch code {
    case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or directory; check the path"
    case .fileReadNoPermission, .fileWriteNoPermission:
      return "permission denied; check the file's owner and mode"
    case .fileWriteOutOfSpace: return "the disk is full; free some space and try again"
    case .fileWriteVolumeReadOnly: return "the file system is read-only"
    case .fileReadCorruptFile: return "the file is damaged or not in the expected format"
    case .fileReadInapplicableStringEncoding, .fileWriteInapplicableStringEncoding:
      return "the file is not valid UTF-8 text"
    case .fileWriteFileExists: return "a file is already there"
    default: return "the file could not be read or written"
    }
  }

  private static func posixReason(_ code: Int32) -> String {
    switch code {
    case ENOENT: return "no such file or directory; check the path"
    case EACCES, EPERM: return "permission denied; check the file's owner and mode"
    case ENOSPC: return "the disk is full; free some space and try again"
    case EROFS: return "the file system is read-only"
    case EISDIR: return "that is a directory, not a file"
    case ENOTDIR: return "a part of the path is not a directory"
    case EEXIST: return "a file is already there"
    case EADDRINUSE: return "the address is already in use; is another console running?"
    case ECONNREFUSED: return "the connection was refused; is the console running?"
    default: return String(cString: strerror(code))
    }
  }
}
