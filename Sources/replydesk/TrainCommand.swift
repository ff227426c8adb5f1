import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskCore
import ReplyDeskEngine

extension CorpusFormat: ExpressibleByArgument {}

/// `replydesk train`: trains the neural ranker on a corpus and writes a model file.
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train", abstract: "Train the neural template ranker on a corpus.")

  @Option(help: "Corpus file or directory.") var corpus: String?
  @Option(help: "Train on this many conversations the simulator writes from Templates/ (the default model).")
  var simulated: Int?
  @Option(
    help: "Template directory for --simulated (default: $REPLYDESK_TEMPLATES, ./Templates, the package's).")
  var templates: String?
  @Option(help: "Corpus format: jsonl, abcd, sgd or taskmaster.") var format: CorpusFormat = .jsonl
  @Option(help: "Dev set: an eval queries file (answers beside it) or a corpus in --format.") var dev: String?
  @Option(help: "Where to write the model file.") var out: String
  @Option(help: "Training epochs.") var epochs = 7
  @Option(help: "OpenBLAS threads.") var threads = 2
  @Option(help: "Stop after this many minutes of wall time.") var minutes: Double?
  @Option(help: "Hold out this fraction of the corpus as the dev set when --dev is not given.")
  var holdOut: Double = 0
  @Option(help: "Examples per batch.") var batchSize = 128
  @Option(help: "Random seed.") var seed: UInt64 = 1
  @Option(help: "Fraction of word-vector entries dropped while training.") var dropout: Float = 0.3
  @Option(help: "Peak learning rate.") var learningRate: Float = 2e-3
  @Option(help: "Steps of linear learning-rate warmup.") var warmupSteps = 100

  func validate() throws {
    guard (corpus == nil) != (simulated == nil) else {
      throw ValidationError("Give either --corpus PATH or --simulated N.")
    }
    if let simulated, simulated < 10 { throw ValidationError("--simulated needs at least 10 conversations") }
    guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1.") }
    guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1.") }
    guard threads >= 1 else { throw ValidationError("--threads must be at least 1.") }
    guard (0..<1).contains(holdOut) else {
      throw ValidationError("--hold-out must be from 0 up to (not including) 1.")
    }
    if let minutes, minutes <= 0 { throw ValidationError("--minutes must be above 0.") }
  }

  func run() throws {
    try prepareDestination()
    BLAS.setThreads(threads)
    var conversations = try loadConversations()
    var devSet: EvaluationSet?
    if let dev {
      devSet = try loadEvaluationSet(dev, format: format)
    } else if holdOut > 0 {
      let held = Int(Double(conversations.count) * holdOut)
      devSet = .fromConversations(Array(conversations.suffix(held)), limit: 2000)
      conversations.removeLast(held)
    }
    let config = RankerConfig()
    let vocabulary = TrainingData.vocabulary(conversations, config: config)
    let data = TrainingData(conversations, vocabulary: vocabulary, config: config)
    guard data.count > 0 else {
      throw CommandFailure(
        "The corpus has no training examples (a customer turn answered by an agent reply) in "
          + "\(conversations.count) conversations; check --format and that the corpus has agent replies.")
    }
    let model = RankerModel(config: config, vocabulary: vocabulary, seed: seed)
    say(
      "conversations \(conversations.count)  examples \(data.count)  "
        + "hard negatives \(data.negatives.reduce(0) { $0 + $1.count })  vocabulary \(vocabulary.words.count)  "
        + "parameters \(model.parameterCount)  dev queries \(devSet?.queries.count ?? 0)")
    var options = TrainingOptions()
    options.epochs = epochs
    options.minutes = minutes
    options.batchSize = batchSize
    options.seed = seed
    options.dropout = dropout
    options.learningRate = learningRate
    options.warmupSteps = warmupSteps
    let (best, report) = try Trainer(options: options).train(
      data, model: model, dev: devSet, checkpoint: { try ModelFile.save($0, to: out) }, progress: { say($0) })
    try ModelFile.save(best, to: out)
    say(
      String(
        format: "saved %@  %.0f examples/s  %.0f tokens/s  steps %d", out, report.examplesPerSecond,
        report.tokensPerSecond, report.steps) + (report.bestDev.map { "  best dev \($0.json)" } ?? ""))
  }
}

extension TrainCommand {
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
    let directory = templates.map { URL(fileURLWithPath: $0) } ?? ResourceLocator.templatesDirectory()
    guard let directory else { throw CommandFailure("No Templates directory found; pass --templates.") }
    let library = try TemplateLibrary.load(directory: directory)
    return DefaultModel.corpus(templates: library.templates, count: simulated ?? 0, seed: seed)
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
