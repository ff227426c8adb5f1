import Foundation
import Testing

@testable import ReplyDeskEngine

/// Overfitting a tiny corpus: the decoder must then reproduce every reply exactly.
struct GeneratorOverfitTests {
  let model = GeneratorFixtures.trained
  let encoder = GeneratorFixtures.encoder

  func decoded(_ search: BeamSearch) -> [[String]] {
    let generator = ReplyGenerator(model: model, safety: ReplySafety(blocklist: ""), search: search)
    return encoder.examples(GeneratorFixtures.conversations).map {
      generator.decode(prefix: $0.prefix)[0].words
    }
  }

  @Test func greedyReproducesTheReplies() {
    #expect(decoded(BeamSearch(beamWidth: 1)) == GeneratorFixtures.expectedReplies)
  }

  @Test func beamReproducesTheReplies() {
    #expect(decoded(BeamSearch(beamWidth: 4)) == GeneratorFixtures.expectedReplies)
  }

  @Test func incrementalStepsMatchTheFullForwardPass() {
    let example = encoder.examples(GeneratorFixtures.conversations)[1]
    let decoder = IncrementalDecoder(
      model: model, prefix: example.prefix, banned: [Bool](repeating: false, count: model.vocabulary.count))
    var state = decoder.start
    var incremental = [decoder.firstLogProbs]
    for token in example.reply {
      let (next, logProbs) = decoder.step([state], [token])[0]
      state = next
      incremental.append(logProbs)
    }
    for length in 0...example.reply.count {
      let full = IncrementalDecoder(
        model: model, prefix: example.prefix + example.reply.prefix(length),
        banned: [Bool](repeating: false, count: model.vocabulary.count))
      let worst = zip(full.firstLogProbs, incremental[length]).map { abs($0 - $1) }.max() ?? 0
      #expect(worst < 1e-3, "position \(length)")
    }
  }

  @Test func modelFileRoundTrip() throws {
    let path = NSTemporaryDirectory() + "generator-\(UUID().uuidString).model"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try GeneratorFile.save(model, to: path)
    let loaded = try GeneratorFile.load(path)
    #expect(loaded.parameters == model.parameters)
    #expect(loaded.vocabulary == model.vocabulary)
    var damaged = try Data(contentsOf: URL(fileURLWithPath: path))
    damaged[damaged.count - 10] ^= 0xFF
    #expect(throws: ModelFileError.self) { try GeneratorFile.decode(damaged) }
    #expect(throws: ModelFileError.self) { try GeneratorFile.decode(Data("not a model".utf8)) }
    let saved = try Data(contentsOf: URL(fileURLWithPath: path))
    for (from, to) in [
      ("\"layers\":2", "\"layers\":0"), ("\"maxProfileWords\":12", "\"maxProfileWords\":99"),
    ] {
      var hostile = saved
      let range = try #require(hostile.range(of: Data(from.utf8)))
      hostile.replaceSubrange(range, with: Data(to.utf8))
      #expect(throws: ModelFileError.self) { try GeneratorFile.decode(hostile) }
    }
  }
}
