import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskStore

@Suite(
  "replydesk sessions, export and stats",
  .enabled(if: ReplyDeskBinary.isAvailable, "needs the built replydesk binary"))
struct CommandLineTests {
  private func storeWithFixture(_ directory: TemporaryDirectory) throws -> String {
    let path = directory.path("sessions.sqlite")
    let store = try SessionStore(path: path)
    try store.record(contentsOf: Fixture.everyKind("rich"))
    for session in StatsFixture.sessions { try store.record(contentsOf: session) }
    return path
  }

  @Test func exportRedactsByDefault() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try storeWithFixture(directory)
    let markdown = try ReplyDeskBinary.run(
      ["export", "rich", "--format", "markdown", "--store", path], in: directory)
    #expect(markdown.status == 0)
    #expect(markdown.output.contains("# Session rich"))
    #expect(markdown.output.contains("Mail me at \\[email\\]"))
    #expect(!markdown.output.contains("dana@example.com"))
    #expect(markdown.output.contains("\\[name\\]") && !markdown.output.contains("Dana"), "\(markdown.output)")
    let jsonl = try ReplyDeskBinary.run(["export", "rich", "--store", path], in: directory)
    let lines = jsonl.output.split(separator: "\n")
    #expect(lines.count == 13)
    #expect(!jsonl.output.contains("dana.reyes@example.com") && !jsonl.output.contains("415 555 0100"))
    let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
    #expect(first?["session"] as? String == "rich")
    #expect((first?["time"] as? String)?.hasPrefix("2026-03-01T09:00:00.123") == true, "\(lines[0])")
    let raw = try ReplyDeskBinary.run(["export", "rich", "--no-redact", "--store", path], in: directory)
    #expect(raw.output.contains("dana@example.com") && raw.output.contains("dana.reyes@example.com"))
  }

  @Test func showMarksDecisions() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try storeWithFixture(directory)
    let shown = try ReplyDeskBinary.run(["sessions", "show", "rich", "--store", path], in: directory)
    #expect(shown.status == 0)
    for marker in [
      "[accepted #1", "[edited #2", "[written", "system [escalated, ", "handed the chat over (billing)",
      "QA 4/5: good tone",
    ] {
      #expect(shown.output.contains(marker), "missing \(marker)")
    }
    #expect(!shown.output.contains("agent [escalated"), "an escalation is not something the agent said")
  }

  @Test func listingAndStatsAsJSON() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try storeWithFixture(directory)
    let listing = try ReplyDeskBinary.run(
      ["sessions", "--rep", "ben", "--outcome", "resolved", "--json", "--store", path], in: directory)
    #expect(
      listing.output.split(separator: "\n").count == 1 && listing.output.contains("\"id\":\"D\""),
      "\(listing.output)")
    let table = try ReplyDeskBinary.run(["sessions", "--to", "2026-03-01", "--store", path], in: directory)
    #expect(table.output.split(separator: "\n").count == 5)
    let stats = try ReplyDeskBinary.run(
      ["stats", "--by", "intent", "--json", "--store", path], in: directory)
    #expect(stats.status == 0)
    let groups = stats.output.split(separator: "\n").map { line in
      (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["group"] as? String
    }
    #expect(groups == ["delivery_status", "refund_status", "unknown"], "\(stats.output)")
  }

  @Test func jsonStatsWithNoSessionsSayWhyOnStandardError() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try storeWithFixture(directory)
    let stats = try ReplyDeskBinary.run(
      ["stats", "--by", "rep", "--json", "--channel", "practice", "--store", path], in: directory)
    #expect(stats.status == 0)
    #expect(stats.output.isEmpty, "standard output stays JSON lines")
    #expect(stats.errors.contains("No practice sessions recorded"), "\(stats.errors)")
  }

  @Test func practiceStatsRefuseGroupingAndChannel() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try storeWithFixture(directory)
    let empty = try ReplyDeskBinary.run(["stats", "--practice", "--store", path], in: directory)
    #expect(empty.status == 0 && empty.output.contains("No practice chats recorded."), "\(empty.output)")
    for extra in [["--by", "rep"], ["--channel", "all"]] {
      let refused = try ReplyDeskBinary.run(["stats", "--practice", "--store", path] + extra, in: directory)
      #expect(refused.status != 0 && refused.errors.contains("--by and --channel do not apply"), "\(extra)")
    }
  }

  @Test func corruptStoreGivesAClearErrorAndStaysUnchanged() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("notes.sqlite")
    let contents = Data("not a database".utf8)
    try contents.write(to: URL(fileURLWithPath: path))
    for arguments in [["sessions"], ["stats"], ["sessions", "note", "x", "hello"]] {
      let outcome = try ReplyDeskBinary.run(arguments + ["--store", path], in: directory)
      #expect(outcome.status != 0)
      #expect(outcome.errors.contains("is not a ReplyDesk session store"), "\(arguments): \(outcome.errors)")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == contents)
    let missing = try ReplyDeskBinary.run(
      ["export", "nope", "--store", directory.path("absent.sqlite")], in: directory)
    #expect(missing.status != 0 && missing.errors.contains("no session store there yet"))
  }

  @Test func aStoreURLWithAPasswordOrAnUnreachableServerIsASentence() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let secret = try ReplyDeskBinary.run(
      ["sessions", "--store", "postgres://rep:s3cret@127.0.0.1:1/replydesk"], in: directory)
    #expect(secret.status != 0)
    #expect(secret.errors.contains("may not contain a password"), "\(secret.errors)")
    #expect(!secret.errors.contains("s3cret") && !secret.output.contains("s3cret"))
    let away = try ReplyDeskBinary.run(
      ["stats", "--store", "postgres://rep@127.0.0.1:1/replydesk"], in: directory)
    #expect(away.status != 0)
    #expect(
      away.errors.contains("the store at postgres://rep@127.0.0.1:1/replydesk cannot be reached: "),
      "\(away.errors)")
  }
}
