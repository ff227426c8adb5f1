import Foundation
import ReplyDeskCore

/// Figures for `replydesk bench paste`: how long a pasted text takes to appear in the composer of
/// a busy console, from the first character read to the frame flushed to a headless terminal, and
/// how long one key typed after it takes.
public enum PasteBenchmark {
  /// How the pasted text reaches the console.
  public enum Delivery: String, CaseIterable, Sendable {
    /// One key event per character, as a terminal without bracketed paste sends it.
    case keys
    /// One bracketed paste (`ESC [ 200 ~` … `ESC [ 201 ~`) read through the terminal driver and
    /// its decoder from a file, as a terminal with bracketed paste on sends it.
    case bracketed
  }

  /// One run's figures.
  public struct Figures: Sendable {
    /// From the first character read (or key handled) to the flushed frame showing the paste.
    public var pasteMilliseconds: Double
    /// One key typed after the paste: the update, the frame and its flush.
    public var keyAfterMilliseconds: Double
    /// Characters in the draft after the paste.
    public var draftCharacters: Int
    /// Characters of the draft the paste's ranking request carried.
    public var rankedCharacters: Int
  }

  /// The pasted text: one sentence repeated to `characters` characters, on one line (the longest
  /// paragraph the composer has to wrap).
  public static func text(characters: Int) -> String {
    let sentence = "Thanks Dana, I can see the refund for A1234 was issued on the 16th. "
    return String(String(repeating: sentence, count: characters / sentence.count + 1).prefix(characters))
  }

  /// Runs one paste of `characters` characters delivered as `delivery`.
  public static func run(
    characters: Int, delivery: Delivery, size: Size = Size(width: 200, height: 60),
    terminalType: String = "xterm-256color"
  ) throws -> Figures {
    let text = Self.text(characters: characters)
    let input = FileManager.default.temporaryDirectory
      .appendingPathComponent("replydesk-paste-\(getpid())-\(UUID().uuidString.prefix(8))")
    let bytes = delivery == .bracketed ? "\u{1B}[200~" + text + "\u{1B}[201~" : ""
    try Data(bytes.utf8).write(to: input)
    defer { try? FileManager.default.removeItem(at: input) }
    let driver = try TerminalDriver(
      headless: size, terminalType: terminalType, theme: .fallback, input: input.path)
    defer { driver.end() }
    var state = SampleState.busy(size: size, turns: 40)
    state.focus = .composer
    driver.flush(render(state, size: size))
    let now = SampleState.start + 60
    var requests: [RankingRequest] = []
    func apply(_ event: ConsoleEvent) {
      for case .rank(let request) in update(&state, event) { requests.append(request) }
    }
    let start = DispatchTime.now().uptimeNanoseconds
    switch delivery {
    case .keys:
      for character in text { apply(.key(.character(character), now: now)) }
    case .bracketed:
      while let read = driver.read() {
        if case .paste(let pasted) = read { apply(.paste(pasted, now: now)) }
      }
    }
    driver.flush(render(state, size: size))
    let pasted = DispatchTime.now().uptimeNanoseconds
    let draft = state.composer.count
    let ranked = requests.last?.draft.count ?? 0
    apply(.key(.character("!"), now: now + 1))
    driver.flush(render(state, size: size))
    let typed = DispatchTime.now().uptimeNanoseconds
    return Figures(
      pasteMilliseconds: Double(pasted - start) / 1e6, keyAfterMilliseconds: Double(typed - pasted) / 1e6,
      draftCharacters: draft, rankedCharacters: ranked)
  }
}
