import Foundation
import ReplyDeskCore
import Testing

@Suite struct AppConfigurationTests {
  private func write(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("replydesk-config-\(UUID().uuidString).yaml").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func missingFileMeansDefaults() throws {
    let configuration = try AppConfiguration.load(from: "/nonexistent/replydesk/config.yaml")
    #expect(configuration.theme == "dark")
    #expect(configuration == AppConfiguration())
  }

  @Test func readsRepresentativeAndTheme() throws {
    let path = try write("representative: Dana\ntheme: light\n")
    defer { unlink(path) }
    let configuration = try AppConfiguration.load(from: path)
    #expect(configuration.representative == "Dana")
    #expect(configuration.theme == "light")
  }

  @Test func readsTheStoreAndItsPasswordFile() throws {
    let path = try write("store: postgres://dana@db.example.com/replydesk\npassword_file: /etc/rd-pass\n")
    defer { unlink(path) }
    let configuration = try AppConfiguration.load(from: path)
    #expect(configuration.store == "postgres://dana@db.example.com/replydesk")
    #expect(configuration.passwordFile == "/etc/rd-pass")
    #expect(try AppConfiguration.load(from: "/nonexistent/config.yaml").store == nil)
  }

  @Test func partialFileKeepsOtherDefaults() throws {
    let path = try write("theme: monochrome\n")
    defer { unlink(path) }
    let configuration = try AppConfiguration.load(from: path)
    #expect(configuration.theme == "monochrome")
    #expect(configuration.representative == AppConfiguration.defaultRepresentative)
  }

  @Test func malformedFileNamesTheFileAndField() throws {
    let path = try write("theme: [not, a, name]\n")
    defer { unlink(path) }
    let error = #expect(throws: AppConfiguration.LoadError.self) {
      try AppConfiguration.load(from: path)
    }
    #expect(error?.description.hasPrefix(path) == true)
    #expect(error?.description.contains("theme") == true)
  }

  @Test func everyProblemIsReportedWithItsLine() throws {
    let path = try write("theme: light\nrepresentatve: Dana\nrepresentative: [a, b]\n")
    defer { unlink(path) }
    let error = #expect(throws: AppConfiguration.LoadError.self) {
      try AppConfiguration.load(from: path)
    }
    let text = error?.description ?? ""
    #expect(
      text.contains(
        "line 2: unknown setting \"representatve\"; the settings are representative, theme, store and password_file."
      ))
    #expect(text.contains("line 3: representative must be a piece of text"))
  }

  @Test func yamlSyntaxErrorsNameTheLine() throws {
    let path = try write("theme: light\nrepresentative: \"Dana\n")
    defer { unlink(path) }
    let error = #expect(throws: AppConfiguration.LoadError.self) {
      try AppConfiguration.load(from: path)
    }
    #expect(error?.description.contains("line ") == true, "\(error?.description ?? "")")
    #expect(error?.description.hasSuffix("fix the YAML there.") == true, "\(error?.description ?? "")")
  }
}
