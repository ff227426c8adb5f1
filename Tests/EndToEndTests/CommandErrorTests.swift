import Foundation
import Testing

/// Commands that cannot do their work say why in a sentence, exit non-zero, and print no usage
/// text unless the arguments themselves were wrong.
@Suite struct CommandErrorTests {
  private func run(_ arguments: [String]) throws -> (CommandResult, URL) {
    let home = try ReplyDeskBinary.temporaryHome()
    return (try ReplyDeskBinary.run(arguments, home: home), home)
  }

  @Test func trainingOnACorpusWithNoExamplesFailsAndWritesNoModel() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let corpus = home.appendingPathComponent("customers-only.jsonl")
    try Data(#"{"id":"c1","turns":[{"speaker":"customer","text":"hello"}]}"#.utf8).write(to: corpus)
    let model = home.appendingPathComponent("x.model")
    let result = try ReplyDeskBinary.run(
      ["train", "--corpus", corpus.path, "--out", model.path, "--epochs", "1"], home: home)
    #expect(result.status == 1, "\(result.output)")
    #expect(result.output.contains("has no training examples"))
    #expect(!result.output.contains("Usage:"))
    #expect(!FileManager.default.fileExists(atPath: model.path))
  }

  @Test func missesAreNeverListedForTheHeldOutGroundingSet() throws {
    let (plain, home) = try run(["eval", "--grounding", "--misses", "3"])
    defer { try? FileManager.default.removeItem(at: home) }
    #expect(plain.status == 64)
    #expect(plain.output.contains("the held-out set stays unseen"))
    let heldOut = ReplyDeskBinary.packageRoot.appendingPathComponent(
      "Evaluation/grounding/../grounding/queries.jsonl")
    let named = try ReplyDeskBinary.run(
      ["eval", "--grounding", "--queries", heldOut.path, "--misses", "3"], home: home)
    #expect(named.status == 1, "\(named.output)")
    #expect(named.output.contains("--misses is for a dev set: the held-out set stays unseen."))
    #expect(!named.output.contains("Usage:"))
  }

  @Test func zeroEpochsIsAWrongArgument() throws {
    let (result, home) = try run(["train", "--simulated", "20", "--epochs", "0", "--out", "/tmp/never.model"])
    defer { try? FileManager.default.removeItem(at: home) }
    #expect(result.status == 64)
    #expect(result.output.contains("--epochs must be at least 1."))
  }

  @Test func anOutFolderThatDoesNotExistIsRefusedNotCreated() throws {
    let missing = "/nonexistent-\(UUID().uuidString)"
    let (result, home) = try run(["train", "--simulated", "20", "--out", missing + "/dir/x.model"])
    defer { try? FileManager.default.removeItem(at: home) }
    #expect(result.status == 1)
    #expect(result.output.contains("does not exist; create it first or choose another path."))
    #expect(!result.output.contains("Usage:"))
    #expect(!FileManager.default.fileExists(atPath: missing))
  }

  @Test func aRuntimeFailureIsNotAUsageError() throws {
    let (result, home) = try run(["simulate", "--chats", "1", "--templates", "/nonexistent-templates"])
    defer { try? FileManager.default.removeItem(at: home) }
    #expect(result.status == 1, "\(result.output)")
    #expect(result.output.contains("/nonexistent-templates"))
    #expect(!result.output.contains("Usage:"))
  }

  @Test func rankExitsNonZeroAfterMalformedLines() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let model = home.appendingPathComponent("tiny.model").path
    let trained = try ReplyDeskBinary.run(
      ["train", "--simulated", "20", "--epochs", "1", "--threads", "1", "--out", model], home: home)
    try #require(trained.status == 0, "\(trained.output)")
    let ranked = try ProcessRunner.run([
      "sh", "-c", "printf 'not json\\n' | \"$0\" rank --model \"$1\"", ReplyDeskBinary.path, model,
    ])
    #expect(ranked.status == 1, "\(ranked.output)")
    #expect(ranked.output.contains(#"{"scores": []}"#), "every line still gets its answer")
    #expect(ranked.output.contains("1 query line was not valid"))
  }
}
