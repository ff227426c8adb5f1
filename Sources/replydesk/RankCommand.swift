import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskEngine

/// `replydesk rank`: reads query lines on stdin and writes one `{"scores": [...]}` line per query.
struct RankCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rank", abstract: "Score query lines from stdin with the neural ranker.")

  @Option(help: "Model file (default: the default model in $REPLYDESK_HOME/models).") var model: String?
  @Option(help: "OpenBLAS threads.") var threads = BLASThreads.interactive

  func run() throws {
    BLASThreads.use(threads)
    let ranker = QueryRanker(model: try ModelFile.load(try DefaultModel.path(explicit: model)))
    let failed = ranker.run(
      lines: AnySequence { AnyIterator { readLine(strippingNewline: true) } },
      output: { print($0) },
      errors: { FileHandle.standardError.write(Data("rank: \($0)\n".utf8)) })
    guard failed == 0 else {
      throw CommandFailure(
        "\(failed) query \(failed == 1 ? "line was" : "lines were") not valid (each got empty scores); "
          + "fix the lines named above and run again.")
    }
  }
}
