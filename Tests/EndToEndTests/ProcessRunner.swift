import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The result of running a command to completion.
struct CommandResult {
  var status: Int32
  var output: String
}

/// Runs commands with `posix_spawn` and an empty signal mask. Foundation's `Process` hangs with tmux
/// (its server inherits the pipe), and children spawned from test threads would otherwise inherit a
/// mask that blocks SIGWINCH and SIGTERM.
enum ProcessRunner {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Runs `arguments` (looked up on PATH), waits for it, and returns its exit status and output.
  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
    let outputPath = FileManager.default.temporaryDirectory
      .appendingPathComponent("replydesk-e2e-\(UUID().uuidString).out").path
    defer { unlink(outputPath) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))

    var merged = ProcessInfo.processInfo.environment
    merged.merge(environment) { _, new in new }
    let envStrings = merged.map { "\($0.key)=\($0.value)" }

    var pid = pid_t()
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = envStrings.map { strdup($0) } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
    guard spawned == 0 else {
      throw Failure(description: "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return CommandResult(status: exitStatus, output: output)
  }
}
