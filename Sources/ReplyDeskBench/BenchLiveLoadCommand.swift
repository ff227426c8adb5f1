import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskConsole
import ReplyDeskCore
import ReplyDeskEngine
import ReplyDeskLive
import ReplyDeskSimulation
import ReplyDeskStore

/// `replydesk bench load`: many simulated customers chatting at once through the real socket with a
/// headless console on the other side; the console's suggestion latency and frame time under load.
struct BenchLiveLoadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "load",
    abstract: "Suggestion latency, frame time and messages/s of a console serving many socket customers.")

  @Option(help: "Simulated customers connected at once (the console opens 9 chats; the rest queue).")
  var customers = 50

  @Option(help: "Seconds to measure.")
  var seconds = 20.0

  @Option(help: "Seconds a customer takes to answer each reply.")
  var think = 0.5

  @Option(
    help: "Ranker: lexical, neural, or auto (neural when a model is given or the default model exists).")
  var ranker: RankerChoice = .lexical

  @Option(help: "Neural model file (with --ranker neural; default: the default model).")
  var model: String?

  @Option(help: "Seed for the customers' profiles and words.")
  var seed: UInt64 = 1

  @Option(help: "Scenario directory (default: $REPLYDESK_SCENARIOS, ./Scenarios, or the built-in ones).")
  var scenarios: String?

  @Option(help: "Template directory (default: $REPLYDESK_TEMPLATES, ./Templates, or the package's).")
  var templates: String?

  @Option(help: "Console width in columns.")
  var width = 200

  @Option(help: "Console height in rows.")
  var height = 60

  @Flag(help: "Record sessions in memory instead of a durable store in a temporary directory.")
  var inMemory = false

  func validate() throws {
    guard (1...500).contains(customers) else { throw ValidationError("--customers must be 1 to 500") }
    guard seconds > 0, seconds <= 3600 else {
      throw ValidationError("--seconds must be above 0, at most 3600")
    }
    guard think >= 0, think <= 60 else { throw ValidationError("--think must be 0 to 60 seconds") }
    if model != nil && ranker == .lexical { throw ValidationError("--model needs --ranker neural") }
    guard width >= 40, height >= 12 else { throw ValidationError("the console needs at least 40x12") }
  }

  func run() throws {
    BLASThreads.use(BLASThreads.interactive)
    let library = try CommandResources.templates(directory: templates)
    let suggestionRanker = try HeadlessRanker.make(ranker, model: model, templates: library)
    let scenarioSpecs = try CommandResources.scenarioLibrary(directory: scenarios).scenarios
    let directory = try CommandResources.socketDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var limits = LiveChannelLimits()
    limits.maximumConnections = customers + 8
    let socketPath = directory + "/load.sock"
    let channel = try LiveCustomerChannel(
      listeners: [try SocketListener.unix(path: socketPath)], limits: limits)
    defer { channel.stop() }
    let recorder: any SessionRecorder =
      inMemory ? InMemorySessionRecorder() : try SessionStore(path: directory + "/load.sqlite")
    let crowd = SocketCustomerCrowd(
      endpoint: .unix(path: socketPath), count: customers, scenarios: scenarioSpecs, seed: seed,
      thinkSeconds: think)
    crowd.start()
    let report: ConsoleBenchmark.LoadReport
    do {
      report = try ConsoleBenchmark.underLoad(
        channel: channel, ranker: suggestionRanker, recorder: recorder, seconds: seconds,
        size: Size(width: width, height: height))
    } catch {
      try? crowd.stop()
      throw error
    }
    try crowd.stop()
    print(
      "console under load: \(customers) socket customers, \(suggestionRanker.name) ranker, "
        + String(format: "%.1f s, think %.2f s, ", report.seconds, think)
        + (inMemory ? "sessions in memory" : "sessions in a durable store"))
    print(
      "  customer messages \(report.customerMessages) "
        + String(format: "(%.1f/s)", report.messagesPerSecond)
        + ", replies \(report.replies), chats taken \(report.chatsTaken), queue up to \(report.mostWaiting)")
    print(
      "  suggestion latency (message in an open chat -> suggestions ready): \(report.suggestionLatency)")
    print("  frame \(width)x\(height) (state -> grid -> diff): \(report.frame), \(report.frames) frames")
  }
}
