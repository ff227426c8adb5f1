import Foundation
import ReplyDeskCore
import ReplyDeskSimulation
import Testing

/// A ranker that always offers the same reply, whatever the customer said.
private struct FixedRanker: SuggestionRanker {
  let name = "fixed"
  let text: String

  func rank(_ request: RankingRequest) -> RankingResult {
    let suggestion = Suggestion(source: .template(id: "fixed"), segments: [.literal(text)], score: 0.5)
    return RankingResult(request: request, suggestions: [suggestion], rankerName: name)
  }
}

private func lexicalSimulation(seed: UInt64) -> RankerSimulation {
  RankerSimulation(
    ranker: SuggestionPipeline(scorer: LexicalRanker(templates: ShippedTemplates.all)),
    templates: ShippedTemplates.all, scenarios: ScenarioSpec.builtInLibrary, seed: seed)
}

@Test func aSimulationDependsOnlyOnItsSeed() {
  let first = lexicalSimulation(seed: 7).run(chats: 12, start: fixedNow)
  let again = lexicalSimulation(seed: 7).run(chats: 12, start: fixedNow)
  let other = lexicalSimulation(seed: 8).run(chats: 12, start: fixedNow)
  #expect(first.count == 12)
  #expect(first == again)
  #expect(first.map(\.turns) != other.map(\.turns))
}

@Test func theTopSuggestionIsAlwaysSent() {
  let ranker = SuggestionPipeline(scorer: LexicalRanker(templates: ShippedTemplates.all))
  let chats = lexicalSimulation(seed: 3).run(chats: 4, start: fixedNow)
  for chat in chats {
    for (index, turn) in chat.turns.enumerated() where turn.speaker == .agent {
      let request = RankingRequest(
        chat: chat.id, generation: index, context: Array(chat.turns[..<index]),
        profile: chat.profile, limit: 4)
      #expect(ranker.rank(request).suggestions.first?.text == turn.text)
    }
  }
}

@Test func unsettledCustomersComeBackWithin24Hours() throws {
  let simulation = RankerSimulation(
    ranker: FixedRanker(text: "Our office plants are doing really well this year."),
    templates: ShippedTemplates.all, scenarios: ScenarioSpec.builtInLibrary, seed: 5)
  let chats = simulation.run(chats: 30, start: fixedNow)
  #expect(chats.allSatisfy { $0.outcome == .abandoned })
  let recontacts = chats.filter(\.isRecontact)
  #expect(!recontacts.isEmpty)
  for again in recontacts {
    let first = try #require(chats.first { $0.customerID == again.customerID && !$0.isRecontact })
    #expect(again.startedAt > first.endedAt)
    #expect(again.startedAt.timeIntervalSince(first.endedAt) <= 24 * 3600)
    #expect(first.scenario == again.scenario)
  }
  let summary = SimulationSummary(ranker: simulation.ranker.name, chats: chats)
  #expect(summary.recontacts == recontacts.count)
  #expect(summary.resolutionRate == 0)
  #expect(summary.automationRate == 0)
  #expect(summary.forwardRate ?? 1 < 0.2)
}

@Test func summaryCountsResolutionsAutomationAndTurns() {
  func chat(_ number: Int, customer: String, outcome: SessionOutcome, hour: Double, turns: Int, forward: Int)
    -> SimulatedChat
  {
    var profiles = ProfileGenerator(seed: 1)
    var profile = profiles.profile(now: fixedNow)
    profile.id = customer
    var chat = SimulatedChat(
      id: ChatID("c\(number)"), profile: profile, scenario: "return", persona: .patient,
      isRecontact: number == 4, startedAt: fixedNow.addingTimeInterval(hour * 3600))
    chat.endedAt = chat.startedAt.addingTimeInterval(600)
    (chat.outcome, chat.agentTurns, chat.forwardTurns) = (outcome, turns, forward)
    return chat
  }
  let chats = [
    chat(1, customer: "a", outcome: .resolved, hour: 0, turns: 4, forward: 4),
    chat(2, customer: "b", outcome: .resolved, hour: 1, turns: 6, forward: 3),
    chat(3, customer: "c", outcome: .escalated, hour: 2, turns: 2, forward: 1),
    chat(4, customer: "b", outcome: .resolved, hour: 20, turns: 8, forward: 4),
    chat(5, customer: "a", outcome: .abandoned, hour: 30, turns: 0, forward: 0),
  ]
  let summary = SimulationSummary(ranker: "test", chats: chats)
  #expect(summary.chats == 5)
  #expect(summary.recontacts == 1)
  #expect(summary.agentTurns == 20)
  #expect(summary.forwardRate == 12.0 / 20)
  #expect(summary.resolutionRate == 3.0 / 5)
  #expect(summary.escalationRate == 1.0 / 5)
  // b came back within 24 hours of chat 2; a's return after 30 hours does not count against chat 1.
  #expect(summary.automationRate == 2.0 / 5)
  #expect(summary.medianTurnsToResolution == 6)
  #expect(summary.meanTurnsToResolution == 6)
  #expect(summary.text.contains("automation rate             40.0%"))
}
