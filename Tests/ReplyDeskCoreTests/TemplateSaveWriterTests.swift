import Foundation
import ReplyDeskCore
import Testing

/// Saving a reply with its intent and `when:` conditions, slots from the order in question, and the
/// near-duplicate measure.
struct TemplateSaveWriterTests {
  let now = Date(timeIntervalSince1970: 1_780_000_000)

  var profile: CustomerProfile {
    CustomerProfile(
      id: "c1", firstName: "Maya", lastName: "Okafor", membership: .silver,
      orders: [
        Order(id: "RD-100200", items: [], status: .delivered, placedOn: now - 9 * 86_400),
        Order(id: "RD-300400", items: [], status: .processing, placedOn: now - 86_400),
      ])
  }

  @Test func conditionsAndIntentsAreWrittenAndReadBack() throws {
    let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
      "tw-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let order = profile.orders[0]
    let saved = try TemplateWriter(directory: directory).save(
      reply: "Maya, order RD-100200 arrived, so its return window is open.", profile: profile, now: now,
      intents: ["return_window"], when: ["order.status: [delivered]", "refund: absent"], order: order)
    #expect(saved.text == "{customer.first_name}, order {order.id} arrived, so its return window is open.")
    #expect(saved.conditions.orderStatus == [.delivered])
    #expect(saved.conditions.refund == .absent)
    let yaml = try String(contentsOf: directory.appendingPathComponent("saved.yaml"), encoding: .utf8)
    #expect(yaml.contains("  when: {order.status: [delivered], refund: absent}\n"))
    let library = try TemplateLibrary.load(directory: directory)
    #expect(library.issues.isEmpty)
    #expect(library.templates.first?.conditions == saved.conditions)
    #expect(library.templates.first?.intents == ["return_window"])
    #expect(throws: TemplateWriterError.self) {
      try TemplateWriter(directory: directory).save(
        reply: "Anything else?", profile: nil, now: now, when: ["order.status: [teleported]"])
    }
    #expect(try TemplateLibrary.load(directory: directory).templates.count == 1)
  }

  @Test func theOrderInQuestionNotTheFocusOrderBecomesTheSlot() {
    let text = TemplateWriter.templateText(
      from: "Order RD-100200 is on its way back to us.", profile: profile, now: now, order: profile.orders[0])
    #expect(text == "Order {order.id} is on its way back to us.")
  }

  @Test func nearDuplicatesAreFoundByTheirWords() {
    let templates = [
      ReplyTemplate(id: "cancel.done", topic: "cancel", text: "Done: order {order.id} is cancelled."),
      ReplyTemplate(
        id: "greet", topic: "greeting", text: "Hello {customer.first_name|upper}, how can I help?"),
    ]
    #expect(TemplateSimilarity.words("Hi {customer.first_name|upper}!") == ["hi", "{customer.first_name}"])
    let near = TemplateSimilarity.nearestDuplicate(
      of: "Done: order {order.id} is cancelled now.", in: templates)
    #expect(near?.template.id == "cancel.done")
    #expect(abs((near?.similarity ?? 0) - 5.0 / 6.0) < 1e-9)
    #expect(
      TemplateSimilarity.nearestDuplicate(of: "Your parcel left the warehouse today.", in: templates) == nil)
  }
}
