import Foundation
import ReplyDeskCore
import Testing

/// Writes fixture files into a fresh temporary directory and removes it afterwards.
final class FixtureDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("replydesk-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  func write(_ name: String, _ contents: String) throws {
    try contents.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }

  func load() throws -> TemplateLibrary {
    try TemplateLibrary.load(directory: url)
  }
}

private let goodFile = """
  topic: refund
  templates:
    - id: refund.one
      intents: [refund_status]
      text: "Your refund of {refund.amount} is on its way."
    - id: refund.two
      text: "Hi {customer.first_name}!"
  """

@Test func loadsTemplatesWithTopicIntentsAndLocation() throws {
  let fixtures = try FixtureDirectory()
  try fixtures.write("refund.yaml", goodFile)
  let library = try fixtures.load()
  #expect(library.issues.isEmpty)
  #expect(library.templates.map(\.id) == ["refund.one", "refund.two"])
  #expect(library.templates[0].topic == "refund")
  #expect(library.templates[0].intents == ["refund_status"])
  #expect(library.templates[1].location?.line == 6)
  #expect(library.templates[1].location?.file.hasSuffix("refund.yaml") == true)
}

@Test func topicDefaultsToTheFileName() throws {
  let fixtures = try FixtureDirectory()
  try fixtures.write("closing.yml", "templates:\n  - id: closing.bye\n    text: Bye!\n")
  let library = try fixtures.load()
  #expect(library.templates.first?.topic == "closing")
}

@Test(arguments: [
  ("templates:\n  - id: a.b\n    text: \"Hi {customer.first_name\"\n", 3, "unbalanced '{'"),
  ("templates:\n  - id: a.b\n    text: \"Hi } there\"\n", 3, "unbalanced '}'"),
  (
    "templates:\n  - id: a.b\n    text: \"Hi {customer.shoe_size}\"\n", 3, "unknown slot 'customer.shoe_size'"
  ),
  ("templates:\n  - id: a.b\n    text: \"On {order.placed_on|fancy}\"\n", 3, "unknown format 'fancy'"),
  ("templates:\n  - id: a.b\n    text: \"{order.id|weekday}\"\n", 3, "does not apply"),
  ("templates:\n  - text: \"No id here\"\n", 2, "has no 'id'"),
  ("templates:\n  - id: a.b\n", 2, "has no 'text'"),
  ("templates:\n  - id: a.b\n    txt: Hello\n", 3, "unknown key 'txt'"),
  ("templates:\n  - id: Bad Id\n    text: Hello\n", 2, "'id' must be"),
  ("topic: x\ntemplates:\n  - id: a.b\n    text: [unclosed\n", 5, "invalid YAML"),
  ("topic: x\n", 1, "missing 'templates'"),
  ("templates: just text\n", 1, "must be a list"),
])
func reportsProblemsWithFileAndLine(yaml: String, line: Int, message: String) throws {
  let fixtures = try FixtureDirectory()
  try fixtures.write("broken.yaml", yaml)
  let library = try fixtures.load()
  #expect(library.issues.count == 1)
  let issue = try #require(library.issues.first)
  #expect(issue.location.line == line)
  #expect(issue.message.contains(message), "\(issue.message)")
  #expect(issue.description.hasPrefix(fixtures.url.appendingPathComponent("broken.yaml").path + ":\(line): "))
}

@Test func oneBrokenFileDoesNotStopTheOthers() throws {
  let fixtures = try FixtureDirectory()
  try fixtures.write("a-broken.yaml", "templates:\n  - id: x\n    text: \"{\n  bad: [\n")
  try fixtures.write("refund.yaml", goodFile)
  try fixtures.write("notes.txt", "not a template file")
  let library = try fixtures.load()
  #expect(library.templates.count == 2)
  #expect(library.issues.count == 1)
  #expect(library.files.count == 2)
}

@Test func duplicateIDsAreReportedAtTheSecondDefinition() throws {
  let fixtures = try FixtureDirectory()
  try fixtures.write("a.yaml", "templates:\n  - id: same.id\n    text: First\n")
  try fixtures.write(
    "b.yaml", "templates:\n  - id: other.id\n    text: Other\n  - id: same.id\n    text: Second\n")
  let library = try fixtures.load()
  #expect(library.templates.map(\.text) == ["First", "Other"])
  let issue = try #require(library.issues.first)
  #expect(issue.location.file.hasSuffix("b.yaml"))
  #expect(issue.location.line == 4)
  #expect(issue.message.contains("a.yaml:2"))
}

@Test func aBadTemplateDoesNotStopTheRestOfItsFile() throws {
  let fixtures = try FixtureDirectory()
  try fixtures.write(
    "mixed.yaml", "templates:\n  - id: bad.one\n    text: \"{nope}\"\n  - id: good.one\n    text: Fine\n")
  let library = try fixtures.load()
  #expect(library.templates.map(\.id) == ["good.one"])
  #expect(library.issues.map(\.location.line) == [3])
}

@Test func aMissingDirectoryThrowsAClearError() {
  let missing = URL(fileURLWithPath: "/nonexistent/replydesk-templates")
  #expect(throws: TemplateDirectoryError.self) { try TemplateLibrary.load(directory: missing) }
}

@Test func invalidUTF8IsReportedNotFatal() throws {
  let fixtures = try FixtureDirectory()
  try Data([0x74, 0x3A, 0xFF, 0xFE]).write(to: fixtures.url.appendingPathComponent("binary.yaml"))
  try fixtures.write("refund.yaml", goodFile)
  let library = try fixtures.load()
  #expect(library.templates.count == 2)
  #expect(library.issues.first?.message.contains("UTF-8") == true)
}

@Test func literalBracesAreWrittenDoubled() throws {
  let text = try TemplateText(parsing: "Use {{code}} for {order.id}")
  #expect(text.parts == [.literal("Use {code} for "), .slot(name: "order.id", format: nil)])
}
