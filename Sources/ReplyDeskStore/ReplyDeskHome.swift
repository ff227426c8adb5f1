import Foundation

/// Where ReplyDesk keeps its files: `$REPLYDESK_HOME`, else `$XDG_DATA_HOME/replydesk`,
/// else `~/.local/share/replydesk`. Pure path resolution; nothing is created until asked.
public struct ReplyDeskHome: Sendable, Equatable {
  /// The resolved home directory.
  public var directory: URL

  public init(directory: URL) {
    self.directory = directory
  }

  /// Resolves the home directory from an environment (the process environment by default).
  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    if let explicit = environment["REPLYDESK_HOME"], !explicit.isEmpty {
      directory = URL(fileURLWithPath: Self.expandingTilde(explicit, environment: environment))
    } else if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
      directory = URL(fileURLWithPath: xdg).appendingPathComponent("replydesk")
    } else {
      let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
      directory = URL(fileURLWithPath: home).appendingPathComponent(".local/share/replydesk")
    }
  }

  /// The session store file inside the home directory.
  public var sessionStoreURL: URL { directory.appendingPathComponent("sessions.sqlite") }

  /// Creates the home directory (and its parents) if it does not exist yet.
  public func createDirectoryIfNeeded() throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  private static func expandingTilde(_ path: String, environment: [String: String]) -> String {
    guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
    return home + path.dropFirst()
  }
}
