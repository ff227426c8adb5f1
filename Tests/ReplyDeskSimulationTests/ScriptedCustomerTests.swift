import Foundation
import ReplyDeskCore
import ReplyDeskSimulation
import Testing

private func customer(_ scenario: Scenario, persona: Persona = .patient, seed: UInt64 = 1) -> ScriptedCustomer
{
  var profiles = ProfileGenerator(seed: seed)
  let generated = profiles.customer(for: scenario, now: fixedNow)
  return ScriptedCustomer(
    profile: generated.profile, spec: .builtIn(scenario), persona: persona, seed: seed, now: fixedNow,
    orderID: generated.orderID)
}

@Test func openingsStateTheIssueOrGreet() {
  var intents = Set<String>()
  for seed in 0..<40 {
    var someone = customer(.refundStatus, seed: UInt64(seed))
    intents.insert(someone.opening().intent)
  }
  #expect(intents == ["refund_status", "greet"])
}

@Test func givesTheOrderNumberOrEmailWhenAsked() throws {
  var someone = customer(.returnItem)
  _ = someone.opening()
  let replySaid = someone.respond(to: "Could you please give me your order number?")
  let reply = try #require(replySaid)
  #expect(reply.intent == "provide_order_id")
  #expect(reply.text.contains(someone.orderReference))
  let emailSaid = someone.respond(to: "Could you confirm the email address on the order, please?")
  let email = try #require(emailSaid)
  #expect(email.intent == "provide_email")
  #expect(email.text.contains("@"))
}

@Test func confirmsProposedActions() throws {
  var someone = customer(.returnItem, seed: 4)
  _ = someone.opening()
  let replySaid = someone.respond(to: "Would you like me to email you a prepaid return label?")
  let reply = try #require(replySaid)
  #expect(reply.intent == "return_label")
  var mover = customer(.addressChange, seed: 4)
  _ = mover.opening()
  let addressSaid = mover.respond(to: "What's the new address, please?")
  let address = try #require(addressSaid)
  #expect(address.intent == "provide_address")
  let confirmedSaid = mover.respond(to: "Shall I update the delivery address to the one you gave me?")
  let confirmed = try #require(confirmedSaid)
  #expect(confirmed.intent == "address_confirm")
}

@Test func cancellationsAreConfirmedOrSometimesDeclined() throws {
  var answers = Set<String>()
  for seed in 0..<80 {
    var someone = customer(.orderCancellation, seed: UInt64(seed))
    guard someone.order?.status == .processing else { continue }
    _ = someone.opening()
    let replySaid = someone.respond(to: "I can still cancel it. Shall I go ahead and cancel the whole order?")
    let reply = try #require(replySaid)
    answers.insert(reply.intent)
  }
  #expect(answers == ["cancel_confirm", "cancel_decline"])
}

@Test func anOnTopicAnswerLeadsToFollowUpsThenThanksThenGoodbye() throws {
  var seed: UInt64 = 0
  while customer(.refundStatus, seed: seed).order?.refund?.status != .issued { seed += 1 }
  var someone = customer(.refundStatus, seed: seed)
  _ = someone.opening()
  let replySaid = someone.respond(
    to: "Your refund of $42.50 was issued and should be on your card by Friday.")
  var reply = try #require(replySaid)
  var turns = 0
  while reply.intent != "thanks" && turns < 5 {
    #expect(["refund_when", "refund_amount"].contains(reply.intent))
    let replySaid = someone.respond(to: "Banks take 3 to 5 days to show a refund on your card.")
    reply = try #require(replySaid)
    turns += 1
  }
  #expect(reply.intent == "thanks")
  #expect(someone.outcome == .resolved)
  let noneSaid = someone.respond(to: "Is there anything else I can help you with today?")
  let none = try #require(noneSaid)
  #expect(none.intent == "nothing_else")
  let byeSaid = someone.respond(to: "Thanks for chatting with us. Have a great day!")
  let bye = try #require(byeSaid)
  #expect(bye.endsChat)
  #expect(someone.hasLeft)
  #expect(someone.respond(to: "Hello?") == nil)
}

@Test func offTopicRepliesMakeTheCustomerImpatientUntilTheyLeave() throws {
  var someone = customer(.lateDelivery, persona: .patient, seed: 3)
  _ = someone.opening()
  let firstSaid = someone.respond(to: "We accept Visa, Mastercard and gift cards.")
  let first = try #require(firstSaid)
  #expect(first.intent == someone.mainIntent)
  #expect(!first.endsChat)
  _ = someone.respond(to: "Our store opens at nine.")
  let lastSaid = someone.respond(to: "Gift cards never expire.")
  let last = try #require(lastSaid)
  #expect(last.intent == "leave")
  #expect(last.endsChat)
  #expect(someone.outcome == .abandoned)
}

@Test func holdingMessagesGetNoReply() {
  var someone = customer(.deliveryStatus)
  _ = someone.opening()
  #expect(someone.respond(to: "Give me a moment while I pull up your account.") == nil)
}

@Test func escalationIsAcceptedAndEndsEscalated() throws {
  var someone = customer(.paymentProblem, persona: .angry)
  _ = someone.opening()
  let replySaid = someone.respond(to: "I'm passing this to a supervisor now.")
  let reply = try #require(replySaid)
  #expect(reply.intent == "accept_escalation")
  #expect(someone.outcome == .escalated)
}

@Test func nudgesEndWithTheCustomerLeaving() {
  var someone = customer(.deliveryStatus, persona: .terse)
  _ = someone.opening()
  #expect(someone.nudge().endsChat == false)
  #expect(someone.nudge().endsChat == false)
  #expect(someone.nudge().endsChat)
  #expect(someone.hasLeft)
}

@Test func personasWriteDifferently() {
  func openings(_ persona: Persona) -> Set<String> {
    Set(
      (0..<30).map { seed in
        var someone = customer(.lateDelivery, persona: persona, seed: UInt64(seed))
        return someone.opening().text
      })
  }
  let terse = openings(.terse)
  let angry = openings(.angry)
  #expect(terse.count > 5 && angry.count > 5)
  #expect(terse.map(\.count).reduce(0, +) / terse.count < angry.map(\.count).reduce(0, +) / angry.count)
}
