import Foundation

/// Finds the built `replydesk` executable and gives each test its own `REPLYDESK_HOME`.
enum ReplyDeskBinary {
  /// `$REPLYDESK_BIN` (set by scripts/test), else the debug build next to this package.
  static var path: String {
    if let explicit = ProcessInfo.processInfo.environment["REPLYDESK_BIN"], !explicit.isEmpty {
      return explicit
    }
    return packageRoot.appendingPathComponent(".build/debug/replydesk").path
  }

  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// A fresh, empty home directory for one test.
  static func temporaryHome() throws -> URL {
    let home = FileManager.default.temporaryDirectory
      .appendingPathComponent("replydesk-e2e-home-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    return home
  }

  /// Runs `replydesk arguments` to completion with `home` as its home directory.
  static func run(_ arguments: [String], home: URL) throws -> CommandResult {
    try ProcessRunner.run([path] + arguments, environment: ["REPLYDESK_HOME": home.path])
  }

  /// The session store's events of the only session in `home`, as JSON objects (the export format).
  static func exportedEvents(home: URL, redact: Bool = false) throws -> [[String: Any]] {
    let listing = try run(["sessions", "--json"], home: home)
    let sessions = listing.output.split(separator: "\n").compactMap { line in
      (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }
    guard let id = sessions.last?["id"] as? String else {
      throw ProcessRunner.Failure(description: "no session recorded: \(listing.output)")
    }
    let export = try run(
      ["export", id, "--format", "jsonl"] + (redact ? [] : ["--no-redact"]), home: home)
    return export.output.split(separator: "\n").compactMap { line in
      (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }
  }
}
