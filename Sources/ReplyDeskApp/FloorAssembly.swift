import Foundation
import ReplyDeskConsole
import ReplyDeskCore
import ReplyDeskStore

/// `replydesk floor`: opens the store read-only (it never creates or changes one), its change
/// feed, and the floor console over them.
public struct FloorAssembly {
  /// The `--store` value, if given.
  public var store: String?
  public var theme: String?
  public var color: ColorMode = .auto
  /// Which sessions the floor shows and counts, as `stats --channel` does.
  public var channel: StatsChannel = .live

  public init() {}

  /// Runs the floor until the supervisor quits.
  public func run() throws {
    let opened = try StoreOpener(override: store).open(.readOnly)
    guard let source = opened as? any FloorReading else {
      throw CommandFailure(
        "the store at \(opened.location) cannot show the floor; use an SQLite or PostgreSQL store")
    }
    var console = ConsoleAssembly()
    console.theme = theme
    console.color = color
    let options = try console.consoleOptions(channelName: "floor")
    let channel = channel
    let zone = options.timeZone
    let runner = FloorRunner(
      storeName: source.location, options: options, feed: try source.changeFeed(),
      readSnapshot: { now in try source.floorSnapshot(now: now, timeZone: zone, channel: channel) },
      loadEvents: { try source.events(of: $0) })
    do {
      try runner.run()
    } catch {
      throw CommandFailure(error)
    }
  }
}
