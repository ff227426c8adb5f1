import Foundation
import Testing

/// Runs the real `replydesk simulate` with the package's templates and scenarios.
struct SimulateCommandTests {
  private let root = ReplyDeskBinary.packageRoot

  private func simulate(_ arguments: [String]) throws -> CommandResult {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let resources = [
      "--templates", root.appendingPathComponent("Templates").path,
    ]
    return try ReplyDeskBinary.run(["simulate"] + resources + arguments, home: home)
  }

  @Test func aRunPrintsReproducibleFigures() throws {
    let scenarios = ["--scenarios", root.appendingPathComponent("Scenarios").path]
    let first = try simulate(["--chats", "25", "--seed", "4", "--json"] + scenarios)
    let again = try simulate(["--chats", "25", "--seed", "4", "--json"] + scenarios)
    #expect(first.status == 0, "\(first.output)")
    #expect(first.output == again.output)
    let figures = try #require(
      try JSONSerialization.jsonObject(with: Data(first.output.utf8)) as? [String: Any])
    #expect(figures["chats"] as? Int == 25)
    #expect(figures["ranker"] as? String == "lexical")
    for key in [
      "forwardRate", "resolutionRate", "automationRate", "idealAgreementRate", "misinformationRate",
      "misinformedChatRate", "reAskRate",
    ] {
      let value = try #require(figures[key] as? Double, "\(key)")
      #expect((0...1).contains(value))
    }
    let resolution = try #require(figures["resolutionRate"] as? Double)
    let automation = try #require(figures["automationRate"] as? Double)
    #expect(automation <= resolution)
    let text = try simulate(["--chats", "25", "--seed", "4"] + scenarios)
    #expect(text.output.contains("top-1 moved chat forward"))
    #expect(text.output.contains("misinformation "))
    #expect(text.output.contains("re-asked a given detail"))
  }

  @Test func showSlipsListsTheTemplatesTheStrictCustomerObjectedTo() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("replydesk-slips-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try """
    templates:
      - id: delivery.always_shipped
        text: "Your order has shipped and is on its way."
    """.write(to: directory.appendingPathComponent("t.yaml"), atomically: true, encoding: .utf8)
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let result = try ReplyDeskBinary.run(
      ["simulate", "--templates", directory.path, "--chats", "20", "--seed", "4", "--show-slips", "3"],
      home: home)
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("Replies the strict customer objected to"), "\(result.output)")
    #expect(
      result.output.contains("delivery.always_shipped  stated delayed or shipped (order_status), true: "))
    #expect(result.output.contains("listed: no condition for the customer's order"))
  }

  @Test func calibrationPrintsAccuracyPerConfidenceBand() throws {
    let result = try simulate(["--calibration", "--calibration-conversations", "40", "--seed", "2"])
    #expect(result.status == 0, "\(result.output)")
    for band in ["0.0-0.5", "0.5-0.7", "0.7-0.8", "0.8-0.9", "0.9-1.0"] {
      #expect(result.output.contains("\n" + band + " "), "\(band)")
    }
    #expect(result.output.contains("expected calibration error"))
  }

  @Test func brokenScenarioFilesAreReportedWithTheirLine() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("replydesk-scenarios-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try "scenario: return\ngoal: Send it back.\n".write(
      to: directory.appendingPathComponent("good.yaml"), atomically: true, encoding: .utf8)
    try "scenario: return\ngoal: x\npersona: sleepy\n".write(
      to: directory.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
    let result = try simulate(["--chats", "3", "--scenarios", directory.path])
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("bad.yaml:3: 'persona' must be one of"))
    #expect(result.output.contains("chats                       3"))
  }

  @Test func theNeuralRankerWithoutAModelSaysHowToGetOne() throws {
    let result = try simulate(["--ranker", "neural", "--chats", "2"])
    #expect(result.status != 0)
    #expect(result.output.contains("No default model at"))
    #expect(result.output.contains("replydesk train --default-recipe"))
  }

  /// A tiny model (60 simulated chats, 3 epochs) and a paraphrase run of 60 chats, so that some top
  /// suggestions agree with the ideal agent (20 chats had none once the features gained a token).
  @Test func theNeuralRankerRunsWithAModelFile() throws {
    let model = FileManager.default.temporaryDirectory
      .appendingPathComponent("replydesk-sim-\(UUID().uuidString).model")
    defer { try? FileManager.default.removeItem(at: model) }
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let trained = try ReplyDeskBinary.run(
      [
        "train", "--simulated", "60", "--epochs", "3", "--out", model.path, "--templates",
        root.appendingPathComponent("Templates").path,
      ], home: home)
    try #require(trained.status == 0, "\(trained.output)")
    let result = try simulate(["--ranker", "neural", "--model", model.path, "--chats", "3", "--seed", "2"])
    #expect(result.status == 0)
    #expect(result.output.contains("neural v4"))
    #expect(result.output.contains("chats                       3"))
    let paraphrased = try simulate([
      "--ranker", "neural", "--model", model.path, "--chats", "60", "--seed", "2", "--paraphrased", "--json",
    ])
    #expect(paraphrased.status == 0, "\(paraphrased.output)")
    let figures = try #require(
      try JSONSerialization.jsonObject(with: Data(paraphrased.output.utf8)) as? [String: Any])
    #expect((figures["paraphrasedReplies"] as? Int ?? 0) > 0, "\(paraphrased.output)")
    #expect((0...1).contains(figures["paraphraseUnderstoodRate"] as? Double ?? -1))
  }

  @Test func readingByMeaningWithoutAModelSaysWhatToDo() throws {
    let result = try simulate(["--customer-reading", "meaning", "--chats", "2"])
    #expect(result.status != 0)
    #expect(result.output.contains("No default model at"), "\(result.output)")
    let keywords = try simulate(["--customer-reading", "keywords", "--chats", "2"])
    #expect(keywords.status == 0, "\(keywords.output)")
  }
}
