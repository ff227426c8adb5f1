import ArgumentParser
import Foundation
import ReplyDeskEngine

/// `replydesk eval`: R@1, R@4, R@10 and MRR of a model on a query file.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval", abstract: "Score a model on response-selection queries (R@1, R@4, R@10, MRR).")

  @Option(help: "Model file (default: the default model in $REPLYDESK_HOME/models).") var model: String?
  @Option(help: "Queries (JSON lines), or a corpus in --format to build queries from.") var queries: String
  @Option(help: "Answers (JSON lines); not needed for a corpus.") var answers: String?
  @Option(help: "Format of a corpus given as --queries: jsonl, abcd, sgd or taskmaster.")
  var format: CorpusFormat = .jsonl
  @Option(help: "OpenBLAS threads.") var threads = 1

  func run() throws {
    BLAS.setThreads(threads)
    let loaded = try ModelFile.load(try DefaultModel.path(explicit: model))
    let set = try loadEvaluationSet(queries, format: format, answers: answers)
    let start = Date()
    let metrics = try set.evaluate(loaded)
    print(metrics.json)
    let seconds = Date().timeIntervalSince(start)
    FileHandle.standardError.write(
      Data(String(format: "scored %d queries in %.1f s\n", set.queries.count, seconds).utf8))
  }
}
