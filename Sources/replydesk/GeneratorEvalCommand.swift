import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskCore
import ReplyDeskEngine
import ReplyDeskSimulation

/// `replydesk generator eval`: BLEU-4 and the ranker's rank of the generated reply, on the shared
/// response-selection queries and on held-out simulated transcripts.
struct GeneratorEvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval", abstract: "Corpus BLEU-4 and ranker rank of generated replies.")

  @Option(help: "Generator model file.") var model = "generator.model"
  @Option(help: "Blocklist file.") var blocklist = "Generator/blocklist.txt"
  @Option(help: "Ranker model file: also report the generated reply's rank among the candidates.")
  var ranker: String?
  @Option(help: "Queries (JSON lines, answers beside them as .answers.jsonl); 'none' skips them.")
  var queries =
    (ProcessInfo.processInfo.environment["REPLYDESK_SHARED_DATA"] ?? "../shared/data")
    + "/eval/sgd_dev.queries.jsonl"
  @Option(help: "At most this many queries.") var limit = 500
  @Option(help: "Held-out simulated transcripts to evaluate on (0 skips them).") var simulated = 100
  @Option(help: "Simulator seed (the training seed; held-out transcripts use other numbers).")
  var seed: UInt64 = 1
  @Option(help: "Template directory for the simulator.") var templates: String?
  @OptionGroup var decoding: DecodingOptions

  func run() throws {
    BLASThreads.use(BLASThreads.interactive)
    let generator = try loadGenerator(model: model, blocklist: blocklist, search: decoding.search)
    let rankerModel = try ranker.map { QueryRanker(model: try ModelFile.load($0)) }
    if queries != "none" {
      let set = try loadEvaluationSet(queries, format: .jsonl)
      let items = zip(set.queries, set.answers).prefix(limit).map { query, answer in
        let turns = query.context.map { (speaker: SpeakerCode.code($0.speaker) ?? 0, text: $0.text) }
        let generated = try? generator.generate(turns, profile: query.profile).get()
        return GeneratorEvaluationItem(
          query: query, answer: answer, generated: generated.map { $0.segments.map(\.plainText).joined() })
      }
      print("queries " + (try GeneratorEvaluationReport(items: items, ranker: rankerModel)).json)
    }
    if simulated > 0 {
      let transcripts = try SimulatedCorpus.transcripts(
        count: simulated, from: SimulatedCorpus.heldOutOffset, seed: seed, templatesDirectory: templates)
      let items = GeneratorEvaluationItems.simulated(transcripts, generator: generator)
      print("simulated " + (try GeneratorEvaluationReport(items: items, ranker: rankerModel)).json)
    }
  }
}
