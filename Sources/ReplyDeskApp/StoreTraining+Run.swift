import Foundation
import ReplyDeskCore
import ReplyDeskEngine
import ReplyDeskStore

extension StoreTraining {
  /// What `replydesk train --from-store` was asked for.
  public struct Request {
    public var store: any SessionStoring
    public var selection: StoreCorpus.Selection
    public var templates: [ReplyTemplate]
    /// The model to start from (`--init`), already resolved to a path.
    public var initPath: String?
    public var out: String
    public var force: Bool
    /// Whether `out` is the model in use (it is replaced only by a model no worse).
    public var outIsInUse: Bool

    public init(
      store: any SessionStoring, selection: StoreCorpus.Selection, templates: [ReplyTemplate],
      initPath: String?,
      out: String, force: Bool, outIsInUse: Bool
    ) {
      self.store = store
      self.selection = selection
      self.templates = templates
      self.initPath = initPath
      self.out = out
      self.force = force
      self.outIsInUse = outIsInUse
    }
  }

  /// `--init MODEL`: "default" is the default model's file, anything else a model file's path.
  public static func initPath(_ argument: String, home: URL = ReplyDeskHome().directory) throws -> String {
    guard argument == "default" else { return argument }
    let path = DefaultModel.url(home: home).path
    guard FileManager.default.fileExists(atPath: path) else {
      throw CommandFailure(
        "No default model at \(path) yet: run `replydesk demo` once (it trains it), or "
          + "`replydesk train --default-recipe --out \(path)`, or pass --init PATH.")
    }
    return path
  }

  /// Reads the sessions, trains, prints the figures before and after, and writes the model (or
  /// refuses to replace the model in use with a worse one). `say` gets every line.
  public func run(_ request: Request, say: (String) -> Void) throws {
    let start = try request.initPath.map(Self.loadModel)
    let corpus = try StoreCorpus.read(
      from: request.store, selection: request.selection, templates: request.templates)
    say(corpus.summaryLine)
    try corpus.requireSessions(2, store: request.store.location, selection: request.selection)
    let plan = try self.plan(corpus.conversations, from: start)
    say(planLine(plan, grown: start != nil))
    let baseline = start ?? (request.outIsInUse ? try? Self.loadModel(request.out) : nil)
    let before = try baseline.map { try figures($0, heldOut: plan.heldOut) }
    if let before { say("before (\(request.initPath ?? request.out)): \(before.description)") }
    let (model, report) = try train(plan, progress: say)
    let after = try figures(model, heldOut: plan.heldOut)
    say("after: \(after.description)")
    let written = try ModelReplacement.save(
      model, to: request.out, inUse: request.outIsInUse, before: before, after: after, force: request.force)
    say(
      String(format: "saved %@  %.0f examples/s  steps %d", written, report.examplesPerSecond, report.steps))
  }

  private func planLine(_ plan: Plan, grown: Bool) -> String {
    let sample = plan.addedWords.prefix(8).joined(separator: ", ")
    let words =
      grown
      ? "vocabulary \(plan.model.vocabulary.words.count) (+\(plan.addedWords.count) new words"
        + (sample.isEmpty ? ")" : ": \(sample)\(plan.addedWords.count > 8 ? ", …" : ""))")
      : "vocabulary \(plan.model.vocabulary.words.count) (fresh weights)"
    return "training on \(plan.trainingConversations) sessions (\(plan.data.count) examples, "
      + "\(plan.data.negatives.reduce(0) { $0 + $1.count }) hard negatives), \(plan.heldOut.queries.count) "
      + "held-out queries from the most recent sessions; \(words)"
  }

  /// The model file at `path`, or a sentence saying why it cannot be used.
  public static func loadModel(_ path: String) throws -> RankerModel {
    do { return try ModelFile.load(path) } catch let error as ModelFileError {
      throw CommandFailure("Cannot use the model \(path): \(error.reason); name another with --init.")
    }
  }
}
