import Foundation

/// Which process on which machine wrote a session's start, precise enough to tell later whether
/// that very process is still running (a reused pid or a reboot does not count as running).
public struct ProcessIdentity: Equatable, Sendable {
  /// The machine's host name.
  public var host: String
  public var pid: Int32
  /// The boot id and the process's start time in clock ticks since boot (Linux), or empty where
  /// the system does not say.
  public var startToken: String

  package init(host: String, pid: Int32, startToken: String) {
    self.host = host
    self.pid = pid
    self.startToken = startToken
  }

  /// Whether the process is running, as far as this machine can tell.
  public enum Liveness: Equatable, Sendable {
    case running
    case gone
    /// On another machine: cannot be checked from here.
    case unknown
  }

  /// This process.
  public static let current = ProcessIdentity(
    host: currentHost(), pid: getpid(), startToken: startToken(of: getpid()) ?? "")

  /// Whether this identity's process is running, seen from this machine.
  public var liveness: Liveness {
    guard host == Self.current.host else { return .unknown }
    if kill(pid, 0) != 0 && errno == ESRCH { return .gone }
    // A killed process whose parent has not collected it yet still answers kill(pid, 0).
    if Self.isZombie(pid) { return .gone }
    guard !startToken.isEmpty, let now = Self.startToken(of: pid) else { return .running }
    return now == startToken ? .running : .gone
  }

  private static func currentHost() -> String {
    var buffer = [UInt8](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
    return String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
  }

  /// True when /proc says the process has exited and only waits for its parent (state Z or X).
  static func isZombie(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let commandEnd = stat.lastIndex(of: ")")
    else { return false }
    let state = stat[stat.index(after: commandEnd)...].split(separator: " ").first
    return state == "Z" || state == "X"
  }

  /// `<boot id>:<start ticks>` from /proc, or nil without /proc or for a process that is gone.
  static func startToken(of pid: Int32) -> String? {
    guard
      let boot = try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8),
      let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let commandEnd = stat.lastIndex(of: ")")
    else { return nil }
    // Fields after the command name start at field 3; the start time is field 22.
    let fields = stat[stat.index(after: commandEnd)...].split(separator: " ")
    guard fields.count > 19 else { return nil }
    return boot.trimmingCharacters(in: .whitespacesAndNewlines) + ":" + fields[19]
  }
}
