import Foundation
import ReplyDeskApp
import ReplyDeskConsole
import ReplyDeskCore
import Testing

@testable import ReplyDeskEngine

/// The console's model file as the composition watches it: a good new file is loaded over every
/// template so far, a broken one is refused with the reason and the model in use stays.
@Suite struct ModelReloadCompositionTests {
  private let templates = [
    ReplyTemplate(id: "greeting.hello", topic: "greeting", text: "Hi, how can I help you today?"),
    ReplyTemplate(id: "refund.status", topic: "refund", text: "Your refund is on its way."),
  ]

  /// A small model with fresh weights from `seed`, written as training writes one.
  @discardableResult
  private func writeModel(to path: String, seed: UInt64) throws -> RankerModel {
    var config = RankerConfig()
    config.dim = 8
    config.hidden = 16
    config.buckets = 64
    let model = RankerModel(
      config: config, vocabulary: Vocabulary(words: ["refund", "order", "help"], buckets: 64), seed: seed)
    try ModelFile.save(model, to: path)
    return try ModelFile.load(path)
  }

  /// The model a ranker the console built ranks with.
  private func model(of ranker: any SuggestionRanker) -> RankerModel? {
    ((ranker as? SuggestionPipeline)?.scorer as? NeuralRanker)?.model
  }

  /// The reason a reload of `watched` gives for refusing the file.
  private func refusal(_ watched: WatchedModel) -> String? {
    do {
      _ = try watched.load()
      return nil
    } catch {
      return ErrorText.sentence(for: error)
    }
  }

  @Test func aGoodFileReloadsABrokenOneIsRefusedAndTheModelInUseStays() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("replydesk-reload-\(UUID().uuidString).model").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let first = try writeModel(to: path, seed: 1)
    var assembly = ConsoleAssembly()
    assembly.ranker = .neural
    assembly.model = path
    let ranking = try assembly.ranking(templates: TemplateLibrary(templates: templates, issues: []))
    let watched = try #require(ranking.model)
    #expect(watched.path == path)
    #expect(watched.identity.name == "neural v4")
    #expect(watched.identity.date == FileSignature(path: path)?.modified)
    #expect(model(of: ranking.ranker) == first)

    let saved = ReplyTemplate(id: "refund.late", topic: "refund", text: "Sorry, your refund is late.")
    _ = ranking.rebuild(templates + [saved])
    let second = try writeModel(to: path, seed: 2)
    let reloaded = try watched.load()
    #expect(model(of: reloaded.ranker) == second)
    #expect(
      reloaded.identity
        == ModelIdentity(name: "neural v4", date: try #require(FileSignature(path: path)).modified))
    #expect((reloaded.ranker as? SuggestionPipeline)?.scorer.templates.map(\.id).last == "refund.late")
    #expect(model(of: ranking.rebuild(templates)) == second, "a template saved later uses the new model")

    let good = try Data(contentsOf: URL(fileURLWithPath: path))
    try good.prefix(good.count / 2).write(to: URL(fileURLWithPath: path), options: .atomic)
    #expect(refusal(watched)?.hasPrefix("damaged model file (expected ") == true)
    var wrongVersion = good
    wrongVersion[4] = 9
    try wrongVersion.write(to: URL(fileURLWithPath: path), options: .atomic)
    #expect(refusal(watched) == "model format version 9 is not supported (expected 4)")
    var badHeader = good
    badHeader[12] = UInt8(ascii: "#")
    try badHeader.write(to: URL(fileURLWithPath: path), options: .atomic)
    #expect(refusal(watched) == "damaged model file (unreadable header)")
    let length = good[8..<12].reversed().reduce(0) { $0 << 8 | Int($1) }
    let header = String(decoding: good[12..<(12 + length)], as: UTF8.self)
    #expect(header.contains("\"buckets\":64"))
    let otherVocabulary =
      good.prefix(12) + Data(header.replacingOccurrences(of: "\"buckets\":64", with: "\"buckets\":65").utf8)
      + good.dropFirst(12 + length)
    try otherVocabulary.write(to: URL(fileURLWithPath: path), options: .atomic)
    #expect(refusal(watched) == "damaged model file (tensor shapes do not match the configuration)")
    try Data("not a model".utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    #expect(refusal(watched) == "not a ReplyDesk ranker model (wrong magic bytes)")
    #expect(model(of: ranking.rebuild(templates)) == second, "the model in use stays")
  }
}
