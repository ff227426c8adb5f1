import Foundation
import ReplyDeskConsole
import ReplyDeskCore
import ReplyDeskEngine
import ReplyDeskSimulation

/// How a generator is trained: which simulated transcripts, model size and training budget. The
/// default recipe is what the console trains in the background on first run.
public struct GeneratorRecipe: Sendable {
  public var simulated: Int
  public var epochs: Int
  public var minutes: Double?
  public var batchSize: Int
  public var learningRate: Float
  public var dim: Int
  public var layers: Int
  public var seed: UInt64

  public init(
    simulated: Int = 2000, epochs: Int = 8, minutes: Double? = 4, batchSize: Int = 32,
    learningRate: Float = 2e-3,
    dim: Int = 128, layers: Int = 2, seed: UInt64 = 1
  ) {
    self.simulated = simulated
    self.epochs = epochs
    self.minutes = minutes
    self.batchSize = batchSize
    self.learningRate = learningRate
    self.dim = dim
    self.layers = layers
    self.seed = seed
  }

  /// Trains on `conversations` (with `targets`, the replies to learn by turn index) and returns the
  /// model; `log` gets a line per epoch, `progress` the fraction done.
  public func train(
    _ conversations: [CorpusConversation], targets: [[Int: String]], log: (String) -> Void = { _ in },
    progress: (Double) -> Void = { _ in }
  ) -> (GeneratorModel, GeneratorTrainingReport) {
    var config = GeneratorConfig()
    config.dim = dim
    config.layers = layers
    let vocabulary = GeneratorVocabulary.build(
      counts: GeneratorEncoder.wordCounts(conversations, targets: targets), limit: config.vocabularyLimit)
    var examples = GeneratorEncoder(config: config, vocabulary: vocabulary).examples(
      conversations, targets: targets)
    var rng = SeededGenerator(seed: seed, skip: 1)
    examples.shuffle(using: &rng)
    let dev = Array(examples.suffix(min(512, examples.count / 20)))
    examples.removeLast(dev.count)
    let model = GeneratorModel(config: config, vocabulary: vocabulary, seed: seed)
    log(
      "conversations \(conversations.count)  examples \(examples.count)  vocabulary \(vocabulary.count)  "
        + "parameters \(model.parameterCount)")
    var options = GeneratorTrainingOptions()
    options.epochs = epochs
    options.minutes = minutes
    options.batchSize = batchSize
    options.learningRate = learningRate
    options.seed = seed
    return GeneratorTrainer(options: options).train(
      examples, model: model, dev: dev, progress: log, onStep: progress)
  }

  /// Simulated transcripts `0..<simulated` of the recipe's seed, as corpus conversations and targets.
  public func simulatedCorpus(templates: [ReplyTemplate]) -> (
    conversations: [CorpusConversation], targets: [[Int: String]]
  ) {
    let converted = SimulatedCorpus.transcripts(count: simulated, from: 0, seed: seed, templates: templates)
      .map {
        ConsoleTranscripts.conversation(
          id: $0.id, profile: $0.profile, turns: $0.turns, domain: $0.scenario.rawValue)
      }
    return (converted.map { $0.conversation }, converted.map { $0.targets })
  }
}

/// The console's default reply generator: trained on the project's own simulated conversations,
/// kept under `$REPLYDESK_HOME/models`, decoded with the settings measured best for it.
public enum DefaultGenerator {
  /// The recipe's revision, bumped when what the default generator learns changes, so a console
  /// retrains it once after an upgrade. Revision 2: a refund's status and amount have slot tokens of
  /// their own (`<slot_refundstatus>`), no longer the order's. Revision 3: the grounding features
  /// hold the order's status and refund as one pair token too.
  public static let revision = 3

  public static func url(home: URL) -> URL {
    home.appendingPathComponent("models/generator-v\(GeneratorFile.version)-r\(revision).model")
  }

  /// The beam search the console and the evaluation use by default. No repetition penalty: template
  /// replies repeat words ("your", ".") and penalising them cost 0.03 BLEU-4 on held-out chats.
  public static let search = BeamSearch(beamWidth: 4, repetitionPenalty: 0)

  /// `Generator/blocklist.txt`: from `$REPLYDESK_GENERATOR`, the current directory, or the package.
  public static func blocklistPath() throws -> String {
    guard
      let directory = ResourceLocator.directory(named: "Generator", environmentKey: "REPLYDESK_GENERATOR")
    else {
      throw CommandFailure("No Generator directory (with blocklist.txt) found; set REPLYDESK_GENERATOR.")
    }
    return directory.appendingPathComponent("blocklist.txt").path
  }

  /// Trains the default recipe on simulated conversations from `templates` and writes the model
  /// (atomically) to `destination`.
  public static func train(
    templates: [ReplyTemplate], to destination: URL, recipe: GeneratorRecipe = GeneratorRecipe(),
    progress: (Double) -> Void
  ) throws {
    let corpus = recipe.simulatedCorpus(templates: templates)
    let (model, _) = recipe.train(corpus.conversations, targets: corpus.targets, progress: progress)
    try FileManager.default.createDirectory(
      at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
    try GeneratorFile.save(model, to: destination.path)
  }
}

/// The generator as the console's reply writer: the best safe reply for the chat, slots filled from
/// the profile (a slot it cannot fill stays a gap the representative must fill).
struct GeneratedReplyWriter: ReplyWriter {
  let generator: ReplyGenerator

  init(modelPath: String, blocklistPath: String) throws {
    generator = ReplyGenerator(
      model: try GeneratorFile.load(modelPath), safety: try ReplySafety.load(path: blocklistPath),
      search: DefaultGenerator.search)
  }

  func reply(for request: RankingRequest) -> Suggestion? {
    try? generator.suggestion(
      context: request.context, profile: request.profile, now: request.context.last?.time ?? Date()
    ).get()
  }
}
