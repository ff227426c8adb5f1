import Foundation

/// A detached tmux session on a private server running one command, driven like a person would:
/// keys in with `send-keys`, the screen out with `capture-pane`.
final class TmuxPane {
  let socket: String
  let target = "e2e"

  /// Starts `command` in a `width` x `height` pane with `environment` added to tmux's own.
  init(command: [String], width: Int, height: Int, environment: [String: String]) throws {
    socket = "replydesk-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    let exports = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }
    let shellCommand = (["env"] + exports + command.map(Self.quote)).joined(separator: " ")
    try tmux([
      "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)", shellCommand,
    ])
    try tmux(["set-option", "-t", target, "remain-on-exit", "on"])
  }

  deinit {
    _ = try? ProcessRunner.run(["tmux", "-L", socket, "kill-server"])
  }

  /// Sends tmux key names (for example "Enter", "Escape", "C-c", "PageUp").
  func press(_ keys: String...) throws {
    try tmux(["send-keys", "-t", target] + keys)
  }

  /// Types `text` literally.
  func type(_ text: String) throws {
    try tmux(["send-keys", "-t", target, "-l", text])
  }

  /// Pastes `text` as a terminal does: through a tmux buffer, in bracketed-paste markers when the
  /// program asked for them (`paste-buffer -p`; newlines arrive as carriage returns).
  func paste(_ text: String) throws {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("replydesk-e2e-paste-\(UUID().uuidString)")
    try Data(text.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    try tmux(["load-buffer", "-b", "e2e-paste", file.path])
    try tmux(["paste-buffer", "-p", "-d", "-b", "e2e-paste", "-t", target])
  }

  /// The visible screen as plain text, one line per row.
  func screen() throws -> String {
    try tmux(["capture-pane", "-p", "-t", target])
  }

  func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
  }

  /// The process id of the pane's command (tmux runs `env`, which becomes the command).
  func pid() throws -> pid_t {
    let text = try tmux(["display-message", "-p", "-t", target, "#{pane_pid}"])
    guard let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
      throw ProcessRunner.Failure(description: "tmux gave no pane pid: \(text)")
    }
    return pid
  }

  /// Whether the pane's command has exited.
  func hasExited() throws -> Bool {
    try tmux(["display-message", "-p", "-t", target, "#{pane_dead}"])
      .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
  }

  /// Polls the screen until `condition` holds on a whole drawn screen; throws with the last screen
  /// after `timeout` seconds. A capture can catch the terminal halfway through a redraw (the header
  /// new, the body old), so a screen counts only once two captures in a row agree, or once the
  /// condition has held for a second on a screen that keeps moving (a progress bar).
  @discardableResult
  func waitFor(
    _ what: String, timeout: TimeInterval = 20, _ condition: (String) -> Bool
  ) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    var heldSince: Date?
    while Date() < deadline {
      let previous = last
      last = try screen()
      if condition(last) {
        let since = heldSince ?? Date()
        heldSince = since
        if last == previous || Date().timeIntervalSince(since) > 1 { return last }
      } else {
        heldSince = nil
      }
      usleep(50_000)
    }
    throw ProcessRunner.Failure(description: "timed out waiting for \(what); screen:\n\(last)")
  }

  /// Waits until the screen contains `text`.
  @discardableResult
  func waitFor(text: String, timeout: TimeInterval = 20) throws -> String {
    try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
  }

  @discardableResult
  private func tmux(_ arguments: [String]) throws -> String {
    let result = try ProcessRunner.run(["tmux", "-L", socket] + arguments)
    guard result.status == 0 else {
      throw ProcessRunner.Failure(
        description: "tmux \(arguments.joined(separator: " ")) failed: \(result.output)")
    }
    return result.output
  }

  private static func quote(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
