import Foundation
import ReplyDeskCore
import Testing

@Test func everyProblemInOneTextIsReported() throws {
  let fixtures = try FixtureDirectory()
  try fixtures.write(
    "broken.yaml",
    "templates:\n  - id: a.b\n    text: \"Hi {customer.shoe_size}, {order.colour} } done\"\n  - id: a.c\n    text: ok\n"
  )
  let library = try fixtures.load()
  let messages = library.issues.map(\.message)
  #expect(library.issues.count == 3, "\(messages)")
  #expect(library.issues.allSatisfy { $0.location.line == 3 })
  #expect(messages.contains { $0.contains("unknown slot 'customer.shoe_size'") })
  #expect(messages.contains { $0.contains("unknown slot 'order.colour'") })
  #expect(messages.contains { $0.contains("unbalanced '}'") })
  #expect(library.templates.map(\.id) == ["a.c"])
}

@Test func problemsInATextComeInOrderWithTheirColumns() {
  let problems = TemplateText.problems(in: "{nope} and { and {order.id|weekday}")
  #expect(problems.map(\.column) == [1, 12, 18], "\(problems)")
  #expect(TemplateText.problems(in: "Hi {customer.first_name}, {{literal}}").isEmpty)
}

@Test(arguments: [
  ("text: 42", "'text' of 'a.b' must be a string in quotes"),
  ("text: true", "'text' of 'a.b' must be a string in quotes"),
  ("text: 4.5", "'text' of 'a.b' must be a string in quotes"),
])
func numbersAndBooleansAreNotTexts(field: String, message: String) throws {
  let fixtures = try FixtureDirectory()
  try fixtures.write("broken.yaml", "templates:\n  - id: a.b\n    \(field)\n")
  let library = try fixtures.load()
  #expect(library.issues.map(\.message).contains { $0.contains(message) }, "\(library.issues)")
  #expect(library.templates.isEmpty)
}

@Test func aQuotedNumberIsAText() throws {
  let fixtures = try FixtureDirectory()
  try fixtures.write(
    "fine.yaml", "templates:\n  - id: a.b\n    text: \"42\"\n  - id: \"7\"\n    text: seven\n")
  let library = try fixtures.load()
  #expect(library.issues.isEmpty, "\(library.issues)")
  #expect(library.templates.map(\.text) == ["42", "seven"])
}

@Test func aNumberIsNotAnID() throws {
  let fixtures = try FixtureDirectory()
  try fixtures.write("broken.yaml", "templates:\n  - id: 42\n    text: Hello\n")
  let library = try fixtures.load()
  #expect(library.issues.first?.message.contains("'id' must be a string in quotes") == true)
}

@Test func skippedTemplatesGiveAWarningThatSaysWhatToDo() throws {
  let fixtures = try FixtureDirectory()
  try fixtures.write(
    "broken.yaml", "templates:\n  - id: a.b\n    text: 42\n  - id: a.c\n    text: \"{nope}\"\n")
  let warning = try fixtures.load().loadWarning
  #expect(
    warning
      == "2 template problems were found and those templates skipped; run replydesk templates check to see where."
  )
  #expect(TemplateLibrary(templates: []).loadWarning == nil)
}
