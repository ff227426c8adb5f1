import Foundation
import ReplyDeskApp
import ReplyDeskCore
import ReplyDeskStore
import Testing

@testable import ReplyDeskEngine

/// `train --from-store`'s recipe: the most recent sessions held out, the start model's figures
/// before and the new one's after, and the model in use replaced only by one no worse.
@Suite struct StoreTrainingTests {
  private func temporary(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("replydesk-\(UUID().uuidString)-\(name)")
      .path
  }

  private func smallModel(seed: UInt64) -> RankerModel {
    var config = RankerConfig()
    config.dim = 8
    config.hidden = 16
    config.buckets = 64
    return RankerModel(
      config: config, vocabulary: Vocabulary(words: ["order", "hello"], buckets: 64), seed: seed)
  }

  private func conversations(_ count: Int) -> [CorpusConversation] {
    (0..<count).map {
      CorpusConversation(id: "s\($0)", profile: nil, turns: [(0, "hi"), (1, "hello")], domain: "d")
    }
  }

  @Test func theMostRecentSessionsAreHeldOut() {
    let training = StoreTraining(options: TrainingOptions(), holdOut: 0.1, grounding: [])
    let (kept, held) = training.split(conversations(20))
    #expect(kept.map(\.id) == (0..<18).map { "s\($0)" })
    #expect(held.map(\.id) == ["s18", "s19"])
    let (few, one) = training.split(conversations(3))
    #expect(few.count == 2 && one.map(\.id) == ["s2"])
  }

  @Test func theModelInUseIsReplacedOnlyByOneNoWorse() throws {
    let path = temporary("in-use.model")
    defer {
      try? FileManager.default.removeItem(atPath: path)
      try? FileManager.default.removeItem(atPath: ModelReplacement.rejectedPath(path))
    }
    let inUse = smallModel(seed: 1)
    let new = smallModel(seed: 2)
    try ModelFile.save(inUse, to: path)
    let before = ModelFigures(recallAt1: 0.5, queries: 10, grounding: 0.8, groundingQueries: 250)
    let worse = ModelFigures(recallAt1: 0.6, queries: 10, grounding: 0.7, groundingQueries: 250)
    do {
      try ModelReplacement.save(new, to: path, inUse: true, before: before, after: worse, force: false)
      Issue.record("a worse model replaced the model in use")
    } catch {
      let message = ErrorText.sentence(for: error)
      #expect(message.contains("R@1 0.600 against 0.500, grounding 70.0% against 80.0%"))
      #expect(message.contains("--force"))
    }
    #expect(try ModelFile.load(path) == inUse)
    #expect(try ModelFile.load(ModelReplacement.rejectedPath(path)) == new)

    try ModelReplacement.save(new, to: path, inUse: false, before: before, after: worse, force: false)
    #expect(try ModelFile.load(path) == new)
    try ModelReplacement.save(inUse, to: path, inUse: true, before: before, after: worse, force: true)
    #expect(try ModelFile.load(path) == inUse)
    let better = ModelFigures(recallAt1: 0.5, queries: 10, grounding: 0.8, groundingQueries: 250)
    try ModelReplacement.save(new, to: path, inUse: true, before: before, after: better, force: false)
    #expect(try ModelFile.load(path) == new)
  }

  @Test func theDefaultModelsFileIsTheModelInUse() {
    let home = URL(fileURLWithPath: temporary("home"))
    #expect(ModelReplacement.isInUse(DefaultModel.url(home: home).path, home: home))
    #expect(!ModelReplacement.isInUse(home.appendingPathComponent("models/other.model").path, home: home))
  }

  @Test func initNamesTheDefaultModelOrSaysHowToGetOne() throws {
    let home = URL(fileURLWithPath: temporary("home"))
    defer { try? FileManager.default.removeItem(at: home) }
    let path = DefaultModel.url(home: home).path
    let missing = failure { _ = try StoreTraining.initPath("default", home: home) }
    #expect(missing?.hasPrefix("No default model at \(path) yet: run `replydesk demo` once") == true)
    #expect(missing?.hasSuffix("or pass --init PATH.") == true)
    #expect(try StoreTraining.initPath("/tmp/other.model", home: home) == "/tmp/other.model")
    try FileManager.default.createDirectory(
      at: DefaultModel.url(home: home).deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("not a model".utf8).write(to: DefaultModel.url(home: home))
    #expect(try StoreTraining.initPath("default", home: home) == path)
    #expect(
      failure { _ = try StoreTraining.loadModel(path) }
        == "Cannot use the model \(path): not a ReplyDesk ranker model (wrong magic bytes); name another with --init."
    )
  }

  private func failure(_ body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch {
      return ErrorText.sentence(for: error)
    }
  }

  @Test func aRunFromAStorePrintsBothModelsFiguresAndWritesTheNewOne() throws {
    let storePath = temporary("sessions.sqlite")
    let initPath = temporary("init.model")
    let out = temporary("out.model")
    defer { for path in [storePath, initPath, out] { try? FileManager.default.removeItem(atPath: path) } }
    let store = try StoreCorpusTests.fixtureStore(storePath)
    try ModelFile.save(smallModel(seed: 3), to: initPath)
    var options = TrainingOptions()
    options.epochs = 2
    options.batchSize = 2
    var lines: [String] = []
    try StoreTraining(options: options, holdOut: 0.3, grounding: []).run(
      .init(
        store: store, selection: .init(channel: .all), templates: StoreCorpusTests.templates,
        initPath: initPath,
        out: out, force: false, outIsInUse: false), say: { lines.append($0) })
    let corpus = try StoreCorpus.read(from: store, selection: .init(channel: .all), templates: [])
    #expect(lines.first == corpus.summaryLine)
    #expect(lines.contains { $0.hasPrefix("training on 1 sessions (") && $0.contains("new words: ") })
    #expect(lines.contains { $0.hasPrefix("before (\(initPath)): R@1 ") })
    #expect(lines.contains { $0.hasPrefix("after: R@1 ") })
    let written = try ModelFile.load(out)
    #expect(written.vocabulary.words.starts(with: ["order", "hello"]))
    #expect(written.vocabulary.words.count > 2)
  }
}
