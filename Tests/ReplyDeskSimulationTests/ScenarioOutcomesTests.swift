import Foundation
import ReplyDeskCore
import ReplyDeskSimulation
import Testing

private func record(_ scenario: String, _ outcome: SessionOutcome, agreed: Int, sent: Int) -> SimulatedChat {
  var chat = SimulatedChat(
    id: ChatID("\(scenario)-\(outcome.rawValue)-\(agreed)"),
    profile: CustomerProfile(id: "C1", firstName: "Ana", lastName: "Diaz"), orderID: "RD-451884",
    scenario: scenario, persona: .terse, isRecontact: false, startedAt: Date(timeIntervalSince1970: 0))
  chat.outcome = outcome
  chat.agreedTurns = agreed
  chat.agentTurns = sent
  chat.turns = [
    Turn(id: 1, speaker: .customer, text: "where is \"it\"?", time: chat.startedAt),
    Turn(id: 2, speaker: .agent, text: "On its way.", time: chat.startedAt),
  ]
  return chat
}

@Test func scenarioOutcomesCountEachScenariosEndingsAndAgreement() throws {
  let records = [
    record("refund_status", .resolved, agreed: 3, sent: 4),
    record("refund_status", .escalated, agreed: 1, sent: 4),
    record("delivery_status", .abandoned, agreed: 0, sent: 2),
    record("refund_status", .resolved, agreed: 4, sent: 4),
  ]
  let outcomes = ScenarioOutcomes(records)
  #expect(outcomes.rows.map(\.scenario) == ["delivery_status", "refund_status"])
  #expect(
    outcomes.text.split(separator: "\n").map(String.init) == [
      "scenario         chats  resolved  escalated  abandoned  ideal agreement",
      "delivery_status      1      0.0%       0.0%     100.0%             0.0%",
      "refund_status        3     66.7%      33.3%       0.0%            66.7%",
    ])
  let lines = try SimulatedChatLine.jsonLines(records).split(separator: UInt8(ascii: "\n"))
  #expect(lines.count == 4)
  let first = try JSONDecoder().decode(SimulatedChatLine.self, from: Data(lines[0]))
  #expect(first.outcome == .resolved && first.scenario == "refund_status" && first.orderID == "RD-451884")
  #expect(first.turns.map(\.text) == ["where is \"it\"?", "On its way."])
}
