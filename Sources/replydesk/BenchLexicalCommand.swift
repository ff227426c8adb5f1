import ArgumentParser
import Foundation
import ReplyDeskCore
import ReplyDeskSimulation

/// `replydesk bench lexical`: how long the lexical ranker takes over a large template set.
struct BenchLexicalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lexical",
    abstract: "Lexical ranker latency over generated template variants (median, p99).")

  @Option(help: "Number of templates to rank (variants of the shipped ones).")
  var templates = 500

  @Option(help: "Number of ranking requests to time.")
  var requests = 2000

  @Option(help: "Template directory (default: $REPLYDESK_TEMPLATES, ./Templates, or the package's).")
  var dir: String?

  func run() throws {
    guard let directory = dir.map({ URL(fileURLWithPath: $0) }) ?? ResourceLocator.templatesDirectory() else {
      throw ValidationError("No Templates directory found; pass --dir or set REPLYDESK_TEMPLATES.")
    }
    let library: TemplateLibrary
    do {
      library = try TemplateLibrary.load(directory: directory)
    } catch {
      throw ValidationError(error.description)
    }
    guard !library.templates.isEmpty else { throw ValidationError("No templates in \(directory.path).") }
    let variants = TemplateVariants.generate(from: library.templates, count: templates)
    let buildStart = ContinuousClock.now
    let ranker = LexicalRanker(templates: variants)
    let buildMilliseconds = (ContinuousClock.now - buildStart).milliseconds
    let transcripts = TranscriptGenerator(templates: library.templates, seed: 7)
      .generate(count: max(1, requests / 6), start: Date(timeIntervalSince1970: 1_780_000_000))
    let contexts = transcripts.flatMap { transcript in
      transcript.turns.indices.filter { transcript.turns[$0].speaker == .customer }
        .map { (Array(transcript.turns[...$0].suffix(6)), transcript.profile) }
    }
    guard !contexts.isEmpty else { throw ValidationError("The generator produced no customer turns.") }
    var timings: [Double] = []
    for number in 0..<requests {
      let (context, profile) = contexts[number % contexts.count]
      let request = RankingRequest(chat: ChatID("bench"), generation: number, context: context, profile: profile)
      let start = ContinuousClock.now
      let result = ranker.rank(request)
      let elapsed = (ContinuousClock.now - start).milliseconds
      guard !result.suggestions.isEmpty else { throw ValidationError("The ranker returned no suggestions.") }
      timings.append(elapsed)
    }
    timings.sort()
    let median = timings[timings.count / 2]
    let p99 = timings[min(timings.count - 1, timings.count * 99 / 100)]
    print("lexical ranker: \(ranker.templateCount) templates, \(requests) requests")
    print(String(format: "index build: %.2f ms", buildMilliseconds))
    print(String(format: "rank (limit 9, slot-filled): median %.3f ms, p99 %.3f ms, max %.3f ms", median, p99, timings.last!))
  }
}

extension Duration {
  fileprivate var milliseconds: Double {
    Double(components.seconds) * 1e3 + Double(components.attoseconds) / 1e15
  }
}
