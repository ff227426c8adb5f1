import Foundation
import ReplyDeskCore
import Testing

private func profile(
  _ status: OrderStatus, refund: RefundStatus? = nil, due: Double = 2, membership: Membership = .standard
)
  -> CustomerProfile
{
  let order = Order(
    id: "RD-451884", items: [OrderItem(name: "Blender", price: Money(minorUnits: 5_000))], status: status,
    placedOn: fixedNow - 10 * day, deliveryDate: fixedNow + due * day,
    refund: refund.map { Refund(amount: Money(minorUnits: 5_000), status: $0, requestedOn: fixedNow - day) })
  return CustomerProfile(
    id: "C1", firstName: "Ana", lastName: "Diaz", email: "ana@example.com", membership: membership,
    orders: [order])
}

private func facts(_ profile: CustomerProfile, _ texts: [String] = ["hi"]) -> GroundingFacts {
  GroundingFacts(
    turns: texts.enumerated().map { turn($0.offset + 1, .customer, $0.element) }, profile: profile,
    now: fixedNow)
}

@Test func orderStatusConditions() {
  let conditions = TemplateConditions(orderStatus: [.shipped, .delayed])
  #expect(conditions.contradiction(with: facts(profile(.shipped))) == nil)
  #expect(conditions.contradiction(with: facts(profile(.delivered))) == "order RD-451884 is delivered")
  let noOrder = CustomerProfile(id: "C2", firstName: "B", lastName: "C")
  #expect(conditions.contradiction(with: facts(noOrder)) == "no order is in question")
}

@Test func refundConditions() {
  #expect(TemplateConditions(refund: .absent).contradiction(with: facts(profile(.delivered))) == nil)
  #expect(
    TemplateConditions(refund: .absent).contradiction(with: facts(profile(.delivered, refund: .issued)))
      == "order RD-451884 has a refund (issued)")
  #expect(
    TemplateConditions(refund: .present).contradiction(with: facts(profile(.delivered)))
      == "order RD-451884 has no refund")
  let approved = TemplateConditions(refundStatus: [.approved])
  #expect(approved.contradiction(with: facts(profile(.delivered, refund: .approved))) == nil)
  #expect(
    approved.contradiction(with: facts(profile(.delivered, refund: .requested)))
      == "the refund for order RD-451884 is requested")
}

@Test func lateAndMembershipConditions() {
  let late = TemplateConditions(orderLate: true)
  #expect(late.contradiction(with: facts(profile(.shipped, due: -2))) == nil)
  #expect(late.contradiction(with: facts(profile(.delayed))) == nil)
  #expect(late.contradiction(with: facts(profile(.shipped, due: 2))) == "order RD-451884 is not late")
  #expect(facts(profile(.shipped, due: -3)).daysLate(profile(.shipped, due: -3).orders[0]) == 3)
  let members = TemplateConditions(membership: [.silver, .gold])
  #expect(members.contradiction(with: facts(profile(.shipped, membership: .gold))) == nil)
  #expect(
    members.contradiction(with: facts(profile(.shipped))) == "the customer is a standard member")
  #expect(TemplateConditions(order: .present).contradiction(with: facts(profile(.shipped))) == nil)
  let named = TemplateConditions(orderNamed: true)
  #expect(named.contradiction(with: facts(profile(.shipped), ["it's RD-451884"])) == nil)
  #expect(
    named.contradiction(with: facts(profile(.shipped), ["it's 999999"]))
      == "the customer has not named one of their orders")
  #expect(
    TemplateConditions(orderNamed: false).contradiction(with: facts(profile(.shipped), ["it's rd451884"]))
      == "the customer named order RD-451884")
}

