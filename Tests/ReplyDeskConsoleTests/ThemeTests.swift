import Foundation
import Testing

@testable import ReplyDeskConsole

@Suite struct ThemeTests {
  static let themesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Themes").path

  @Test(arguments: ["dark", "light", "high-contrast", "monochrome"])
  func shippedThemesLoad(name: String) throws {
    let theme = try Theme.load(named: name, searchPaths: [Self.themesDirectory])
    #expect(theme.name == name)
    for role in [StyleRole.customer, .agent, .system, .slot, .selection, .warning, .border, .missing] {
      #expect(theme.styles[role] != nil, "\(name) lacks \(role)")
    }
  }

  @Test func monochromeThemeHasNoColours() throws {
    let theme = try Theme.load(named: "monochrome", searchPaths: [Self.themesDirectory])
    #expect(theme.styles.values.allSatisfy { $0.foreground == nil && $0.background == nil })
    #expect(theme.style(for: .selection).reverse)
  }

  @Test func coloursByIndexAndNameAndAttributes() throws {
    let theme = try Theme.parse(
      yaml: "name: t\nroles:\n  slot: { fg: 208, bg: blue, bold: true, underline: true }\n", file: "t.yaml")
    #expect(theme.style(for: .slot) == Style(foreground: 208, background: 4, bold: true, underline: true))
    #expect(theme.style(for: .agent) == Style())
  }

  @Test func unknownRoleNamesTheFileAndLine() {
    let yaml = "name: t\nroles:\n  slot: { fg: 1 }\n  slott: { fg: 2 }\n"
    #expect(throws: ThemeError.self) { try Theme.parse(yaml: yaml, file: "broken.yaml") }
    do {
      _ = try Theme.parse(yaml: yaml, file: "broken.yaml")
    } catch let error as ThemeError {
      #expect(error.file == "broken.yaml")
      #expect(error.line == 4)
      #expect(error.description.hasPrefix("theme broken.yaml:4: unknown role `slott`"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func outOfRangeColourAndBadFlagAreRejectedWithLines() {
    let cases = [
      ("name: t\nroles:\n  slot: { fg: 300 }\n", 3, "outside 0...255"),
      ("name: t\nroles:\n  agent: {}\n  slot:\n    bold: maybe\n", 5, "expected true or false"),
      ("name: t\nroles:\n  slot: { fg: chartreuse }\n", 3, "unknown colour"),
    ]
    for (yaml, line, message) in cases {
      do {
        _ = try Theme.parse(yaml: yaml, file: "x.yaml")
        Issue.record("accepted \(yaml)")
      } catch let error as ThemeError {
        #expect(error.line == line)
        #expect(error.message.contains(message))
      } catch {
        Issue.record("unexpected \(error)")
      }
    }
  }

  @Test func invalidYamlNamesTheLine() {
    do {
      _ = try Theme.parse(yaml: "name: t\nroles:\n  slot: { fg: 1\n  agent: [\n", file: "y.yaml")
      Issue.record("accepted invalid YAML")
    } catch let error as ThemeError {
      #expect(error.file == "y.yaml")
      #expect(error.line != nil)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func missingThemeAndHostileNamesAreClearErrors() {
    #expect(throws: ThemeError.self) { try Theme.load(named: "nope", searchPaths: [Self.themesDirectory]) }
    #expect(throws: ThemeError.self) {
      try Theme.load(named: "../etc/passwd", searchPaths: [Self.themesDirectory])
    }
  }
}
