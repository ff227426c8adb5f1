import Foundation
import ReplyDeskCore
import ReplyDeskEngine
import ReplyDeskSimulation
import ReplyDeskStore

/// The default neural ranker: trained on conversations this project writes itself (simulated
/// customers against an ideal agent using the templates), kept under `$REPLYDESK_HOME/models`.
/// No outside data goes into it.
public enum DefaultModel {
  /// How many simulated conversations the default model learns from.
  public static let conversations = 3000
  /// The budget of a first-run training, in CPU minutes of the training thread (about as many
  /// wall minutes on an idle machine), so the console opens within a minute and the model is as good
  /// on a busy machine as on an idle one.
  public static let minutes = 0.75

  /// The recipe's revision, bumped when what the default model learns from changes (templates,
  /// paraphrases, the recipe), so a console retrains it once after an upgrade instead of keeping
  /// the older model. Revision 2: the tripled state paraphrases. Revision 3: a refund's slots have
  /// tokens of their own (`<slot_refundstatus>`, `<slot_refundamount>`).
  public static let revision = 3

  public static func url(home: URL) -> URL {
    home.appendingPathComponent("models/default-v\(ModelFile.version)-r\(revision).model")
  }

  /// `explicit` when given, else the default model, which must exist already.
  public static func path(explicit: String?) throws -> String {
    if let explicit { return explicit }
    let path = url(home: ReplyDeskHome().directory).path
    guard FileManager.default.fileExists(atPath: path) else {
      throw CommandFailure(
        "No default model at \(path) yet: run `replydesk demo` once, or "
          + "`replydesk train --simulated 3000 --out \(path)`, or pass --model.")
    }
    return path
  }

  /// Simulated conversations in the engine's corpus form. Each agent turn is learned as the
  /// template it was filled from, slots unfilled, exactly as the console ranks it (so replies from
  /// one template are one candidate and never each other's negatives), or as a paraphrase stating
  /// the same state; with hard negatives stating the order's other states (`GroundedReplies`).
  public static func corpus(templates: [ReplyTemplate], count: Int, seed: UInt64) -> [CorpusConversation] {
    var grounded = GroundedReplies(templates: templates, seed: seed)
    return TranscriptGenerator(templates: templates, seed: seed).generate(count: count, start: Date()).flatMap
    {
      grounded.conversations(
        id: $0.id, profile: $0.profile, turns: $0.turns, domain: $0.scenario.rawValue,
        templateIDs: $0.templateIDs)
    }
  }

  /// How the default model trains: a short run, so batches of 64 (twice the steps of 128 in the same
  /// time), a high peak rate after a short warmup, and light dropout (the simulated corpus is large
  /// next to the steps a first run can afford).
  public static var trainingOptions: TrainingOptions {
    var options = TrainingOptions()
    options.batchSize = 64
    options.learningRate = 4e-3
    options.warmupSteps = 30
    options.dropout = 0.1
    options.budgetClock = .trainingThreadCPU
    return options
  }

  /// Trains a model on `conversations` simulated chats and writes it to `destination` (atomically: ModelFile writes a whole file or none).
  /// It trains on `threads` OpenBLAS threads and leaves the count as it found it.
  /// `progress` gets the fraction done; `log` gets a line per epoch.
  @discardableResult
  public static func train(
    templates: [ReplyTemplate], to destination: URL, conversations count: Int = conversations,
    minutes budget: Double? = minutes, epochs: Int = 3, threads: Int = BLASThreads.training,
    progress: (Double) -> Void = { _ in }, log: (String) -> Void = { _ in }
  ) throws -> TrainingReport {
    try BLASThreads.use(threads) {
      progress(0)
      var conversations = corpus(templates: templates, count: count, seed: 1)
      let held = max(1, conversations.count / 20)
      let dev = EvaluationSet.fromConversations(Array(conversations.suffix(held)), limit: 500)
      conversations.removeLast(held)
      let config = RankerConfig()
      let vocabulary = TrainingData.vocabulary(conversations, config: config)
      let data = TrainingData(conversations, vocabulary: vocabulary, config: config)
      var options = trainingOptions
      options.epochs = epochs
      options.minutes = budget
      let (best, report) = try Trainer(options: options).train(
        data, model: RankerModel(config: config, vocabulary: vocabulary, seed: 1), dev: dev,
        progress: log, onStep: progress)
      try FileManager.default.createDirectory(
        at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
      try ModelFile.save(best, to: destination.path)
      return report
    }
  }
}
