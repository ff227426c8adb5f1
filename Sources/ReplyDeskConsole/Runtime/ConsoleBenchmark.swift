import Foundation
import ReplyDeskCore

/// Frame-time figures for `replydesk bench console`: a busy state is edited one key per frame,
/// rendered, diffed and flushed through ncurses to a headless terminal.
public enum ConsoleBenchmark {
  /// The results of one run.
  public struct Report: Sendable {
    public var size: Size
    public var frames: Int
    public var render: LatencyStatistics
    public var diff: LatencyStatistics
    public var frame: LatencyStatistics
    public var changedCellsPerFrame: Double
  }

  /// Runs `frames` frames at `size`; the ncurses part draws to `terminalType` on /dev/null.
  public static func run(
    frames: Int = 1000, size: Size = Size(width: 200, height: 60), terminalType: String = "xterm-256color"
  ) throws -> Report {
    let driver = try TerminalDriver(headless: size, terminalType: terminalType, theme: .fallback)
    defer { driver.end() }
    var state = SampleState.busy(size: size, turns: 40)
    state.focus = .composer
    let typed = Array("Thanks Dana, I can see the refund for A1234 was issued on the 16th. ")
    var renderTimes: [Double] = []
    var diffTimes: [Double] = []
    var frameTimes: [Double] = []
    var changed = 0
    var previous = render(state, size: size)
    driver.flush(previous)
    for index in 0..<frames {
      let key: Key = index % 40 == 39 ? .control("w") : .character(typed[index % typed.count])
      _ = update(&state, .key(key, now: SampleState.start + Double(index)))
      let frameStart = DispatchTime.now().uptimeNanoseconds
      let grid = render(state, size: size)
      let rendered = DispatchTime.now().uptimeNanoseconds
      changed += GridDiff.changes(from: previous, to: grid).count
      let diffed = DispatchTime.now().uptimeNanoseconds
      driver.flush(grid)
      let flushed = DispatchTime.now().uptimeNanoseconds
      renderTimes.append(Double(rendered - frameStart) / 1e6)
      diffTimes.append(Double(diffed - rendered) / 1e6)
      frameTimes.append(Double(flushed - frameStart - (diffed - rendered)) / 1e6)
      previous = grid
    }
    return Report(
      size: size, frames: frames, render: LatencyStatistics(renderTimes), diff: LatencyStatistics(diffTimes),
      frame: LatencyStatistics(frameTimes), changedCellsPerFrame: Double(changed) / Double(max(frames, 1)))
  }
}

extension ConsoleBenchmark {
  /// Figures from `underLoad`.
  public struct LoadReport: Sendable {
    public var seconds: Double
    /// Customer messages the console received.
    public var customerMessages: Int
    /// Replies the console sent.
    public var replies: Int
    public var chatsTaken: Int
    /// The longest the queue of waiting customers got.
    public var mostWaiting: Int
    /// From a customer message reaching an open chat (or its chat being taken) to suggestions
    /// for it being ready, in milliseconds.
    public var suggestionLatency: LatencyStatistics
    /// One loop iteration's state -> grid -> diff, in milliseconds.
    public var frame: LatencyStatistics
    public var frames: Int

    public var messagesPerSecond: Double { seconds > 0 ? Double(customerMessages) / seconds : 0 }
  }

  /// Runs the console loop headless against `channel` for `seconds`, as a representative who takes
  /// every waiting customer while fewer than the open-chat limit are open and sends each chat's
  /// suggestion 1 as soon as it is ranked (a reply of their own when it has a gap). Rankings go
  /// through the real `RankingWorker`; decisions through `recorder`; every loop iteration renders
  /// and diffs a frame at `size`.
  public static func underLoad(
    channel: any CustomerChannel, ranker: any SuggestionRanker, recorder: any SessionRecorder,
    seconds: Double, size: Size = Size(width: 200, height: 60)
  ) throws -> LoadReport {
    try ConsoleLoadRun(channel: channel, ranker: ranker, recorder: recorder, size: size).run(seconds: seconds)
  }
}
