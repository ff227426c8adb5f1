import Foundation
import ReplyDeskCore
import ReplyDeskSimulation
import Testing

private let generator = TranscriptGenerator(templates: ShippedTemplates.all, seed: 21)
private let transcripts = generator.generate(count: 300, start: fixedNow)

@Test func theSameSeedGivesTheSameTranscripts() {
  let again = TranscriptGenerator(templates: ShippedTemplates.all, seed: 21).generate(
    count: 300, start: fixedNow)
  #expect(again == transcripts)
  let other = TranscriptGenerator(templates: ShippedTemplates.all, seed: 22).generate(
    count: 20, start: fixedNow)
  #expect(other.map(\.turns) != transcripts.prefix(20).map(\.turns))
}

@Test func transcriptsCoverEveryScenarioAndPersonaWithVariety() {
  #expect(Set(transcripts.map(\.scenario)) == Set(Scenario.allCases))
  #expect(Set(transcripts.map(\.persona)) == Set(Persona.allCases))
  let openings = transcripts.compactMap { $0.turns.first?.text }
  #expect(Set(openings).count > 200)
  let usedTemplates = Set(transcripts.flatMap { $0.templateIDs.values })
  #expect(usedTemplates.count > 50)
}

@Test func conversationsAlternateAndEndWithTheCustomerLeaving() {
  for transcript in transcripts {
    #expect(transcript.turns.first?.speaker == .customer)
    #expect(transcript.turns.count >= 4 && transcript.turns.count <= 24)
    #expect(
      zip(transcript.turns, transcript.turns.dropFirst()).allSatisfy { $0.time < $1.time && $0.id < $1.id })
    #expect(transcript.turns.last?.speaker == .customer)
    #expect(transcript.outcome != .abandoned)
  }
  #expect(transcripts.contains { $0.outcome == .escalated })
}

@Test func everyAgentTurnIsAFullyFilledTemplate() {
  let ids = Set(ShippedTemplates.all.map(\.id))
  for transcript in transcripts {
    let agentTurns = transcript.turns.filter { $0.speaker == .agent }
    #expect(agentTurns.map(\.id).sorted() == transcript.templateIDs.keys.sorted())
    #expect(transcript.templateIDs.values.allSatisfy(ids.contains))
    #expect(agentTurns.allSatisfy { !$0.text.contains("[") && !$0.text.contains("{") })
  }
}

@Test func agentRepliesFitTheOrder() {
  for transcript in transcripts where transcript.scenario == .orderCancellation {
    let status = transcript.profile.orders.first { $0.id == transcript.orderID }!.status
    let used = transcript.templateIDs.values
    if status == .processing { #expect(!used.contains("cancellation.too_late.shipped")) }
    if status == .shipped { #expect(!used.contains("cancellation.offer.processing")) }
  }
}

@Test func theIdealAgentNeverMisinformsOrAsksAgain() {
  let misinformed = transcripts.filter { !$0.misinformation.isEmpty }
  #expect(misinformed.isEmpty, "\(misinformed.prefix(3).map { ($0.id, $0.misinformation) })")
  let reAsked = transcripts.filter { !$0.reAsks.isEmpty }
  #expect(reAsked.isEmpty, "\(reAsked.prefix(3).map { ($0.id, $0.reAsks) })")
  let severalOrders = transcripts.filter { $0.profile.orders.count > 1 }
  #expect(severalOrders.count > 150)
  #expect(severalOrders.contains { $0.profile.focusOrder?.id != $0.orderID })
}

@Test func templateVariantsKeepIDsUnique() {
  let variants = TemplateVariants.generate(from: ShippedTemplates.all, count: 500)
  #expect(variants.count == 500)
  #expect(Set(variants.map(\.id)).count == 500)
  #expect(Array(variants.prefix(ShippedTemplates.all.count)) == ShippedTemplates.all)
  #expect(variants.allSatisfy { (try? TemplateText(parsing: $0.text)) != nil })
}
