import ArgumentParser
import Foundation
import ReplyDeskApp
import ReplyDeskCore
import ReplyDeskSimulation

/// `replydesk bench lexical`: how long the lexical ranker takes over a large template set, and how
/// often it agrees with the simulator's ideal agent.
struct BenchLexicalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lexical",
    abstract: "Lexical ranker latency over generated template variants (median, p99) and agreement.")

  @Option(help: "Number of templates to rank (the shipped ones plus generated variants).")
  var templates = 500

  @Option(help: "Number of ranking requests to time.")
  var requests = 3000

  @Option(help: "Template directory (default: $REPLYDESK_TEMPLATES, ./Templates, or the package's).")
  var dir: String?

  /// One customer turn to answer: the chat up to it and the template the ideal agent chose.
  private struct Sample {
    var context: [Turn]
    var profile: CustomerProfile
    var label: String
  }

  func run() throws {
    let shipped = try loadTemplates()
    let samples = makeSamples(from: shipped)
    guard !samples.isEmpty else { throw CommandFailure("The transcript generator produced no samples.") }

    let variants = TemplateVariants.generate(from: shipped, count: templates)
    let buildStart = ContinuousClock.now
    let ranker = SuggestionPipeline(scorer: LexicalRanker(templates: variants))
    let buildMilliseconds = (ContinuousClock.now - buildStart).milliseconds
    var timings: [Double] = []
    for number in 0..<max(1, requests) {
      let sample = samples[number % samples.count]
      let request = RankingRequest(
        chat: ChatID("bench"), generation: number, context: sample.context, profile: sample.profile)
      let start = ContinuousClock.now
      let result = ranker.rank(request)
      timings.append((ContinuousClock.now - start).milliseconds)
      guard !result.suggestions.isEmpty else { throw CommandFailure("The ranker returned no suggestions.") }
    }
    let figures = LatencyStatistics(timings)
    print(
      "lexical ranker: \(ranker.builder.templates.count) templates, \(timings.count) requests (limit 9, slot-filled)"
    )
    print(String(format: "index build: %.2f ms", buildMilliseconds))
    print(
      String(
        format: "rank: median %.3f ms, p99 %.3f ms, max %.3f ms", figures.median, figures.p99, figures.maximum
      ))
    printAgreement(
      SuggestionPipeline(scorer: LexicalRanker(templates: shipped)), samples: samples,
      templateCount: shipped.count)
  }

  private func loadTemplates() throws -> [ReplyTemplate] {
    guard let directory = dir.map({ URL(fileURLWithPath: $0) }) ?? ResourceLocator.templatesDirectory() else {
      throw TemplateDirectoryError(
        path: "Templates", reason: "no template directory found; pass --dir or set REPLYDESK_TEMPLATES")
    }
    let library = try TemplateLibrary.load(directory: directory)
    guard !library.templates.isEmpty else { throw CommandFailure("No templates in \(directory.path).") }
    return library.templates
  }

  /// Every customer turn the ideal agent answered in 400 generated transcripts.
  private func makeSamples(from templates: [ReplyTemplate]) -> [Sample] {
    let start = ContinuousClock.now
    let transcripts = TranscriptGenerator(templates: templates, seed: 7)
      .generate(count: 400, start: Date(timeIntervalSince1970: 1_780_000_000))
    let milliseconds = (ContinuousClock.now - start).milliseconds
    let turns = transcripts.reduce(0) { $0 + $1.turns.count }
    print(
      String(
        format: "transcript generator: 400 conversations (%d turns) in %.1f ms, %.3f ms each", turns,
        milliseconds, milliseconds / 400))
    return transcripts.flatMap { transcript in
      transcript.turns.indices.dropFirst().compactMap { index -> Sample? in
        guard transcript.turns[index - 1].speaker == .customer,
          let label = transcript.templateIDs[transcript.turns[index].id]
        else { return nil }
        return Sample(context: Array(transcript.turns[..<index]), profile: transcript.profile, label: label)
      }
    }
  }

  private func printAgreement(_ ranker: SuggestionPipeline, samples: [Sample], templateCount: Int) {
    var top1 = 0
    var top3 = 0
    for sample in samples {
      let ids = ranker.rank(
        RankingRequest(chat: ChatID("bench"), generation: 0, context: sample.context, profile: sample.profile)
      ).suggestions.map(\.id)
      if ids.first == sample.label { top1 += 1 }
      if ids.prefix(3).contains(sample.label) { top3 += 1 }
    }
    let share = { (count: Int) in 100 * Double(count) / Double(samples.count) }
    print(
      String(
        format: "agreement with the ideal agent (%d templates, %d turns): top-1 %.1f%%, top-3 %.1f%%",
        templateCount, samples.count, share(top1), share(top3)))
  }
}

extension Duration {
  fileprivate var milliseconds: Double {
    Double(components.seconds) * 1e3 + Double(components.attoseconds) / 1e15
  }
}
