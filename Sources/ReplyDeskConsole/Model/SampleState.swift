import Foundation
import ReplyDeskCore

/// A realistic busy console, for the benchmark and the snapshot tests: a long refund chat, a
/// profile with several orders, nine suggestions (one with a gap) and customers waiting.
enum SampleState {
  static let start = Date(timeIntervalSince1970: 1_764_064_800)  // 2025-11-25 10:00 UTC

  static func profile() -> CustomerProfile {
    let day = 86_400.0
    let mug = OrderItem(name: "Ceramic mug", quantity: 2, price: Money(minorUnits: 1499))
    let tea = OrderItem(name: "Tea sampler", price: Money(minorUnits: 2500))
    let kettle = OrderItem(name: "Gooseneck kettle", price: Money(minorUnits: 6900))
    let refund = Refund(
      amount: Money(minorUnits: 2500), status: .issued, requestedOn: start - 9 * day,
      expectedBy: start + 2 * day)
    return CustomerProfile(
      id: "cust-1042", firstName: "Dana", lastName: "Whitfield", email: "dana.whitfield@example.com",
      phone: "+1 555 0100", membership: .gold, memberSince: start - 1700 * day, pastContacts: 3,
      orders: [
        Order(
          id: "A1234", items: [mug, tea], status: .delivered, placedOn: start - 14 * day,
          deliveryDate: start - 10 * day, refund: refund),
        Order(
          id: "A1311", items: [kettle], status: .delayed, placedOn: start - 3 * day,
          deliveryDate: start + 1 * day, deliveryWindow: "9am-1pm", trackingNumber: "1Z999AA10123456784"),
        Order(
          id: "A0988", items: [tea], status: .delivered, placedOn: start - 60 * day,
          deliveryDate: start - 55 * day),
      ])
  }

  static func suggestions() -> [Suggestion] {
    let texts: [(String, [TextSegment], Double)] = [
      (
        "refund.status.issued",
        [
          .literal("Your refund of "), .slot(name: "refund.amount", value: "$25.00"),
          .literal(" for order "), .slot(name: "order.id", value: "A1234"),
          .literal(" was issued and should reach your card by "),
          .slot(name: "refund.expected", value: "Nov 27"), .literal("."),
        ], 0.92
      ),
      (
        "delivery.delayed.apology",
        [
          .literal("I'm sorry order "), .slot(name: "order.id", value: "A1311"),
          .literal(" is late. It should now arrive on "), .slot(name: "order.delivery", value: "Nov 26"),
          .literal(" between "), .slot(name: "order.window", value: "9am-1pm"), .literal("."),
        ], 0.81
      ),
      (
        "tracking.share",
        [.literal("Here is your tracking number: "), .missing(name: "order.tracking_link")], 0.66
      ),
      (
        "greeting.thanks",
        [
          .literal("Thanks for your patience, "), .slot(name: "customer.first", value: "Dana"), .literal("!"),
        ], 0.52
      ),
      (
        "refund.policy", [.literal("Refunds usually take 5-7 business days to appear on your statement.")],
        0.44
      ),
      ("escalation.offer", [.literal("I can ask a supervisor to look at this for you if you'd like.")], 0.31),
      ("closing.anything_else", [.literal("Is there anything else I can help you with today?")], 0.25),
      (
        "order.cancel.confirm",
        [.literal("I've cancelled order "), .missing(name: "order.id"), .literal(".")], 0.14
      ),
      ("generic.checking", [.literal("Let me check that for you, one moment please.")], 0.08),
    ]
    return texts.map { Suggestion(source: .template(id: $0.0), segments: $0.1, score: $0.2) }
  }

  /// A mid-chat console at `size` with `turns` conversation turns.
  static func busy(size: Size, turns: Int = 24) -> ConsoleState {
    var state = ConsoleState(
      size: size, now: start, representative: "Alex Morgan",
      timeZone: TimeZone(identifier: "UTC")!)
    var chat = ActiveChat(
      conversation: Conversation(
        id: ChatID("chat-0042"), profile: profile(), scenario: "refund_status",
        startedAt: start - Double(turns * 25 + 30)))
    let lines = [
      (Speaker.customer, "Hi, I returned two mugs from order A1234 and still haven't seen my refund."),
      (.agent, "Sorry to hear that, Dana. Let me look into order A1234 for you."),
      (.customer, "Also my kettle order is late, it was supposed to come yesterday 😞 配達はいつですか"),
      (.system, "Order A1311 flagged as delayed by the carrier."),
    ]
    for index in 0..<turns {
      let line = lines[index % lines.count]
      appendTurn(&chat, line.0, line.1, at: start - Double((turns - index) * 25))
    }
    chat.suggestions.rows = suggestions()
    chat.suggestions.attended = [
      AttendedWord(turnID: chat.conversation.lastCustomerTurn?.id ?? 1, word: "kettle", weight: 0.8)
    ]
    chat.customerTurnShownAt = chat.conversation.lastCustomerTurn?.time
    chat.generation = 1
    state.lastGeneration = 1
    state.active = chat
    state.rankerName = "lexical"
    state.waiting = [
      WaitingCustomer(
        chat: ChatID("chat-0043"), profile: profile(), scenario: "delivery", arrivedAt: start + 500),
      WaitingCustomer(
        chat: ChatID("chat-0044"), profile: profile(), scenario: "refund", arrivedAt: start + 550),
    ]
    return state
  }
}
