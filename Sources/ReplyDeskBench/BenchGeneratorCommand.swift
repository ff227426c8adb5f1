import ArgumentParser
import Foundation
import ReplyDeskCore
import ReplyDeskEngine

/// `replydesk bench generator`: time to write a 30-token reply with beam search and the KV cache, on
/// one thread, after a full-length prefix.
struct BenchGeneratorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generator", abstract: "Reply generator decoding latency.")

  @Option(help: "Generator model file (default: fresh weights with an 8,000-word vocabulary).")
  var model: String?
  @Option(help: "Reply length in tokens (the end token is withheld until then).") var tokens = 30
  @Option(help: "Beam width.") var beam = 4
  @Option(help: "Timed runs.") var runs = 200

  func run() throws {
    BLASThreads.use(BLASThreads.interactive)
    let weights =
      try model.map { try GeneratorFile.load($0) }
      ?? GeneratorModel(
        config: GeneratorConfig(), vocabulary: GeneratorVocabulary(words: (0..<8000).map { "w\($0)" }),
        seed: 1)
    let vocabulary = weights.vocabulary
    var rng = SeededGenerator(seed: 5, skip: 1)
    let words = (0..<weights.config.maxContextTokens).map { _ in
      Int.random(in: GeneratorVocabulary.firstSpeaker + 3..<vocabulary.count, using: &rng)
    }
    let prefix = [GeneratorVocabulary.profile] + words + [GeneratorVocabulary.reply]
    var banned = (0..<vocabulary.count).map { GeneratorVocabulary.isControl($0) }
    banned[GeneratorVocabulary.end] = true
    let search = BeamSearch(beamWidth: beam, maxLength: tokens)
    var times: [Double] = []
    var written = 0
    for _ in 0..<(runs + 5) {
      let start = DispatchTime.now().uptimeNanoseconds
      let decoder = IncrementalDecoder(model: weights, prefix: prefix, banned: banned)
      let best = search.search(start: decoder.start, first: decoder.firstLogProbs) { decoder.step($0, $1) }
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
      written = best.first?.tokens.count ?? 0
    }
    let timed = LatencyStatistics(Array(times.dropFirst(5)))
    print(
      String(
        format:
          "generator: %d-token reply, beam %d, %d-token prefix, %d parameters, 1 thread: median %.2f ms  "
          + "p99 %.2f ms", written, beam, prefix.count, weights.parameterCount, timed.median,
        timed.p99))
  }
}
