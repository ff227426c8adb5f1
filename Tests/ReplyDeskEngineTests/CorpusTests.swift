import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskEngine

/// Corpus importers: the project's JSON lines with clear errors, and the shared data sets.
struct CorpusTests {
  static let sharedData: String = {
    if let path = ProcessInfo.processInfo.environment["REPLYDESK_SHARED_DATA"] { return path }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../../shared/data").standardized.path
  }()
  static let hasSharedData = FileManager.default.fileExists(atPath: sharedData + "/sgd/train")

  func write(_ text: String) throws -> String {
    let path = NSTemporaryDirectory() + "replydesk-\(UUID().uuidString).jsonl"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func readsJSONLinesAndNamesTheBadLine() throws {
    let good = try write(
      """
      {"id": "a", "profile": {"name": "Ada"}, "turns": [{"speaker": "customer", "text": "hi"}, {"speaker": "agent", "text": "hello"}], "intent": "greet"}

      """)
    let conversations = try CorpusLoader.load(path: good, format: .jsonl)
    #expect(conversations.count == 1)
    #expect(conversations[0].turns.map(\.speaker) == [0, 1])
    #expect(conversations[0].domain == "greet")

    let bad = try write(
      "{\"id\": \"a\", \"turns\": []}\n{\"id\": \"b\", \"turns\": [{\"speaker\": \"alien\", \"text\": \"x\"}]}\n"
    )
    #expect(throws: CorpusError.self) { try CorpusLoader.load(path: bad, format: .jsonl) }
    do {
      _ = try CorpusLoader.load(path: bad, format: .jsonl)
    } catch let error as CorpusError {
      #expect(error.message.contains(":2:"))
    }
    #expect(throws: CorpusError.self) { try CorpusLoader.load(path: "/nonexistent/corpus", format: .sgd) }
  }

  @Test func parsesBooleansNumbersAndNulls() throws {
    let value = try JSONValue.parse(Data(#"{"a": true, "b": 1.5, "c": null, "d": ["x", false]}"#.utf8))
    #expect(
      value
        == .object([
          "a": .bool(true), "b": .number(1.5), "c": .null, "d": .array([.string("x"), .bool(false)]),
        ]))
    #expect(value.leaves.map(\.key) == ["a", "b", "d", "d"])
  }

  @Test(.enabled(if: hasSharedData)) func importsSharedCorpora() throws {
    let abcd = try CorpusLoader.load(path: Self.sharedData + "/abcd/abcd_sample.json", format: .abcd)
    #expect(abcd.count == 3)
    #expect(abcd[0].turns.contains { $0.speaker == 2 })
    let taskmaster = try CorpusLoader.load(
      path: Self.sharedData + "/taskmaster4/data_07.json", format: .taskmaster)
    #expect(taskmaster.count > 100)
    #expect(Set(taskmaster.flatMap { $0.turns.map(\.speaker) }) == [0, 1])
    let sgd = try CorpusLoader.load(path: Self.sharedData + "/sgd/dev/dialogues_001.json", format: .sgd)
    #expect(sgd.count > 50)
    #expect(sgd[0].profile?["services"] != nil)
  }
}
