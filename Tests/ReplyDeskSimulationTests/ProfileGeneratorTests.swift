import Foundation
import ReplyDeskCore
import ReplyDeskSimulation
import Testing

private func profiles(seed: UInt64, count: Int, scenario: Scenario? = nil) -> [CustomerProfile] {
  var generator = ProfileGenerator(seed: seed)
  return (0..<count).map { _ in generator.profile(for: scenario, now: fixedNow) }
}

@Test func sameSeedGivesTheSameProfiles() {
  #expect(profiles(seed: 42, count: 20) == profiles(seed: 42, count: 20))
  #expect(profiles(seed: 42, count: 20) != profiles(seed: 43, count: 20))
}

@Test func profilesAreVariedAndComplete() {
  let all = profiles(seed: 1, count: 200)
  #expect(Set(all.map(\.fullName)).count > 150)
  #expect(Set(all.map(\.membership)).count == Membership.allCases.count)
  #expect(Set(all.compactMap { $0.focusOrder?.total.currency }) == ["USD", "EUR", "GBP"])
  for profile in all {
    let order = try! #require(profile.focusOrder)
    #expect(!order.items.isEmpty)
    #expect(order.total.minorUnits > 0)
    #expect(order.placedOn <= fixedNow)
    #expect(profile.address?.isEmpty == false)
    #expect(order.items.allSatisfy { $0.price.currency == order.total.currency })
  }
}

@Test func lateDeliveriesAreDelayedOrOverdueWithAFutureDate() {
  for profile in profiles(seed: 5, count: 100, scenario: .lateDelivery) {
    let order = try! #require(profile.focusOrder)
    #expect([.delayed, .shipped].contains(order.status))
    #expect(order.deliveryDate.map { $0 > fixedNow - 86_400 } == true)
    #expect(fixedNow.timeIntervalSince(order.placedOn) > 6 * 86_400)
  }
}

@Test func refundQuestionsUsuallyHaveARefund() {
  let orders = profiles(seed: 9, count: 200, scenario: .refundStatus).compactMap(\.focusOrder)
  let refunds = orders.compactMap(\.refund)
  #expect(refunds.count > 150 && refunds.count < 200)
  #expect(Set(refunds.map(\.status)) == Set(RefundStatus.allCases))
  for refund in refunds where refund.status == .issued || refund.status == .approved {
    #expect(refund.expectedBy.map { $0 > fixedNow } == true)
  }
  #expect(orders.allSatisfy { $0.status == .delivered || $0.status == .returned })
}

@Test func cancellationsMostlyConcernUnshippedOrders() {
  let statuses = profiles(seed: 3, count: 200, scenario: .orderCancellation).compactMap(\.focusOrder?.status)
  #expect(statuses.filter { $0 == .processing }.count > 100)
  #expect(statuses.allSatisfy { [.processing, .shipped, .delivered, .cancelled].contains($0) })
}

@Test func theFocusOrderIsTheMostRecent() {
  for profile in profiles(seed: 11, count: 50, scenario: .deliveryStatus) {
    let focus = try! #require(profile.focusOrder)
    #expect(profile.orders.allSatisfy { $0.placedOn <= focus.placedOn })
    #expect([.shipped, .processing, .delivered].contains(focus.status))
  }
}