@Test func asksAreNeedlessOnceTheChatOrTheProfileHoldsTheAnswer() {
  let asksOrder = TemplateConditions(asks: [.orderID])
  let twoOrders = CustomerProfile(
    id: "C3", firstName: "Ana", lastName: "Diaz",
    orders: profile(.shipped).orders + [
      Order(id: "RD-222222", items: [], status: .processing, placedOn: fixedNow - day)
    ])
  #expect(asksOrder.needlessAsk(with: facts(twoOrders, ["where is my stuff?"])) == nil)
  #expect(
    asksOrder.needlessAsk(with: facts(twoOrders, ["where is RD-451884?"]))
      == "the chat already names order RD-451884")
  #expect(
    asksOrder.needlessAsk(with: facts(profile(.shipped))) == "the profile settles the order (RD-451884)")
  let asksEmail = TemplateConditions(asks: [.email])
  #expect(asksEmail.needlessAsk(with: facts(profile(.shipped))) == "the profile has the email address")
  let anonymous = CustomerProfile(id: "C4", firstName: "Customer", lastName: "")
  #expect(asksEmail.needlessAsk(with: facts(anonymous)) == nil)
  #expect(asksEmail.needlessAsk(with: facts(anonymous, ["it's ana@example.com"])) != nil)
}

@Test(arguments: [
  ("    when: {order.status: [shiped]}\n", 4, "unknown value 'shiped'"),
  ("    when: {order.colour: [red]}\n", 4, "unknown condition 'order.colour'"),
  ("    when: [shipped]\n", 4, "must be a mapping"),
  ("    when: {refund: maybe}\n", 4, "must be present or absent"),
  ("    when: {order.late: soon}\n", 4, "must be true or false"),
  ("    asks: [order.colour]\n", 4, "unknown fact 'order.colour'"),
])
func conditionProblemsAreReportedWithFileAndLine(extra: String, line: Int, message: String) throws {
  let fixtures = try FixtureDirectory()
  try fixtures.write("broken.yaml", "templates:\n  - id: a.b\n    text: \"Hello\"\n" + extra)
  let library = try fixtures.load()
  let issue = try #require(library.issues.first)
  #expect(library.issues.count == 1)
  #expect(issue.location.line == line, "\(issue)")
  #expect(issue.message.contains(message), "\(issue.message)")
}

@Test func conditionsAreReadFromTheFile() throws {
  let fixtures = try FixtureDirectory()
  try fixtures.write(
    "t.yaml",
    """
    templates:
      - id: a.b
        when: {order.status: [shipped, delayed], refund: absent, order.late: true, customer.membership: gold}
        asks: [order.id]
        text: "Hello"
    """)
  let template = try #require(try fixtures.load().templates.first)
  #expect(
    template.conditions
      == TemplateConditions(
        orderStatus: [.shipped, .delayed], refund: .absent, orderLate: true, membership: [.gold],
        asks: [.orderID]))
}

@Test func everyShippedTemplateThatStatesAnOrderStateDeclaresIt() throws {
  let library = try TemplateLibrary.load(directory: shippedTemplatesDirectory)
  #expect(library.issues.isEmpty, "\(library.issues)")
  var stating = 0
  for template in library.templates {
    let reading = OrderStateReading(template.text)
    let conditions = template.conditions
    if reading.statesAnything || !reading.actions.isEmpty { stating += 1 }
    if reading.actions.contains(.cancelsOrder) {
      #expect(
        conditions.orderStatus == [.processing], "\(template.id) cancels an order that may have shipped")
      #expect(!conditions.after.isEmpty, "\(template.id) reports a cancellation nobody offered")
    } else if let stated = reading.orderStatuses {
      let declared = try #require(
        conditions.orderStatus, "\(template.id) states a status without declaring it")
      #expect(declared.isSubset(of: stated), "\(template.id) declares \(declared) but states \(stated)")
    }
    if reading.actions.contains(.startsRefund) {
      #expect(conditions.refund == .absent, "\(template.id) starts a refund the order may already have")
      #expect(!conditions.after.isEmpty, "\(template.id) reports a refund nobody offered")
    } else if let stated = reading.refundStates {
      let declared: Set<StatedRefund>? =
        conditions.refundStatus.map { Set($0.compactMap { StatedRefund(rawValue: $0.rawValue) }) }
        ?? conditions.refund.map { $0 == .absent ? [.none] : Set(StatedRefund.allCases).subtracting([.none]) }
      let refund = try #require(declared, "\(template.id) states a refund state without declaring it")
      #expect(refund.isSubset(of: stated), "\(template.id) declares refund \(refund) but states \(stated)")
    }
  }
  #expect(stating >= 30)
  let asking = library.templates.filter { $0.intents.contains("verify_identity") }
  #expect(!asking.isEmpty)
  #expect(asking.allSatisfy { !$0.conditions.asks.isEmpty })
}
