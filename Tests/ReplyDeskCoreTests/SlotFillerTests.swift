import Foundation
import ReplyDeskCore
import Testing

private let filler = SlotFiller(now: fixedNow)

private func filled(_ text: String, _ profile: CustomerProfile = completeProfile(), order: Order? = nil)
  -> String
{
  filler.fill(ReplyTemplate(id: "t", topic: "t", text: text), profile: profile, order: order).map(\.plainText)
    .joined()
}

@Test func fillsCustomerAndOrderSlotsFromTheMostRecentOrder() {
  #expect(
    filled("Hi {customer.first_name}, order {order.id} is {order.status}.")
      == "Hi Maya, order RD-482913 is shipped.")
  #expect(
    filled("{order.items}; {order.item}; {order.item_count}") == "Desk lamp and 2 x Mug; Desk lamp; 3 items")
  #expect(filled("{order.total} for {customer.full_name}") == "$70.99 for Maya Okafor")
  #expect(filled("{order.tracking_number} {order.delivery_window}") == "1Z999AA10123456784 9am-1pm")
}

@Test func fillsFromAGivenOrder() {
  let profile = completeProfile()
  #expect(filled("{order.id} {order.status}", profile, order: profile.orders[1]) == "RD-100001 delivered")
}

@Test func formatsDates() {
  #expect(filled("{order.delivery_date|weekday}") == "Thursday, June 4")
  #expect(filled("{order.placed_on}") == "May 30, 2026")
  #expect(filled("{order.placed_on|date}") == "May 30, 2026")
  #expect(filled("{refund.requested_on|short}") == "May 28")
  #expect(filled("{refund.expected_by|relative}") == "in 7 days")
  #expect(filled("{order.delivery_date|relative}") == "on Thursday")
  #expect(filled("{order.placed_on|relative}") == "3 days ago")
}

@Test func relativeDatesNearToday() {
  let formatter = ValueFormatter(now: fixedNow)
  #expect(formatter.string(from: fixedNow + 3_600, format: .relative) == "today")
  #expect(formatter.string(from: fixedNow + day, format: .relative) == "tomorrow")
  #expect(formatter.string(from: fixedNow - day, format: .relative) == "yesterday")
}

@Test func datesFollowThePassedInTimeZone() {
  var tokyo = ValueFormatter.posixCalendar
  tokyo.timeZone = TimeZone(identifier: "Asia/Tokyo")!
  let lateEvening = Date(timeIntervalSince1970: 1_780_441_200)  // June 2, 23:00 UTC
  #expect(ValueFormatter(now: fixedNow).string(from: lateEvening, format: .weekday) == "Tuesday, June 2")
  #expect(
    ValueFormatter(calendar: tokyo, now: fixedNow).string(from: lateEvening, format: .weekday)
      == "Wednesday, June 3")
}

@Test(arguments: [
  (4_250, "USD", SlotFormat?.none, "$42.50"), (1_200, "EUR", nil, "€12.00"), (5, "GBP", nil, "£0.05"),
  (123_456_789, "USD", nil, "$1,234,567.89"), (1_500, "JPY", nil, "¥1,500"), (999, "CHF", nil, "CHF 9.99"),
  (-4_250, "USD", nil, "-$42.50"), (4_250, "EUR", .code, "42.50 EUR"),
])
func formatsMoney(minorUnits: Int, currency: String, format: SlotFormat?, expected: String) {
  let money = Money(minorUnits: minorUnits, currency: currency)
  #expect(ValueFormatter(now: fixedNow).string(from: money, format: format) == expected)
}

@Test func refundAmountKeepsItsCurrency() {
  #expect(
    filled("{refund.amount} ({refund.status|capitalized})", completeProfile(currency: "EUR"))
      == "€42.50 (Issued)")
  #expect(filled("{order.status|upper}") == "SHIPPED")
}

@Test func missingValuesBecomeMissingSegments() {
  let segments = filler.fill(
    ReplyTemplate(
      id: "t", topic: "t", text: "Hi {customer.first_name}, we'll write to {customer.email} about {order.id}."
    ),
    profile: bareProfile)
  #expect(
    segments == [
      .literal("Hi "), .slot(name: "customer.first_name", value: "Sam"), .literal(", we'll write to "),
      .missing(name: "customer.email"), .literal(" about "), .missing(name: "order.id"), .literal("."),
    ])
  let suggestion = Suggestion(source: .template(id: "t"), segments: segments, score: 1)
  #expect(suggestion.missingSlots == ["customer.email", "order.id"])
  #expect(!suggestion.isSendableUnedited)
}

@Test func refundSlotsAreMissingWithoutARefund() throws {
  var profile = completeProfile()
  profile.orders[0].refund = nil
  let text = try TemplateText(parsing: "{refund.amount}")
  #expect(!filler.canFill(text, profile: profile))
  #expect(filler.canFill(try TemplateText(parsing: "{order.id}"), profile: profile))
  #expect(filler.availableSlots(profile: profile).isDisjoint(with: ["refund.amount", "refund.status"]))
}

@Test func blankProfileFieldsCountAsMissing() {
  var profile = completeProfile()
  profile.email = "  "
  #expect(filled("Mail: {customer.email}", profile) == "Mail: [customer.email]")
}
