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

@Test func misinformationAndReAsksAreCountedAndNeverMoveTheChatForward() {
  let simulation = RankerSimulation(
    ranker: FixedRanker(text: "Your order has been delivered. Could you give me your order number?"),
    templates: ShippedTemplates.all, scenarios: [.builtIn(.lateDelivery)], seed: 6)
  let chats = simulation.run(chats: 20, start: fixedNow)
  #expect(chats.allSatisfy { $0.forwardTurns == 0 })
  #expect(chats.allSatisfy { $0.misinformation.count == $0.agentTurns })
  #expect(
    chats.allSatisfy { $0.misinformation.allSatisfy { $0.kind == .orderStatus && $0.stated == "delivered" } })
  let summary = SimulationSummary(ranker: simulation.ranker.name, chats: chats)
  #expect(summary.misinformationRate == 1)
  #expect(summary.misinformedChatRate == 1)
  #expect(summary.misinformationByKind == ["order_status": summary.agentTurns])
  #expect(summary.reAskRate == 0)
  #expect(summary.forwardRate == 0)
}

@Test func summaryCountsMisinformationAndReAsks() throws {
  var profiles = ProfileGenerator(seed: 2)
  let profile = profiles.profile(now: fixedNow)
  func chat(_ number: Int, turns: Int, wrong: Int, reAsks: [GivenDetail]) -> SimulatedChat {
    var chat = SimulatedChat(
      id: ChatID("m\(number)"), profile: profile, scenario: "return", persona: .patient, isRecontact: false,
      startedAt: fixedNow)
    chat.agentTurns = turns
    chat.misinformation = (0..<wrong).map { _ in
      Misinformation(kind: .wrongOrder, stated: "RD-1", actual: "RD-2", reply: "Order RD-1 is on its way.")
    }
    chat.reAsks = reAsks
    return chat
  }
  let summary = SimulationSummary(
    ranker: "test",
    chats: [
      chat(1, turns: 5, wrong: 2, reAsks: [.orderNumber]), chat(2, turns: 3, wrong: 0, reAsks: []),
      chat(3, turns: 2, wrong: 0, reAsks: [.email]), chat(4, turns: 10, wrong: 1, reAsks: []),
    ])
  #expect(summary.misinformationReplies == 3)
  #expect(summary.misinformationRate == 3.0 / 20)
  #expect(summary.misinformedChatRate == 2.0 / 4)
  #expect(summary.misinformationByKind == ["wrong_order": 3])
  #expect(summary.reAskReplies == 2)
  #expect(summary.reAskRate == 2.0 / 20)
  #expect(summary.text.contains("misinformation              15.0% of replies (3), 50.0% of chats"))
  #expect(summary.text.contains("wrong_order 3"))
  #expect(summary.text.contains("re-asked a given detail     10.0% of replies (2)"))
  let decoded = try JSONDecoder().decode(SimulationSummary.self, from: JSONEncoder().encode(summary))
  #expect(decoded == summary)
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
