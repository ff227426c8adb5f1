import Foundation
import Testing

@testable import ReplyDeskCore

/// Large libraries check only their best-scored templates first; the list must be exactly the one
/// checking every template gives, whatever the scores, conditions, sent replies and orders.
@Suite struct SuggestionShortlistTests {
  /// 600 templates: each state's answer, asks, greetings and plain replies, repeated with new ids.
  private static let library: [ReplyTemplate] = (0..<100).flatMap { copy in
    [
      ReplyTemplate(
        id: "cancel.yes.\(copy)", topic: "cancellation",
        text: "Order {order.id} can still be cancelled (\(copy)).",
        conditions: TemplateConditions(orderStatus: [.processing])),
      ReplyTemplate(
        id: "cancel.no.\(copy)", topic: "cancellation", text: "Order {order.id} was delivered (\(copy)).",
        conditions: TemplateConditions(orderStatus: [.delivered])),
      ReplyTemplate(
        id: "ship.\(copy)", topic: "delivery", text: "Order {order.id} is on its way (\(copy)).",
        conditions: TemplateConditions(orderStatus: [.shipped])),
      ReplyTemplate(
        id: "ask.\(copy)", topic: "identity", text: "Could you give me your order number (\(copy))?",
        conditions: TemplateConditions(asks: [.orderID])),
      ReplyTemplate(
        id: "hi.\(copy)", topic: "greeting", text: "Hi {customer.first_name} (\(copy))!", intents: ["greet"]),
      ReplyTemplate(id: "plain.\(copy)", topic: "other", text: "Thanks for waiting (\(copy))."),
    ]
  }

  private static func profile(_ status: OrderStatus) -> CustomerProfile {
    CustomerProfile(
      id: "C1", firstName: "Ana", lastName: "Diaz",
      orders: [
        Order(
          id: "RD-451884", items: [OrderItem(name: "Blender", price: Money(minorUnits: 5_000))],
          status: status,
          placedOn: Date(timeIntervalSince1970: 1_795_000_000))
      ])
  }

  @Test(arguments: [OrderStatus.processing, .delivered, .shipped, .cancelled])
  func theShortlistGivesExactlyTheFullList(status: OrderStatus) {
    let builder = SuggestionBuilder(templates: Self.library)
    var random = SplitMix(state: UInt64(OrderStatus.allCases.firstIndex(of: status) ?? 0) &+ 7)
    for trial in 0..<40 {
      let scores = Self.library.map { _ in Double(random.next() % 10_000) / 10_000 }
      var turns = [Turn(id: 1, speaker: .customer, text: "can I cancel RD-451884?", time: Date())]
      if trial % 3 == 0 {
        let sent = Self.library[Int(random.next() % UInt64(Self.library.count))].text
        turns.append(Turn(id: 2, speaker: .agent, text: sent, time: Date()))
      }
      let request = RankingRequest(
        chat: ChatID("c"), generation: trial, context: turns, profile: Self.profile(status),
        limit: 1 + trial % 8)
      let facts = GroundingFacts(request: request)
      let full = builder.build(scores: scores, among: Array(Self.library.indices), request, facts)
      #expect(builder.build(scores: scores, for: request, facts: facts) == full, "trial \(trial)")
    }
  }
}

/// A small deterministic generator for the trials.
private struct SplitMix {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
