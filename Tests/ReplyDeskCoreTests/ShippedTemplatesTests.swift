import Foundation
import ReplyDeskCore
import Testing

@Test func everyShippedTemplateIsValid() throws {
  let library = try TemplateLibrary.load(directory: shippedTemplatesDirectory)
  #expect(library.issues.isEmpty, "\(library.issues.map(\.description))")
  #expect(library.templates.count >= 60)
  let required: Set = [
    "greeting", "identity", "refund", "cancellation", "return", "delivery", "address", "payment", "apology",
    "escalation", "closing",
  ]
  #expect(required.isSubset(of: Set(library.topics)))
}

@Test func everyShippedTemplateFillsCompletelyForACompleteProfile() throws {
  let library = try TemplateLibrary.load(directory: shippedTemplatesDirectory)
  let filler = SlotFiller(now: fixedNow)
  for template in library.templates {
    let segments = filler.fill(template, profile: completeProfile())
    #expect(segments.allSatisfy { if case .missing = $0 { false } else { true } }, "\(template.id)")
  }
}

@Test func everyShippedTemplateIDStartsWithItsTopic() throws {
  let library = try TemplateLibrary.load(directory: shippedTemplatesDirectory)
  for template in library.templates {
    #expect(template.id.hasPrefix(template.topic + "."), "\(template.id)")
  }
}
