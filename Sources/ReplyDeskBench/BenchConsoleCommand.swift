import ArgumentParser
import ReplyDeskConsole

/// `replydesk bench console`: frame time of the console at 200x60, drawn to a headless terminal.
struct BenchConsoleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "console",
    abstract: "Frame time (state -> grid -> diff -> ncurses flush) of a busy console.")

  @Option(help: "Frames to measure.")
  var frames = 1000

  @Option(help: "Terminal width in columns.")
  var width = 200

  @Option(help: "Terminal height in rows.")
  var height = 60

  @Option(help: "Terminal type for the headless ncurses screen.")
  var term = "xterm-256color"

  func validate() throws {
    guard frames > 0 else { throw ValidationError("--frames must be positive") }
    guard width >= 40, height >= 12 else { throw ValidationError("the console needs at least 40x12") }
  }

  func run() throws {
    let report = try ConsoleBenchmark.run(
      frames: frames, size: Size(width: width, height: height), terminalType: term)
    print("console \(report.size.width)x\(report.size.height), \(report.frames) frames, one key per frame")
    print("  render (state -> grid):  \(report.render)")
    print("  diff (grid -> changes):  \(report.diff)")
    print("  frame (render + diff + ncurses flush):  \(report.frame)")
    print("  changed cells per frame: \(String(format: "%.1f", report.changedCellsPerFrame))")
    let finder = ConsoleBenchmark.finder(templates: 1200)
    print("template finder over 1200 templates, one search per key (\(finder.matches) match the query):")
    print("  search (match, rank, fill the first 50):  \(finder.figure)")
  }
}
