import Foundation
import ReplyDeskCore
import ReplyDeskSimulation
import Testing

private func customers(seed: UInt64, count: Int, scenario: Scenario? = nil) -> [GeneratedCustomer] {
  var generator = ProfileGenerator(seed: seed)
  return (0..<count).map { _ in generator.customer(for: scenario, now: fixedNow) }
}

private func profiles(seed: UInt64, count: Int, scenario: Scenario? = nil) -> [CustomerProfile] {
  customers(seed: seed, count: count, scenario: scenario).map(\.profile)
}

/// The orders the scenario is about.
private func orders(seed: UInt64, count: Int, scenario: Scenario) -> [Order] {
  customers(seed: seed, count: count, scenario: scenario).compactMap(\.order)
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

@Test func lateDeliveriesAreDelayedWithANewDateOrShippedAndOverdue() {
  for order in orders(seed: 5, count: 100, scenario: .lateDelivery) {
    #expect([.delayed, .shipped].contains(order.status))
    let due = order.deliveryDate ?? .distantPast
    #expect(order.status == .shipped ? due < fixedNow - 86_400 / 2 : due > fixedNow - 86_400)
    #expect(fixedNow.timeIntervalSince(order.placedOn) > 6 * 86_400)
  }
}

@Test func refundQuestionsUsuallyHaveARefund() {
  let orders = orders(seed: 9, count: 200, scenario: .refundStatus)
  #expect(orders.count == 200)
  let refunds = orders.compactMap(\.refund)
  #expect(refunds.count > 150 && refunds.count < 200)
  #expect(Set(refunds.map(\.status)) == Set(RefundStatus.allCases))
  for refund in refunds where refund.status == .issued || refund.status == .approved {
    #expect(refund.expectedBy.map { $0 > fixedNow } == true)
  }
  #expect(orders.allSatisfy { $0.status == .delivered || $0.status == .returned })
}

@Test func cancellationsMostlyConcernUnshippedOrders() {
  let statuses = orders(seed: 3, count: 200, scenario: .orderCancellation).map(\.status)
  #expect(statuses.filter { $0 == .processing }.count > 100)
  #expect(statuses.allSatisfy { [.processing, .shipped, .delivered, .cancelled].contains($0) })
}

@Test func theOrderInQuestionIsOneOfSeveralAndNotAlwaysTheMostRecent() {
  let all = customers(seed: 11, count: 200, scenario: .deliveryStatus)
  let counts = Set(all.map(\.profile.orders.count))
  #expect(counts == [1, 2, 3, 4])
  var notMostRecent = 0
  for customer in all {
    let order = try! #require(customer.order)
    #expect([.shipped, .processing, .delivered].contains(order.status))
    #expect(Set(customer.profile.orders.map(\.id)).count == customer.profile.orders.count)
    #expect(customer.profile.orders.map(\.placedOn) == customer.profile.orders.map(\.placedOn).sorted())
    let others = customer.profile.orders.filter { $0.id != order.id }
    #expect(others.allSatisfy { !$0.items.contains { $0.name == order.items[0].name } })
    if customer.profile.focusOrder?.id != order.id { notMostRecent += 1 }
  }
  #expect(notMostRecent > 20)
  let multi = all.filter { $0.profile.orders.count > 1 }
  let mixed = multi.filter { Set($0.profile.orders.map(\.status)).count > 1 }
  #expect(mixed.count > multi.count * 3 / 4)
}

@Test func cancelledOrdersAlwaysHaveTheirMoneyOnTheWayBack() {
  let cancelled = customers(seed: 13, count: 300).flatMap(\.profile.orders).filter { $0.status == .cancelled }
  #expect(cancelled.count > 10)
  #expect(cancelled.allSatisfy { [.approved, .issued].contains($0.refund?.status) })
}
