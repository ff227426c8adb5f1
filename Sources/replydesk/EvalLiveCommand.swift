import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskConsole
import ReplyDeskCore
import ReplyDeskEngine
import ReplyDeskLive
import ReplyDeskSimulation
import Synchronization

/// `replydesk eval-live`: customers written outside the templates talk to a headless console over the
/// live protocol while autopilot answers every turn; counts replies that state a wrong order state,
/// ask again for an order number the chat already settles, and first replies that ask for
/// identification instead of answering.
struct EvalLiveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval-live",
    abstract: "Autopilot against live-protocol customers: wrong order states, re-asks, first replies.")

  @Option(help: "Customers (JSON lines: profile, order, messages).")
  var customers = "Evaluation/live/customers.jsonl"
  @Option(
    help: "Ranker: lexical, neural, or auto (neural when a model is given or the default model exists).")
  var ranker: RankerChoice = .neural
  @Option(help: "Neural model file (default: the default model).") var model: String?
  @Option(help: "Template directory (default: $REPLYDESK_TEMPLATES, ./Templates, or the package's).")
  var templates: String?
  @Option(help: "Seconds to wait for each reply.") var timeout = 5.0
  @Flag(help: "Print every reply with its verdict.") var verbose = false

  func run() throws {
    BLASThreads.use(BLASThreads.interactive)
    let scripts = try LiveCustomerScript.load(customers)
    let library = try CommandResources.templates(directory: templates)
    let suggestionRanker = try HeadlessRanker.make(ranker, model: model, templates: library)
    let directory = try CommandResources.socketDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let socketPath = directory + "/eval.sock"
    let channel = try LiveCustomerChannel(listeners: [try SocketListener.unix(path: socketPath)])
    defer { channel.stop() }
    let console = try HeadlessAutopilot(
      channel: channel, ranker: suggestionRanker, recorder: InMemorySessionRecorder())
    let played = Mutex<[[String?]]>([])
    let failure = Mutex<String?>(nil)
    let done = Atomic<Bool>(false)
    let timeout = self.timeout
    Thread {
      for script in scripts {
        do {
          let replies = try script.play(endpoint: .unix(path: socketPath), timeout: timeout)
          played.withLock { $0.append(replies) }
        } catch {
          failure.withLock { $0 = ErrorText.sentence(for: error) }
          break
        }
      }
      done.store(true, ordering: .releasing)
    }.start()
    console.run { done.load(ordering: .acquiring) }
    if let problem = failure.withLock({ $0 }) {
      throw ValidationError("A customer could not finish: \(problem)")
    }
    let verdicts = zip(scripts, played.withLock { $0 }).map { LiveReplyVerdicts(script: $0, replies: $1) }
    print(LiveReplyVerdicts.report(verdicts, ranker: suggestionRanker.name, tally: console.tally))
    if verbose { for verdict in verdicts { print(verdict.transcript) } }
  }
}
