import Foundation
import ReplyDeskCore

/// Frame-time figures for `replydesk bench console`: a busy state is edited one key per frame,
/// rendered, diffed and flushed through ncurses to a headless terminal.
public enum ConsoleBenchmark {
  /// Median and 99th percentile of one stage, in milliseconds.
  public struct Figure: Sendable, CustomStringConvertible {
    public var median: Double
    public var p99: Double

    init(_ samples: [Double]) {
      let sorted = samples.sorted()
      median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
      p99 = sorted.isEmpty ? 0 : sorted[min(Int(Double(sorted.count) * 0.99), sorted.count - 1)]
    }

    public var description: String { String(format: "median %.3f ms, p99 %.3f ms", median, p99) }
  }

  /// The results of one run.
  public struct Report: Sendable {
    public var size: Size
    public var frames: Int
    public var render: Figure
    public var diff: Figure
    public var frame: Figure
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
      size: size, frames: frames, render: Figure(renderTimes), diff: Figure(diffTimes),
      frame: Figure(frameTimes), changedCellsPerFrame: Double(changed) / Double(max(frames, 1)))
  }
}
