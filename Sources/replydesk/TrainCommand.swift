import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskCore
import ReplyDeskEngine
import ReplyDeskStore

/// `replydesk train`: trains the neural ranker on a corpus and writes a model file.
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train", abstract: "Train the neural template ranker on a corpus.")

  @Option(help: "Corpus file or directory.") var corpus: String?
  @Flag(help: "Train on the sessions of the store (--store, --channel, --since).") var fromStore = false
  @Flag(
    help: """
      Train the default model exactly as the console's first run does (simulated chats from the \
      templates, the default recipe and step count; --minutes replaces its cap of CPU minutes).
      """)
  var defaultRecipe = false
  @Option(help: "Train on this many conversations the simulator writes from Templates/ (the default model).")
  var simulated: Int?
  @Option(
    help:
      "Template directory for --simulated and --from-store (default: $REPLYDESK_TEMPLATES, ./Templates, the package's)."
  )
  var templates: String?
  @Option(help: "Corpus format: jsonl, abcd, sgd or taskmaster.") var format: CorpusFormat = .jsonl
  @Option(help: "Dev set: an eval queries file (answers beside it) or a corpus in --format.") var dev: String?
  @Option(help: "Where to write the model file.") var out: String
  @Option(help: "Training epochs.") var epochs = 7
  @Option(help: "OpenBLAS threads.") var threads = BLASThreads.training
  @Option(help: "Stop after this many minutes of wall time.") var minutes: Double?
  @Option(help: "Stop after this many steps (with --default-recipe: instead of its step count).")
  var steps: Int?
  @Option(
    help: ArgumentHelp(
      "Hold out this fraction of the corpus as the dev set when --dev is not given (with --from-store: "
        + "the most recent sessions, default 0.1)."))
  var holdOut: Double?
  @Option(
    name: .customLong("init"),
    help:
      "Start from this model's weights (a path, or 'default' for the default model), its vocabulary grown.")
  var initModel: String?
  @Flag(help: "With --from-store, replace the model in use even when the new one is worse.") var force = false
  @OptionGroup var store: StoreOptions
  @Option(help: "With --from-store: live, demo, practice or all.") var channel: StatsChannel = .live
  @Option(help: "With --from-store: sessions started on or after this date (YYYY-MM-DD).")
  var since: DateArgument?
  @Option(help: "Examples per batch.") var batchSize = 128
  @Option(help: "Random seed.") var seed: UInt64 = 1
  @Option(help: "Fraction of word-vector entries dropped while training.") var dropout: Float = 0.3
  @Option(help: "Peak learning rate.") var learningRate: Float = 2e-3
  @Option(help: "Steps of linear learning-rate warmup.") var warmupSteps = 100

  func validate() throws {
    guard [corpus != nil, simulated != nil, fromStore, defaultRecipe].filter({ $0 }).count == 1 else {
      throw ValidationError("Give one of --corpus PATH, --simulated N, --from-store or --default-recipe.")
    }
    if let simulated, simulated < 10 { throw ValidationError("--simulated needs at least 10 conversations") }
    guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1.") }
    guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1.") }
    guard threads >= 1 else { throw ValidationError("--threads must be at least 1.") }
    if let holdOut, !(0..<1).contains(holdOut) {
      throw ValidationError("--hold-out must be from 0 up to (not including) 1.")
    }
    if fromStore && holdOut == 0 {
      throw ValidationError("--from-store compares models on held-out sessions: give --hold-out above 0.")
    }
    if fromStore && dev != nil {
      throw ValidationError("--from-store holds out its most recent sessions; leave out --dev.")
    }
    if let minutes, minutes <= 0 { throw ValidationError("--minutes must be above 0.") }
    if let steps, steps <= 0 { throw ValidationError("--steps must be above 0.") }
  }

  func run() throws {
    try prepareDestination()
    BLASThreads.use(threads)
    if fromStore { return try runFromStore() }
    if defaultRecipe { return try runDefaultRecipe() }
    var conversations = try loadConversations()
    var devSet: EvaluationSet?
    if let dev {
      devSet = try loadEvaluationSet(dev, format: format)
    } else if let holdOut, holdOut > 0 {
      let held = Int(Double(conversations.count) * holdOut)
      devSet = .fromConversations(Array(conversations.suffix(held)), limit: 2000)
      conversations.removeLast(held)
    }
    let start = try initModel.map { try StoreTraining.loadModel(try StoreTraining.initPath($0)) }
    let model = StoreTraining.startingModel(start, for: conversations, seed: seed).model
    let vocabulary = model.vocabulary
    let data = TrainingData(conversations, vocabulary: vocabulary, config: model.config)
    guard data.count > 0 else {
      throw CommandFailure(
        "The corpus has no training examples (a customer turn answered by an agent reply) in "
          + "\(conversations.count) conversations; check --format and that the corpus has agent replies.")
    }
    say(
      "conversations \(conversations.count)  examples \(data.count)  "
        + "hard negatives \(data.negatives.reduce(0) { $0 + $1.count })  vocabulary \(vocabulary.words.count)  "
        + "parameters \(model.parameterCount)  dev queries \(devSet?.queries.count ?? 0)")
    let (best, report) = try Trainer(options: trainingOptions).train(
      data, model: model, dev: devSet, checkpoint: { try ModelFile.save($0, to: out) }, progress: { say($0) })
    try ModelFile.save(best, to: out)
    say(
      String(
        format: "saved %@  %.0f examples/s  %.0f tokens/s  steps %d", out, report.examplesPerSecond,
        report.tokensPerSecond, report.steps) + (report.bestDev.map { "  best dev \($0.json)" } ?? ""))
  }
}

