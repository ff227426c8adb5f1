import Foundation
import ReplyDeskCore
import ReplyDeskSimulation
import Testing

/// The states a shipped template's id names (`cancellation.too_late.delivered` names delivered).
private func namedStates(_ template: ReplyTemplate) -> (orders: [OrderStatus], refunds: [StatedRefund]) {
  let parts = template.id.split(separator: ".").map(String.init)
  return (parts.compactMap(OrderStatus.init(rawValue:)), parts.compactMap(StatedRefund.init(rawValue:)))
}

/// Templates whose id names a state they only presume, stating nothing about it as fact.
private let presumingTemplates: Set<String> = ["refund.when.issued"]

@Test func theReaderAgreesWithEveryTemplateWhoseIdNamesAState() {
  let named = ShippedTemplates.all.filter {
    let states = namedStates($0)
    return !states.orders.isEmpty || !states.refunds.isEmpty
  }
  #expect(named.count >= 20)
  for template in named {
    let reading = OrderStateReading(template.text)
    let (orders, refunds) = namedStates(template)
    if presumingTemplates.contains(template.id) {
      #expect(!reading.statesAnything, "\(template.id): \(reading)")
      continue
    }
    for status in orders {
      #expect(reading.orderStatuses?.contains(status) == true, "\(template.id): \(reading)")
    }
    for state in refunds {
      #expect(reading.refundStates?.contains(state) == true, "\(template.id): \(reading)")
    }
  }
}

@Test(arguments: [
  ("Your parcel has left our warehouse.", OrderStatus.shipped),
  ("Good news, it is on its way to you.", .shipped),
  ("Order RD-451884 is out for delivery today.", .shipped),
  ("The courier says it was dropped off at your door on Monday.", .delivered),
  ("Your order hasn't gone out yet.", .processing),
  ("It is still being packed at the warehouse.", .processing),
  ("Order RD-451884 has not shipped, so I can change it.", .processing),
  ("It's not delivered yet, but it's close.", .shipped),
  ("Our records show the order was cancelled yesterday.", .cancelled),
  ("We've received your return at the warehouse.", .returned),
  ("Your package has been held up by the carrier.", .delayed),
])
func naturalOrderPhrasesAreRead(text: String, status: OrderStatus) throws {
  let statuses = try #require(OrderStateReading(text).orderStatuses, "\(text)")
  #expect(statuses.contains(status), "\(text): \(statuses)")
}

@Test func negationsAreNotReadAsWhatTheyDeny() throws {
  let notShipped = try #require(OrderStateReading("Order RD-1 hasn't shipped yet.").orderStatuses)
  #expect(notShipped == [.processing])
  let notDelivered = try #require(OrderStateReading("It has not been delivered yet.").orderStatuses)
  #expect(!notDelivered.contains(.delivered))
  let notLeft = try #require(OrderStateReading("The parcel hasn't left the warehouse.").orderStatuses)
  #expect(notLeft == [.processing])
}

@Test(arguments: [
  ("Your refund went out this morning.", StatedRefund.issued),
  ("There is no refund on file for this order.", .none),
  ("I don't see a refund request on it.", .none),
  ("The refund is still under review.", .requested),
  ("Your refund has been approved and will be sent tomorrow.", .approved),
  ("I'm afraid the refund was declined.", .rejected),
])
func naturalRefundPhrasesAreRead(text: String, state: StatedRefund) throws {
  let states = try #require(OrderStateReading(text).refundStates, "\(text)")
  #expect(states.contains(state), "\(text): \(states)")
  #expect(OrderStateReading(text).orderStatuses == nil, "\(text)")
}

@Test func questionsAndConditionsStateNothing() {
  for text in [
    "If it hasn't arrived by Friday, message us.", "Once it's approved we send the money straight away.",
    "Has your order arrived yet?", "Would you like me to start a refund?",
    "Shipping fees are only refunded when the item arrived damaged.",
  ] {
    #expect(!OrderStateReading(text).statesAnything, "\(text)")
  }
}

@Test func aRefundClauseIsNotReadAsTheOrder() throws {
  let reading = OrderStateReading(
    "Order RD-1 is already cancelled, and the refund of $20.00 is on its way to your card.")
  #expect(reading.orderStatuses == [.cancelled])
  #expect(reading.refundStates == [.approved, .issued])
}

@Test func orderIdsAreFoundInTheFormsCustomersWrite() {
  let lamp = Order(
    id: "RD-451884", items: [OrderItem(name: "Desk lamp", price: Money(minorUnits: 4599))],
    status: .delivered,
    placedOn: fixedNow)
  let mug = Order(
    id: "RD-114223", items: [OrderItem(name: "Mug", price: Money(minorUnits: 900))], status: .shipped,
    placedOn: fixedNow)
  let profile = CustomerProfile(id: "c", firstName: "Ada", lastName: "B", orders: [lamp, mug])
  #expect(
    OrderReference.forms(of: "RD-451884") == ["RD-451884", "451884", "#451884", "rd451884", "rd-451884"])
  for text in [
    "about RD-451884", "order #451884 please", "my order 451884", "rd451884", "my desk lamp order",
  ] {
    #expect(OrderReference.orders(namedIn: text, profile: profile).map(\.id) == ["RD-451884"], "\(text)")
  }
  #expect(OrderReference.orders(namedIn: "tracking 1Z4518849", profile: profile).isEmpty)
  #expect(OrderReference.orders(namedIn: "no wait, the MUG", profile: profile).map(\.id) == ["RD-114223"])
}
