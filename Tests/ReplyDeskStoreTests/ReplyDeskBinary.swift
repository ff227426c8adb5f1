import Foundation

/// The built `replydesk` executable next to the test bundle, for tests that need a second real
/// process. Tests that use it are disabled when it is missing (for example in an Xcode run).
enum ReplyDeskBinary {
  static let url: URL? = {
    if let explicit = ProcessInfo.processInfo.environment["REPLYDESK_BIN"], !explicit.isEmpty {
      return URL(fileURLWithPath: explicit)
    }
    var directory = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("replydesk")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory.deleteLastPathComponent()
    }
    return nil
  }()

  static var isAvailable: Bool { url != nil }

  /// What a finished child process left behind.
  struct Outcome {
    var status: Int32
    var output: String
    var errors: String
  }

  /// Starts `/bin/sh -c script` with `environment` added; output goes to files in `directory`.
  static func startShell(
    _ script: String, environment: [String: String], in directory: TemporaryDirectory, name: String
  ) throws -> (Process, () throws -> Outcome) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    var merged = ProcessInfo.processInfo.environment
    merged["REPLYDESK_BIN"] = url?.path
    merged.merge(environment) { _, new in new }
    process.environment = merged
    let outputPath = directory.path("\(name).out")
    let errorPath = directory.path("\(name).err")
    _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
    try process.run()
    let finish = {
      process.waitUntilExit()
      return Outcome(
        status: process.terminationStatus,
        output: try String(contentsOfFile: outputPath, encoding: .utf8),
        errors: try String(contentsOfFile: errorPath, encoding: .utf8))
    }
    return (process, finish)
  }

  /// Runs `replydesk arguments…` to completion.
  static func run(_ arguments: [String], in directory: TemporaryDirectory) throws -> Outcome {
    let script = "exec \"$REPLYDESK_BIN\" " + arguments.map(shellQuoted).joined(separator: " ")
    let (_, finish) = try startShell(
      script, environment: [:], in: directory, name: "run-\(UUID().uuidString)")
    return try finish()
  }

  private static func shellQuoted(_ argument: String) -> String {
    "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
