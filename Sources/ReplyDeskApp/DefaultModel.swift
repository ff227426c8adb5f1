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
  /// The length of a first-run training, in steps (batches): under a minute on two idle cores of
  /// the reference machine. A step count rather than a time budget makes the first run give the same
  /// model on every machine and every run, busy or idle; a slower machine takes longer.
  public static let steps = 1_100
  /// The most CPU minutes of the training thread a first run spends, so that a much slower machine
  /// (or a debug build) still opens the console soon, with a model of fewer steps. The reference
  /// machine's release build finishes its steps in about half of it.
  public static let maximumMinutes = 1.5

  /// When the simulated chats start: a fixed moment (Monday, March 2, 2026, 09:00 UTC), so the
  /// corpus, and with `steps` the model, is the same whatever day it is trained. Dates in the chats
  /// only matter relative to each chat's own time (late, delivered a week ago).
  public static let corpusStart = Date(timeIntervalSince1970: 1_772_442_000)

  /// The recipe's revision, bumped when what the default model learns from changes (templates,
  /// paraphrases, the recipe), so a console retrains it once after an upgrade instead of keeping
  /// the older model. Revision 2: the tripled state paraphrases. Revision 3: a refund's slots have
  /// tokens of their own (`<slot_refundstatus>`, `<slot_refundamount>`). Revision 4: a fixed step count
  /// instead of a CPU-time budget (`steps`) and a fixed corpus date (`corpusStart`), so every first
  /// run gives the same model. Revision 5: the order's status and refund also as one pair token
  /// (`<state_delivered_requested>`) and four redrawn copies of each chat instead of two.
  public static let revision = 5

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
          + "`replydesk train --default-recipe --out \(path)`, or pass --model.")
    }
    return path
  }

  /// Simulated conversations in the engine's corpus form. Each agent turn is learned as the
  /// template it was filled from, slots unfilled, exactly as the console ranks it (so replies from
  /// one template are one candidate and never each other's negatives), or as a paraphrase stating
  /// the same state; with hard negatives stating the order's other states (`GroundedReplies`).
  public static func corpus(templates: [ReplyTemplate], count: Int, seed: UInt64) -> [CorpusConversation] {
    var grounded = GroundedReplies(templates: templates, seed: seed)
    let transcripts = TranscriptGenerator(templates: templates, seed: seed).generate(
      count: count, start: corpusStart)
    return transcripts.flatMap {
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

  /// Trains a model on `conversations` simulated chats and writes it to `destination` (atomically:
  /// ModelFile writes a whole file or none), on `threads` OpenBLAS threads (the count is left as it
  /// was found). It runs `steps` steps, unless `minutes` CPU minutes of the training thread run out
  /// first. `progress` gets the fraction done; `log` gets a line per epoch.
  @discardableResult
  public static func train(
    templates: [ReplyTemplate], to destination: URL, conversations count: Int = conversations,
    steps: Int = steps, minutes budget: Double = maximumMinutes, seed: UInt64 = 1,
    threads: Int = BLASThreads.training,
    progress: (Double) -> Void = { _ in }, log: (String) -> Void = { _ in }
  ) throws -> TrainingReport {
    try BLASThreads.use(threads) {
      progress(0)
      var conversations = corpus(templates: templates, count: count, seed: seed)
      let held = max(1, conversations.count / 20)
      let dev = EvaluationSet.fromConversations(Array(conversations.suffix(held)), limit: 500)
      conversations.removeLast(held)
      let config = RankerConfig()
      let vocabulary = TrainingData.vocabulary(conversations, config: config)
      let data = TrainingData(conversations, vocabulary: vocabulary, config: config)
      var options = trainingOptions
      options.epochs = 100  // only a bound: the step count ends the run
      options.minutes = budget
      options.steps = steps
      options.seed = seed
      let (best, report) = try Trainer(options: options).train(
        data, model: RankerModel(config: config, vocabulary: vocabulary, seed: seed), dev: dev,
        progress: log, onStep: progress)
      try FileManager.default.createDirectory(
        at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
      try ModelFile.save(best, to: destination.path)
      return report
    }
  }
}
