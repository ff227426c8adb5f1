import ReplyDeskCore

/// How a strict customer names its order, and how it reacts to replies that get the order wrong or
/// ask again for what it gave.
extension ScriptedCustomer {
  /// The customer's order as the chat has left it (a confirmed cancellation cancelled it).
  var currentOrder: Order? { grounding.order }

  /// How the customer names its order when stating the issue: as the scenario asks, else by number
  /// or item whenever another order of the profile could be meant (see `isUnambiguous`).
  static func naming(_ spec: ScenarioSpec, order: Order?, profile: CustomerProfile) -> IssueNaming {
    switch spec.namesOrder {
    case .orderNumber: return spec.knows.contains(.orderNumber) ? .number : .item
    case .item: return .item
    case .any: return order.map { isUnambiguous($0, in: profile) } ?? true ? .free : .numberOrItem
    }
  }

  /// Whether a representative can tell `order` is meant without the customer naming it: it is the
  /// profile's most recent order and no other order is still open (processing, shipped or delayed).
  public static func isUnambiguous(_ order: Order, in profile: CustomerProfile) -> Bool {
    let open: Set<OrderStatus> = [.processing, .shipped, .delayed]
    return profile.orders.allSatisfy { other in
      other.id == order.id || (other.placedOn < order.placedOn && !open.contains(other.status))
    }
  }

  /// Whether an action the representative offers belongs to the customer's matter: a customer
  /// asking where its parcel is turns down a refund or a cancellation it never asked about. An offer
  /// fits when its action's word is among the scenario's topic words.
  static func offerFits(_ topic: AgentMessageReading.ConfirmationTopic, scenario: Scenario) -> Bool {
    let words = scenario.topicWords
    switch topic {
    case .cancel: return words.contains("cancel")
    case .refund: return words.contains("refund")
    case .returnLabel: return words.contains("return") || words.contains("label")
    case .address, .callback, .general: return true
    }
  }

  /// A reply that got the order wrong: the customer says what is true (or, told its order is
  /// cancelled, that it never agreed to that); told wrong twice it may ask for a supervisor, three
  /// times it may leave.
  mutating func object(to wrong: Misinformation) -> CustomerUtterance {
    let times = grounding.misinformation.count
    if times >= 3 && random.chance(0.5) { return say(CustomerIntent.leave, leaving: true) }
    if times >= 2 && random.chance(persona == .angry ? 0.6 : 0.3) {
      return say("misinformed_again", as: CustomerIntent.escalate)
    }
    switch wrong.kind {
    case .wrongOrder: return say("wrong_order", as: mainIntent)
    case .orderStatus where wrong.stated == OrderStatus.cancelled.rawValue:
      return say("contradict_not_cancelled", as: mainIntent)
    case .orderStatus: return say("contradict_\(wrong.actual)", as: mainIntent)
    case .refundStatus: return say("contradict_refund_\(wrong.actual)", as: mainIntent)
    }
  }

  /// A request for a detail the customer already gave (or said it does not have): answered again,
  /// with irritation.
  mutating func answerAgain(_ detail: GivenDetail) -> CustomerUtterance {
    guard grounding.given.contains(detail) else { return say("reask_unknown", as: CustomerIntent.confirm) }
    switch detail {
    case .orderNumber: return say("reask_order_number", as: CustomerIntent.provideOrderID)
    case .email: return say("reask_email", as: CustomerIntent.provideEmail)
    case .address: return say("reask_address", as: CustomerIntent.provideAddress)
    }
  }

  /// Gives the asked-for detail when the customer knows it, else the other one, else apologises.
  mutating func identify(preferring fact: CustomerFact) -> CustomerUtterance {
    let order = (fact: CustomerFact.orderNumber, intent: CustomerIntent.provideOrderID, fallback: "no_email")
    let email = (fact: CustomerFact.email, intent: CustomerIntent.provideEmail, fallback: "no_order_number")
    let (asked, other) = fact == .orderNumber ? (order, email) : (email, order)
    if spec.knows.contains(asked.fact) {
      identified = true
      return say(asked.intent)
    }
    grounding.answered(fact == .orderNumber ? .orderNumber : .email)
    if spec.knows.contains(other.fact) {
      identified = true
      return say(other.fallback, as: other.intent)
    }
    grounding.answered(fact == .orderNumber ? .email : .orderNumber)
    return say("no_details", as: CustomerIntent.confirm)
  }

  /// Notes the details a message of the customer's gives; one that gives the order number or email
  /// identifies the customer.
  mutating func noteGiven(_ text: String) {
    grounding.customerSaid(text, newAddress: phrasebook.newAddress)
    if !grounding.given.isDisjoint(with: [.orderNumber, .email]) { identified = true }
  }
}
