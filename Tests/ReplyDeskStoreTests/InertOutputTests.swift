import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskStore

/// Scalars no command may print raw: bidi overrides and isolates, zero-width characters, ESC.
private let forbidden: Set<UInt32> = [0x1B, 0x200B, 0x200D, 0x202E, 0x2066, 0xFEFF]

/// The longest run of combining marks in `text`.
private func longestMarkRun(_ text: String) -> Int {
  var longest = 0
  var run = 0
  for scalar in text.unicodeScalars {
    run = scalar.properties.generalCategory == .nonspacingMark ? run + 1 : 0
    longest = max(longest, run)
  }
  return longest
}

@Suite(
  "Commands print customer text inert",
  .enabled(if: ReplyDeskBinary.isAvailable, "needs the built replydesk binary"))
struct InertOutputTests {
  private let hostile =
    "pay\u{202E}gnp.exe\u{2066} to\u{200B}da\u{200D}y \u{FEFF}\u{1B}]0;pwned\u{07}"
    + "Z" + String(repeating: "\u{0301}", count: 10_000) + " end"

  @Test func sessionsListShowAndMarkdownExportNeutraliseHostileText() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("sessions.sqlite")
    var script = ChatScript("hostile", base: Date(timeIntervalSince1970: 1_764_579_000))
    script.add(
      0,
      .started(
        representative: "Alex",
        customer: CustomerProfile(id: "c1", firstName: "Eve\u{202E}lyn", lastName: "Ng" + hostile),
        channel: "live"))
    script.say(1, hostile)
    try SessionStore(path: path).record(contentsOf: script.events)
    let commands = [
      ["sessions", "--store", path], ["sessions", "show", "hostile", "--store", path],
      ["export", "hostile", "--format", "markdown", "--store", path],
      ["sessions", "--json", "--store", path], ["export", "hostile", "--no-redact", "--store", path],
    ]
    for arguments in commands {
      let result = try ReplyDeskBinary.run(arguments, in: directory)
      #expect(result.status == 0, "\(arguments)")
      let raw = result.output.unicodeScalars.filter { forbidden.contains($0.value) }
      #expect(raw.isEmpty, "\(arguments) printed \(raw.map { String($0.value, radix: 16) })")
      #expect(longestMarkRun(result.output) <= InertText.combiningMarkLimit, "\(arguments)")
      if arguments[0] != "sessions" || arguments[1] == "show" {
        #expect(result.output.contains("end"), "\(arguments) keeps the text after the marks")
      }
    }
  }

  @Test func jsonOutputEscapesHiddenCharactersButKeepsTheData() throws {
    let json = InertText.escapedJSON(#"{"text":"a\#u{202E}b\#u{1F600}c"}"#)
    #expect(json == #"{"text":"a\u202eb\#u{1F600}c"}"#)
    let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
    #expect(decoded?["text"] == "a\u{202E}b\u{1F600}c")
  }

  @Test func theSharedRulesMatchTheConsole() {
    let shown = InertText.neutralised(hostile, keepingNewlines: true, notation: .pictures)
    let marks = String(repeating: "\u{0301}", count: InertText.combiningMarkLimit)
    #expect(Array(shown.unicodeScalars) == Array("paygnp.exe today ␛]0;pwned␇Z\(marks) end".unicodeScalars))
    #expect(InertText.neutralised("Vi\u{1EC7}t e\u{0301}\u{0323}") == "Vi\u{1EC7}t e\u{0301}\u{0323}")
  }
}
