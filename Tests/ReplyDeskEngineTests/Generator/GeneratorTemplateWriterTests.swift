import Foundation
import ReplyDeskCore
import Testing

/// Saving a reply as a template: slots restored, YAML valid, other entries untouched.
struct GeneratorTemplateWriterTests {
  let now = Date(timeIntervalSince1970: 1_780_000_000)
  var profile: CustomerProfile { GeneratorFixtures.customer(now: now) }

  func temporaryDirectory() throws -> URL {
    let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("tw-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func profileValuesBecomeSlots() {
    let text = TemplateWriter.templateText(
      from: "Hi Maya, your Desk lamp (order RD-482913) has shipped {today}. Tracking: 1Z999AA10123456784.",
      profile: profile, now: now)
    #expect(
      text
        == "Hi {customer.first_name}, your {order.item} (order {order.id}) has shipped {{today}}. "
        + "Tracking: {order.tracking_number}.")
    #expect(TemplateWriter.templateText(from: "Mayan art", profile: profile, now: now) == "Mayan art")
  }

  @Test func roundTripThroughTheLibraryAndTheLexicalRanker() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let original = """
      # hand-written
      topic: saved
      templates:
        - id: saved.first
          text: "First {order.id}"   # keep me
      """
    let file = directory.appendingPathComponent("saved.yaml")
    try Data(original.utf8).write(to: file)
    let writer = TemplateWriter(directory: directory)
    let saved = try writer.save(
      reply: "Maya, your \"Desk lamp\" is insured against porcupine damage.", profile: profile, now: now,
      intents: ["porcupine"])
    let again = try writer.save(reply: "Maya, your \"Desk lamp\" is insured!", profile: profile, now: now)
    let thrice = try writer.save(reply: "Maya, your \"Desk lamp\" is insured!", profile: profile, now: now)
    #expect(saved.id == "saved.your_is_insured_against")
    #expect(again.id == "saved.your_is_insured")
    #expect(thrice.id == "saved.your_is_insured-2")
    let written = try String(contentsOf: file, encoding: .utf8)
    #expect(written.hasPrefix(original + "\n"))
    let library = try TemplateLibrary.load(directory: directory)
    #expect(library.issues.isEmpty)
    #expect(library.templates.map(\.id) == ["saved.first", saved.id, again.id, thrice.id])
    #expect(
      library.template(id: saved.id)?.text
        == "{customer.first_name}, your \"{order.item}\" is insured against porcupine damage.")
    #expect(library.template(id: saved.id)?.intents == ["porcupine"])
    let ranker = SuggestionPipeline(scorer: LexicalRanker(templates: library.templates))
    let request = RankingRequest(
      chat: ChatID("c"), generation: 1,
      context: [Turn(id: 1, speaker: .customer, text: "is it insured against porcupine damage?", time: now)],
      profile: profile)
    #expect(ranker.rank(request).suggestions.first?.source == .template(id: saved.id))
  }

  @Test func newFileAndBrokenFiles() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let writer = TemplateWriter(directory: directory)
    let saved = try writer.save(reply: "Anything else?", profile: nil, now: now, topic: "notes")
    #expect(saved.id == "notes.anything_else")
    #expect(try TemplateLibrary.load(directory: directory).templates.map(\.id) == ["notes.anything_else"])
    let broken = directory.appendingPathComponent("saved.yaml")
    try Data("templates: [unclosed".utf8).write(to: broken)
    #expect(throws: TemplateWriterError.self) { try writer.save(reply: "Hi", profile: nil, now: now) }
    #expect(try String(contentsOf: broken, encoding: .utf8) == "templates: [unclosed")
    #expect(throws: TemplateWriterError.self) { try writer.save(reply: "  ", profile: nil, now: now) }
    #expect(throws: TemplateWriterError.self) {
      try writer.save(reply: "Hi", profile: nil, now: now, topic: "../x")
    }
  }
}
