import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskEngine

/// The ranker's profile input: feature tokens of the order in question.
struct GroundingFeaturesTests {
  static let now = Date(timeIntervalSince1970: 1_764_590_400)  // 2025-12-01 12:00 UTC
  static let day: TimeInterval = 86_400

  static func order(
    _ id: String, _ status: OrderStatus, item: String = "Desk Lamp", placedDaysAgo: Double = 5,
    dueInDays: Double? = 2, refund: RefundStatus? = nil
  ) -> Order {
    Order(
      id: id, items: [OrderItem(name: item, price: Money(minorUnits: 2500))], status: status,
      placedOn: now - placedDaysAgo * day, deliveryDate: dueInDays.map { now + $0 * day },
      refund: refund.map { Refund(amount: Money(minorUnits: 2500), status: $0, requestedOn: now - day) })
  }

  static func features(_ orders: [Order], says text: String, email: String? = nil) -> [String] {
    let profile = CustomerProfile(
      id: "c", firstName: "Ada", lastName: "Lovelace", email: email, membership: .gold, orders: orders)
    let turns = [Turn(id: 1, speaker: .customer, text: text, time: now)]
    return GroundingFeatures.tokens(GroundingFacts(turns: turns, profile: profile, now: now))
  }

  @Test func aNamedOrderAmongSeveralGivesItsOwnState() {
    let orders = [
      Self.order("114-2231", .shipped), Self.order("RD-451884", .delivered, item: "Kettle", dueInDays: -3),
      Self.order("7237754671", .processing, item: "Yoga Mat", placedDaysAgo: 1),
    ]
    #expect(
      Self.features(orders, says: "hi, where is #114-2231?")
        == [
          "<orders_many>", "<order_named>", "<status_shipped>", "<on_schedule>", "<refund_none>",
          "<state_shipped_none>", "<membership_gold>", "<order_number_given>",
        ])
    let kettle = Self.features(orders, says: "the kettle I bought, can I send it back", email: "a@b.co")
    #expect(kettle.contains("<status_delivered>") && kettle.contains("<delivered_week>"))
    #expect(kettle.contains("<order_named>") && kettle.contains("<email_known>"))
    #expect(!kettle.contains("<order_number_given>"))
    #expect(kettle.contains("<state_delivered_none>"))
    let spelled = Self.features(orders, says: "what about order 7237754671")
    #expect(spelled.contains("<status_processing>"))
  }

  @Test func statusAndRefundAlsoComeAsOnePairToken() {
    let refunded = Self.features(
      [Self.order("RD-1", .delivered, dueInDays: -3, refund: .requested)], says: "where is my order?")
    #expect(refunded.contains("<status_delivered>") && refunded.contains("<refund_requested>"))
    #expect(refunded.contains("<state_delivered_requested>"))
    #expect(refunded.filter { $0.hasPrefix("<state_") }.count == 1)
    #expect(GroundingFeatures.all.contains("<state_delivered_requested>"))
    #expect(GroundingFeatures.all.filter { $0.hasPrefix("<state_") }.count == 6 * 5)
  }

  @Test func withoutANameTheOnlyOrderSettlesAndSeveralAreAGuess() {
    let one = Self.features([Self.order("RD-1", .cancelled, dueInDays: nil)], says: "what happened?")
    #expect(one.prefix(3) == ["<orders_1>", "<order_settled>", "<status_cancelled>"])
    let several = Self.features(
      [
        Self.order("RD-100001", .delivered, dueInDays: -40),
        Self.order("RD-100002", .returned, dueInDays: -60),
      ],
      says: "hello")
    #expect(several.prefix(2) == ["<orders_many>", "<order_guessed>"])
    #expect(several.contains("<delivered_30d+>"))
    #expect(Self.features([], says: "hi") == ["<orders_0>", "<membership_gold>"])
  }

  @Test func latenessIsBucketed() {
    #expect(Self.features([Self.order("A-1", .shipped, dueInDays: -1)], says: "?").contains("<late>"))
    let veryLate = Self.features([Self.order("A-1", .shipped, dueInDays: -4)], says: "?")
    #expect(veryLate.contains("<late>") && veryLate.contains("<late_3d+>"))
    #expect(Self.features([Self.order("A-1", .delayed, dueInDays: 3)], says: "?").contains("<late>"))
    #expect(Self.features([Self.order("A-1", .processing)], says: "?").contains("<on_schedule>"))
    let month = Self.features([Self.order("A-1", .delivered, dueInDays: -12)], says: "?")
    #expect(month.contains("<delivered_month>"))
  }

  @Test(arguments: RefundStatus.allCases)
  func everyRefundStateHasItsToken(_ status: RefundStatus) {
    let tokens = Self.features([Self.order("A-1", .returned, dueInDays: -9, refund: status)], says: "refund?")
    #expect(tokens.contains("<refund_\(status.rawValue)>"))
    #expect(tokens.filter { $0.hasPrefix("<refund_") }.count == 1)
  }

  /// Training and queries read the live-protocol JSON; the console has the typed profile: same tokens.
  @Test func theJSONProfileGivesTheSameTokensAsTheTypedOne() throws {
    let orders = [
      Self.order("114-2231", .delayed, dueInDays: -5),
      Self.order("RD-451884", .returned, item: "Kettle", dueInDays: -20, refund: .issued),
    ]
    let profile = CustomerProfile(
      id: "c", firstName: "Ada", lastName: "L", membership: .silver, orders: orders)
    for text in ["my kettle refund?", "where is 114 2231", "hello"] {
      let turns = [Turn(id: 1, speaker: .customer, text: text, time: Self.now)]
      let typed = GroundingFeatures.tokens(GroundingFacts(turns: turns, profile: profile, now: Self.now))
      let json = GroundingFeatures.tokens(
        profile: NeuralRanker.profileJSON(profile), turns: [(0, text)], now: Self.now)
      #expect(typed == json, "\(text)")
    }
    #expect(
      GroundingFeatures.tokens(profile: .object(["services": .array([])]), turns: [], now: Self.now) == [])
    #expect(GroundingFeatures.tokens(profile: nil, turns: [], now: Self.now) == [])
  }
}

extension GroundingFeaturesTests {
  @Test func everyTokenIsInTheVocabularyList() {
    let orders = [
      Self.order("A-1", .shipped, dueInDays: -5),
      Self.order("B-2", .delivered, dueInDays: -40, refund: .issued),
    ]
    let tokens = Self.features(orders, says: "#A-1 please, a@b.co") + Self.features(orders, says: "B-2")
    #expect(Set(tokens).isSubset(of: GroundingFeatures.all))
    #expect(Set(GroundingFeatures.all).count == GroundingFeatures.all.count)
  }
}