extension TrainCommand {
  /// The console's first-run training, headless: the same corpus, recipe and steps.
  fileprivate func runDefaultRecipe() throws {
    let report = try DefaultModel.train(
      templates: try loadTemplates().templates, to: URL(fileURLWithPath: out),
      steps: steps ?? DefaultModel.steps, minutes: minutes ?? DefaultModel.maximumMinutes,
      seed: seed, threads: threads, log: { say($0) })
    say(
      String(format: "saved %@  %.0f examples/s  steps %d", out, report.examplesPerSecond, report.steps)
        + (report.bestDev.map { "  best dev \($0.json)" } ?? ""))
  }

  fileprivate var trainingOptions: TrainingOptions {
    var options = TrainingOptions()
    options.epochs = epochs
    options.minutes = minutes
    options.steps = steps
    options.batchSize = batchSize
    options.seed = seed
    options.dropout = dropout
    options.learningRate = learningRate
    options.warmupSteps = warmupSteps
    return options
  }

  /// `--from-store`: the store's sessions, the most recent held out, written only if no worse
  /// when --out is the model in use.
  fileprivate func runFromStore() throws {
    let sessions: any SessionStoring
    do { sessions = try store.open(.readOnly) } catch {
      throw CommandFailure("Cannot open the session store to train from", error)
    }
    let training = StoreTraining(
      options: trainingOptions, holdOut: holdOut ?? 0.1, grounding: try ModelFigures.groundingSet())
    try training.run(
      StoreTraining.Request(
        store: sessions, selection: StoreCorpus.Selection(channel: channel, since: since?.date),
        templates: try loadTemplates().templates,
        initPath: try initModel.map { try StoreTraining.initPath($0) },
        out: out,
        force: force, outIsInUse: ModelReplacement.isInUse(out)),
      say: say)
  }

  fileprivate func loadTemplates() throws -> TemplateLibrary {
    let directory = templates.map { URL(fileURLWithPath: $0) } ?? ResourceLocator.templatesDirectory()
    guard let directory else { throw CommandFailure("No Templates directory found; pass --templates.") }
    return try TemplateLibrary.load(directory: directory)
  }

  /// Checks the model file's folder exists and is writable before any training time is spent; a
  /// mistyped --out is refused rather than creating folders.
  fileprivate func prepareDestination() throws {
    let folder = URL(fileURLWithPath: out).deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw CommandFailure(
        "The folder \(folder.path) for --out does not exist; create it first or choose another path.")
    }
    guard FileManager.default.isWritableFile(atPath: folder.path) else {
      throw CommandFailure("Cannot write the model into \(folder.path): choose a folder you can write to.")
    }
  }

  fileprivate func loadConversations() throws -> [CorpusConversation] {
    if let corpus { return try CorpusLoader.load(path: corpus, format: format) }
    return DefaultModel.corpus(templates: try loadTemplates().templates, count: simulated ?? 0, seed: seed)
  }
}

/// Writes a line to stdout unbuffered, so progress shows while training runs.
func say(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// An eval queries file (with `.answers.` beside `.queries.`) or a corpus to build queries from.
func loadEvaluationSet(_ path: String, format: CorpusFormat, answers: String? = nil) throws -> EvaluationSet {
  if path.hasSuffix(".jsonl") && (answers != nil || path.contains(".queries.")) {
    let answerPath = answers ?? path.replacingOccurrences(of: ".queries.", with: ".answers.")
    let queries = try JSONLines.read(RankingQuery.self, path: path)
    let answers = try JSONLines.read(QueryAnswer.self, path: answerPath)
    guard queries.count == answers.count else {
      throw CorpusError("\(answerPath): \(answers.count) answers for \(queries.count) queries")
    }
    return EvaluationSet(queries: queries, answers: answers.map(\.answer))
  }
  return .fromConversations(try CorpusLoader.load(path: path, format: format), limit: 2000)
}
