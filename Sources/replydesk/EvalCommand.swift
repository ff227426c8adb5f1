import ArgumentParser
import Foundation
import ReplyDeskEngine

/// `replydesk eval`: R@1, R@4, R@10 and MRR of a model on a query file.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval", abstract: "Score a model on response-selection queries (R@1, R@4, R@10, MRR).")

  @Option(help: "Model file.") var model = "replydesk.model"
  @Option(help: "Queries (JSON lines).") var queries: String
  @Option(help: "Answers (JSON lines).") var answers: String
  @Option(help: "OpenBLAS threads.") var threads = 1

  func run() throws {
    BLAS.setThreads(threads)
    let loaded = try ModelFile.load(model)
    let set = try loadEvaluationSet(queries, format: .jsonl, answers: answers)
    let start = Date()
    let metrics = try set.evaluate(loaded)
    print(metrics.json)
    let seconds = Date().timeIntervalSince(start)
    FileHandle.standardError.write(
      Data(String(format: "scored %d queries in %.1f s\n", set.queries.count, seconds).utf8))
  }
}
