import Foundation
import ReplyDeskCore

/// Figures for `replydesk bench paste`: how long a pasted text takes to appear in the composer of
/// a busy console, from the first character read to the frame flushed to a headless terminal.
public enum PasteBenchmark {
  /// How the pasted text reaches the console.
  public enum Delivery: String, CaseIterable, Sendable {
    /// One key event per character, as a terminal without bracketed paste sends it.
    case keys
  }

  /// Milliseconds from the first character to the flushed frame, for a paste of `characters`.
  public static func run(
    characters: Int, delivery: Delivery, size: Size = Size(width: 200, height: 60),
    terminalType: String = "xterm-256color"
  ) throws -> Double {
    let driver = try TerminalDriver(headless: size, terminalType: terminalType, theme: .fallback)
    defer { driver.end() }
    var state = SampleState.busy(size: size, turns: 40)
    state.focus = .composer
    driver.flush(render(state, size: size))
    let sentence = "Thanks Dana, I can see the refund for A1234 was issued on the 16th. "
    let text = String(String(repeating: sentence, count: characters / sentence.count + 1).prefix(characters))
    let now = SampleState.start + 60
    let start = DispatchTime.now().uptimeNanoseconds
    switch delivery {
    case .keys:
      for character in text { _ = update(&state, .key(.character(character), now: now)) }
    }
    driver.flush(render(state, size: size))
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
  }
}
