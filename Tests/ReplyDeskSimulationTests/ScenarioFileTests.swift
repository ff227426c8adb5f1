import Foundation
import ReplyDeskCore
import ReplyDeskSimulation
import Testing

/// Writes `files` (name to YAML) into a fresh directory and loads it.
private func load(_ files: [String: String]) throws -> ScenarioLibrary {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("replydesk-scenarios-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  for (name, text) in files {
    try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }
  return try ScenarioLibrary.load(directory: directory)
}

private let scenariosDirectory = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("Scenarios")

@Test func shippedScenarioFilesLoadAndCoverTheBuiltInOnes() throws {
  let library = try ScenarioLibrary.load(directory: scenariosDirectory)
  #expect(library.issues.isEmpty, "\(library.issues)")
  for builtIn in ScenarioSpec.builtInLibrary {
    let file = try #require(library.scenarios.first { $0.name == builtIn.name })
    #expect(file.scenario == builtIn.scenario)
    #expect(file.goal == builtIn.goal)
    #expect(file.openingIntents == builtIn.openingIntents)
    #expect(Set(file.followUps) == Set(builtIn.followUps))
    #expect(file.knows == builtIn.knows)
    #expect(file.persona == nil)
  }
  let practice = try #require(library.scenarios.first { $0.name == "angry_cancellation_no_order_number" })
  #expect(practice.persona == .angry)
  #expect(practice.knows == [.email])
  #expect(practice.typoRate == 0.3)
  #expect(practice.policy == [.verifyIdentityBefore(.cancel)])
  #expect(practice.seed == 201)
  let byNumber = try #require(library.scenarios.first { $0.name == "delivery_status_order_number" })
  #expect(byNumber.namesOrder == .orderNumber)
  let byItem = try #require(library.scenarios.first { $0.name == "return_by_item" })
  #expect((byItem.namesOrder, byItem.knows) == (.item, [.email]))
}

@Test func readsEveryKey() throws {
  let yaml = """
    name: hard_one
    scenario: payment_problem
    goal: Get the double charge back.
    opening_intents: [double_charge]
    knows: [order_number]
    names_order: item
    persona: terse
    typo_rate: 0.5
    follow_ups: [payment_method]
    policy:
      - verify_identity_before: refund
      - ask_anything_else_before_closing
    seed: 9
    """
  let library = try load(["a.yaml": yaml])
  #expect(library.issues.isEmpty)
  let spec = try #require(library.scenarios.first)
  #expect(spec.name == "hard_one")
  #expect(spec.scenario == .paymentProblem)
  #expect(spec.openingIntents == ["double_charge"])
  #expect(spec.knows == [.orderNumber])
  #expect(spec.namesOrder == .item)
  #expect(spec.persona == .terse)
  #expect(spec.typoRate == 0.5)
  #expect(spec.followUps == ["payment_method"])
  #expect(spec.policy == [.verifyIdentityBefore(.refund), .askAnythingElseBeforeClosing])
  #expect(spec.seed == 9)
}

@Test(arguments: [
  ("scenario: refund_status\ngoal: x\ncolour: red\n", 3, "unknown key 'colour'"),
  ("scenario: refund_status\ngoal: x\npersona: grumpy\n", 3, "'persona' must be one of"),
  ("scenario: refund\ngoal: x\n", 1, "'scenario' must be one of"),
  ("scenario: refund_status\n", 1, "missing 'goal'"),
  ("scenario: refund_status\ngoal: x\ntypo_rate: 2\n", 3, "'typo_rate' must be a number from 0 to 1"),
  ("scenario: refund_status\ngoal: x\nknows: [phone]\n", 3, "'knows' must be one of"),
  ("scenario: refund_status\ngoal: x\nnames_order: nickname\n", 3, "'names_order' must be one of"),
  ("scenario: refund_status\ngoal: x\npolicy:\n  - be_nice\n", 4, "unknown policy rule"),
  ("scenario: refund_status\ngoal: x\npolicy:\n  - verify_identity_before: fly\n", 4, "must be one of"),
  ("scenario: refund_status\ngoal: x\nseed: -3\n", 3, "'seed' must be a whole number"),
  ("scenario: [refund_status\ngoal: x\n", 2, "invalid YAML"),
  ("- just\n- a list\n", 1, "expected a mapping"),
])
func reportsProblemsWithTheirLine(yaml: String, line: Int, message: String) throws {
  let library = try load(["broken.yaml": yaml])
  #expect(library.scenarios.isEmpty)
  let issue = try #require(library.issues.first)
  #expect(issue.file.hasSuffix("broken.yaml"))
  #expect(issue.line == line)
  #expect(issue.message.contains(message), "\(issue)")
  #expect(issue.description.hasPrefix(issue.file + ":\(line): "))
}

@Test func aBrokenFileIsSkippedAndTheOthersLoad() throws {
  let library = try load([
    "good.yaml": "scenario: return\ngoal: Send it back.\n",
    "bad.yaml": "scenario: return\ngoal: [\n",
    "same.yaml": "name: good\nscenario: return\ngoal: Again.\n",
    "notes.txt": "not a scenario",
  ])
  #expect(library.scenarios.map(\.name) == ["good"])
  #expect(library.issues.count == 2)
  #expect(library.issues.contains { $0.file.hasSuffix("bad.yaml") })
  #expect(library.issues.contains { $0.file.hasSuffix("same.yaml") && $0.message.contains("duplicate") })
}

@Test func locateFallsBackToTheBuiltInScenarios() throws {
  let nowhere = FileManager.default.temporaryDirectory.appendingPathComponent("no-scenarios-\(UUID())")
  let library = try ScenarioLibrary.locate(environment: [:], currentDirectory: nowhere, executable: nil)
  #expect(library.scenarios == ScenarioSpec.builtInLibrary)
  let found = try ScenarioLibrary.locate(
    environment: ["REPLYDESK_SCENARIOS": scenariosDirectory.path], currentDirectory: nowhere, executable: nil)
  #expect(found.scenarios.count == 12)
}
