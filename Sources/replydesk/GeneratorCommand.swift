import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskCore
import ReplyDeskEngine
import ReplyDeskSimulation

/// `replydesk generator …`: train the reply generator, write replies with it, and evaluate it.
struct GeneratorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generator", abstract: "Train, run and evaluate the neural reply generator.",
    subcommands: [GeneratorTrainCommand.self, GeneratorGenerateCommand.self, GeneratorEvalCommand.self])
}

/// `replydesk generator train`: trains on a corpus and/or simulated transcripts and writes a model file.
struct GeneratorTrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train", abstract: "Train the reply generator.")

  @Option(help: "Corpus file or directory (optional with --simulated).") var corpus: String?
  @Option(help: "Corpus format: jsonl, abcd, sgd or taskmaster.") var format: CorpusFormat = .sgd
  @Option(help: "Simulated transcripts to add (numbered from 0).") var simulated = 0
  @Option(help: "Template directory for the simulator.") var templates: String?
  @Option(help: "Where to write the model file.") var out: String
  @Option(help: "Training epochs.") var epochs = GeneratorRecipe().epochs
  @Option(help: "Stop after this many minutes of wall time.") var minutes: Double?
  @Option(help: "Examples per batch.") var batchSize = GeneratorRecipe().batchSize
  @Option(help: "Peak learning rate.") var learningRate = GeneratorRecipe().learningRate
  @Option(help: "Model width.") var dim = GeneratorRecipe().dim
  @Option(help: "Transformer blocks.") var layers = GeneratorRecipe().layers
  @Option(help: "OpenBLAS threads.") var threads = BLASThreads.training
  @Option(help: "Random seed (weights, batches and simulator).") var seed: UInt64 = 1

  func run() throws {
    BLASThreads.use(threads)
    var conversations: [CorpusConversation] = []
    var targets: [[Int: String]] = []
    if let corpus {
      conversations = try CorpusLoader.load(path: corpus, format: format)
      targets = Array(repeating: [:], count: conversations.count)
    }
    for transcript in try SimulatedCorpus.transcripts(
      count: simulated, from: 0, seed: seed, templatesDirectory: templates)
    {
      let converted = ConsoleTranscripts.conversation(
        id: transcript.id, profile: transcript.profile, turns: transcript.turns,
        domain: transcript.scenario.rawValue)
      conversations.append(converted.conversation)
      targets.append(converted.targets)
    }
    guard !conversations.isEmpty else { throw ValidationError("Give --corpus, --simulated or both.") }
    let recipe = GeneratorRecipe(
      simulated: simulated, epochs: epochs, minutes: minutes, batchSize: batchSize,
      learningRate: learningRate,
      dim: dim, layers: layers, seed: seed)
    let (trained, report) = recipe.train(conversations, targets: targets) { say($0) }
    try GeneratorFile.save(trained, to: out)
    say(
      String(
        format: "saved %@  steps %d  %.0f examples/s  %.0f tokens/s  (%d BLAS threads)", out, report.steps,
        report.examplesPerSecond, report.tokensPerSecond, threads))
  }
}

/// `replydesk generator generate`: writes a reply for each query line on stdin.
struct GeneratorGenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Write a reply for each query line ({\"context\", \"profile\"}) on stdin.")

  @Option(help: "Generator model file.") var model = "generator.model"
  @Option(help: "Blocklist file.") var blocklist = "Generator/blocklist.txt"
  @OptionGroup var decoding: DecodingOptions

  func run() throws {
    BLASThreads.use(BLASThreads.interactive)
    let generator = try loadGenerator(model: model, blocklist: blocklist, search: decoding.search)
    while let line = readLine(strippingNewline: true) {
      guard !line.allSatisfy(\.isWhitespace) else { continue }
      do {
        let query = try JSONDecoder().decode(GeneratorInput.self, from: Data(line.utf8))
        let turns = query.context.map { (speaker: SpeakerCode.code($0.speaker) ?? 0, text: $0.text) }
        switch generator.generate(turns, profile: query.profile) {
        case .success(let reply):
          let text = reply.segments.map(\.plainText).joined()
          let data = try JSONEncoder().encode(["reply": text])
          print(String(decoding: data, as: UTF8.self))
        case .failure(let refusal): print("{\"refused\": \"\(refusal)\"}")
        }
      } catch {
        FileHandle.standardError.write(
          Data("generate: skipped a line that is not a query (\(ErrorText.sentence(for: error)))\n".utf8))
      }
    }
  }
}

/// A generation request line: the context turns and an optional JSON profile.
struct GeneratorInput: Decodable {
  var context: [RankingQuery.Turn]
  var profile: JSONValue?
}

/// Beam search settings for generating, defaulting to the console's.
struct DecodingOptions: ParsableArguments {
  @Option(help: "Beam width (1 is greedy).") var beam = DefaultGenerator.search.beamWidth
  @Option(help: "Length normalisation exponent (0 ranks by raw log-probability).")
  var lengthPenalty = DefaultGenerator.search.lengthPenalty
  @Option(help: "Subtracted from the log-probability of a word the reply already has.")
  var repetitionPenalty = DefaultGenerator.search.repetitionPenalty
  @Option(help: "No reply writes the same run of this many words twice (0 allows repeats).")
  var noRepeatNgram = DefaultGenerator.search.noRepeatNGram

  var search: BeamSearch {
    BeamSearch(
      beamWidth: beam, lengthPenalty: lengthPenalty, repetitionPenalty: repetitionPenalty,
      noRepeatNGram: noRepeatNgram)
  }
}

func loadGenerator(model: String, blocklist: String, search: BeamSearch) throws -> ReplyGenerator {
  ReplyGenerator(
    model: try GeneratorFile.load(model), safety: try ReplySafety.load(path: blocklist), search: search)
}
