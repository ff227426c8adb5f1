import Foundation
import Testing

/// Runs the real `replydesk eval-live`: customers over the live protocol, autopilot answering.
struct EvalLiveCommandTests {
  @Test func autopilotStatesNoWrongOrderStateAndAsksForNoSettledOrderNumber() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let root = ReplyDeskBinary.packageRoot
    let customers = root.appendingPathComponent("Tests/EndToEndTests/Fixtures/live-customers.jsonl").path
    let result = try ReplyDeskBinary.run(
      [
        "eval-live", "--ranker", "lexical", "--customers", customers, "--timeout", "3", "--verbose",
        "--templates", root.appendingPathComponent("Templates").path,
      ], home: home)
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("eval live: 3 customers over the live protocol"))
    #expect(result.output.contains("; wrong: 0.0% "), "\(result.output)")
    #expect(result.output.contains("settles: 0.0% (0 of "), "\(result.output)")
    #expect(result.output.contains("was already delivered, so it can't be cancelled"))
    #expect(!result.output.contains("WRONG"))
  }
}
