import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskCore
import ReplyDeskEngine
import ReplyDeskSimulation

/// `replydesk eval`: R@1, R@4, R@10 and MRR of a model on a query file; with `--grounding`, how
/// often the model and BM25 put the state-true reply first on the held-out grounding set.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Score a model on response-selection queries (R@1, R@4, R@10, MRR) or on grounding.")

  @Option(help: "Model file (default: the default model in $REPLYDESK_HOME/models).") var model: String?
  @Option(help: "Queries (JSON lines), or a corpus in --format to build queries from.") var queries: String?
  @Option(help: "Answers (JSON lines); not needed for a corpus.") var answers: String?
  @Option(help: "Format of a corpus given as --queries: jsonl, abcd, sgd or taskmaster.")
  var format: CorpusFormat = .jsonl
  @Flag(help: "Score the held-out grounding set (Evaluation/grounding/queries.jsonl, or --queries).")
  var grounding = false
  @Option(
    help: ArgumentHelp(
      "With --grounding: a dev split instead, from this many simulated chats (a seed training never uses).",
      valueName: "chats"))
  var simulated: Int?
  @Option(
    help: ArgumentHelp(
      "With --grounding on a dev set (--queries or --simulated): print the first N queries the model got wrong.",
      valueName: "n"))
  var misses = 0
  @Option(help: "OpenBLAS threads.") var threads = BLASThreads.interactive

  func validate() throws {
    if !grounding && queries == nil { throw ValidationError("Give --queries PATH, or --grounding.") }
    if misses < 0 { throw ValidationError("--misses must be 0 or more.") }
    if misses > 0 && (!grounding || (queries == nil && simulated == nil)) {
      throw ValidationError(
        "--misses needs --grounding with a dev set (--queries or --simulated): the held-out set stays unseen."
      )
    }
  }

  func run() throws {
    if misses > 0, simulated == nil, let queries, try Self.isHeldOutSet(queries) {
      throw CommandFailure("--misses is for a dev set: the held-out set stays unseen.")
    }
    BLASThreads.use(threads)
    let loaded = try ModelFile.load(try DefaultModel.path(explicit: model))
    let start = Date()
    let count: Int
    if grounding {
      count = try runGrounding(loaded)
    } else {
      let set = try loadEvaluationSet(queries ?? "", format: format, answers: answers)
      print(try set.evaluate(loaded).json)
      count = set.queries.count
    }
    let seconds = Date().timeIntervalSince(start)
    FileHandle.standardError.write(Data(String(format: "scored %d queries in %.1f s\n", count, seconds).utf8))
  }

  private func runGrounding(_ model: RankerModel) throws -> Int {
    let path =
      try simulated.map { "\($0) simulated chats (seed \(GroundingDevSplit.seed))" } ?? queries
      ?? ModelFigures.groundingSetPath()
    let set = try simulated.map(GroundingDevSplit.queries) ?? JSONLines.read(GroundingQuery.self, path: path)
    let neural = QueryRanker(model: model)
    let name = "neural v\(ModelFile.version)"
    let evaluation = try GroundingEvaluation(
      queries: set,
      scorers: [
        (name, { try neural.scores(for: $0.rankingQuery) }),
        ("lexical (BM25)", GroundingEvaluation.lexicalScores),
      ])
    print("grounding: \(evaluation.count) queries from \(path)")
    print("order in question resolved as meant: \(evaluation.resolvedAsMeant) of \(evaluation.count)")
    print(evaluation.table(rankers: [name, "lexical (BM25)"]))
    let missed = evaluation.misses[name, default: []]
    if misses > 0 {
      print("\(missed.count) missed; the first \(min(misses, missed.count)):")
      missed.prefix(misses).forEach { print($0.description) }
    }
    return evaluation.count
  }

  /// Whether `path` is the held-out grounding set, however it is written.
  private static func isHeldOutSet(_ path: String) throws -> Bool {
    let heldOut = URL(fileURLWithPath: try ModelFigures.groundingSetPath()).standardizedFileURL
      .resolvingSymlinksInPath()
    return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath() == heldOut
  }
}
