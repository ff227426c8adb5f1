import Foundation
import ReplyDeskApp
import ReplyDeskCore
import ReplyDeskSimulation
import ReplyDeskStore
import Testing

/// What the composition library assembles from plain settings, without a terminal.
@Suite struct CompositionTests {
  /// A temporary directory with one template file of two templates.
  private func templateDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("replydesk-app-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let yaml = """
      topic: greeting
      templates:
        - id: greeting.hello
          text: "Hi {customer.first_name}, how can I help you today?"
        - id: greeting.thanks
          text: "Thanks for waiting, {customer.first_name}."
      """
    try Data(yaml.utf8).write(to: directory.appendingPathComponent("greeting.yaml"))
    return directory
  }

  @Test func aTemplateDirectoryIsTheWholeLibraryAndSavedRepliesGoThere() throws {
    let directory = try templateDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var assembly = ConsoleAssembly()
    assembly.templates = directory.path
    let library = try assembly.templateLibrary()
    #expect(library.templates.map(\.id) == ["greeting.hello", "greeting.thanks"])
    #expect(assembly.savedTemplatesDirectory.path == directory.path)
  }

  @Test func theLexicalChoiceRanksWithoutAModel() throws {
    let directory = try templateDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var assembly = ConsoleAssembly()
    assembly.templates = directory.path
    assembly.ranker = .lexical
    let ranking = try assembly.ranking(templates: try assembly.templateLibrary())
    #expect(ranking.ranker.name == "lexical")
    let rebuilt = ranking.rebuild([ReplyTemplate(id: "x.y", topic: "x", text: "Hello there.")])
    #expect(rebuilt.name == "lexical")
  }

  @Test func aNamedModelThatIsMissingIsRefusedWithItsPath() throws {
    let missing = "/tmp/replydesk-no-such-\(UUID().uuidString.prefix(8)).model"
    for choice in [RankerChoice.neural, .auto] {
      #expect(throws: CommandFailure.self) {
        try HeadlessRanker.make(choice, model: missing, templates: [])
      }
    }
    var assembly = ConsoleAssembly()
    assembly.ranker = .neural
    assembly.model = missing
    let failure = #expect(throws: CommandFailure.self) {
      try assembly.ranking(templates: TemplateLibrary(templates: [], issues: []))
    }
    #expect(failure?.description.contains("--ranker lexical") == true)
    #expect(try HeadlessRanker.make(.lexical, model: nil, templates: []).name == "lexical")
  }

  @Test func theStoreIsCreatedOnFirstUseAndAForeignFileIsRefused() throws {
    let directory = try templateDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var assembly = ConsoleAssembly()
    assembly.store = directory.appendingPathComponent("sessions.sqlite").path
    let (store, warning) = try assembly.sessionStore()
    #expect(warning == nil)
    #expect(FileManager.default.fileExists(atPath: store.location))
    assembly.store = directory.appendingPathComponent("greeting.yaml").path
    #expect(throws: CommandFailure.self) { try assembly.sessionStore() }
  }

  @Test func simulatedTranscriptsRepeatForASeedAndHeldOutOnesDiffer() throws {
    let templates = try TemplateLibrary.load(directory: try #require(ResourceLocator.templatesDirectory()))
      .templates
    let first = SimulatedCorpus.transcripts(count: 3, from: 0, seed: 7, templates: templates)
    let again = SimulatedCorpus.transcripts(count: 3, from: 0, seed: 7, templates: templates)
    let heldOut = SimulatedCorpus.transcripts(
      count: 3, from: SimulatedCorpus.heldOutOffset, seed: 7, templates: templates)
    #expect(first.map { $0.turns.map(\.text) } == again.map { $0.turns.map(\.text) })
    #expect(first.map { $0.turns.map(\.text) } != heldOut.map { $0.turns.map(\.text) })
    #expect(first.map(\.turns.first?.time) == again.map(\.turns.first?.time))
  }

  @Test func theDefaultModelsFileNamesCarryTheirVersions() {
    let home = URL(fileURLWithPath: "/home/rep/.replydesk")
    #expect(DefaultModel.url(home: home).lastPathComponent.hasSuffix("-r\(DefaultModel.revision).model"))
    #expect(DefaultGenerator.url(home: home).path.hasPrefix("/home/rep/.replydesk/models/generator-v"))
  }

  @Test func aFailureWithACauseReadsAsOneSentence() {
    let cause = CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "/tmp/x.model"])
    let failure = CommandFailure("cannot read the model", cause)
    #expect(failure.description.hasPrefix("cannot read the model: "))
    #expect(failure.description.contains("/tmp/x.model"))
  }
}
