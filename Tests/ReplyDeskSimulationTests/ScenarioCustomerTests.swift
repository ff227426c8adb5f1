import Foundation
import ReplyDeskCore
import ReplyDeskSimulation
import Testing

private func customer(
  _ spec: ScenarioSpec, persona: Persona = .patient, seed: UInt64 = 3, isRecontact: Bool = false
) -> ScriptedCustomer {
  var profiles = ProfileGenerator(seed: seed)
  let profile = profiles.profile(for: spec.scenario, now: fixedNow)
  return ScriptedCustomer(
    profile: profile, spec: spec, persona: persona, seed: seed, now: fixedNow, isRecontact: isRecontact)
}

@Test func aCustomerWithoutTheOrderNumberOffersTheEmail() throws {
  var spec = ScenarioSpec.builtIn(.orderCancellation)
  spec.knows = [.email]
  var someone = customer(spec)
  _ = someone.opening()
  let said = someone.respond(to: "Could you please give me your order number?")
  let reply = try #require(said)
  #expect(reply.intent == "provide_email")
  #expect(reply.text.contains(try #require(someone.profile.email)))
  #expect(someone.progress.identified)
}

@Test func aCustomerWhoKnowsNothingSaysSo() throws {
  var spec = ScenarioSpec.builtIn(.refundStatus)
  spec.knows = []
  var someone = customer(spec)
  _ = someone.opening()
  let said = someone.respond(to: "Could you confirm the email address on the order, please?")
  let reply = try #require(said)
  #expect(!reply.text.contains("@"))
  #expect(!someone.progress.identified)
}

@Test func aRecontactingCustomerSaysTheyWroteBefore() {
  let phrases = ["earlier", "second time", "again", "from before"]
  for seed in UInt64(0)..<10 {
    var someone = customer(.builtIn(.lateDelivery), persona: .patient, seed: seed, isRecontact: true)
    let opening = someone.opening()
    #expect(phrases.contains { opening.text.contains($0) }, "\(opening.text)")
    #expect(opening.intent == "delivery_late")
    #expect(someone.progress.issueStated)
  }
}

@Test func theTypoRateOfTheScenarioIsUsed() {
  func typoCount(rate: Double) -> Int {
    var spec = ScenarioSpec.builtIn(.deliveryStatus)
    spec.typoRate = rate
    spec.openingIntents = ["delivery_status"]
    return (UInt64(0)..<40).filter { seed in
      var clean = spec
      clean.typoRate = 0
      var plain = customer(clean, persona: .terse, seed: seed)
      var typing = customer(spec, persona: .terse, seed: seed)
      return plain.opening().text != typing.opening().text
    }.count
  }
  #expect(typoCount(rate: 0) == 0)
  #expect(typoCount(rate: 1) >= 30)
}

@Test func progressMovesWhenTheMatterIsAnswered() throws {
  let seed = try #require(
    (UInt64(0)..<20).first { seed in
      var probe = customer(.builtIn(.returnItem), seed: seed)
      return probe.opening().intent == "return_item"
    })
  var someone = customer(.builtIn(.returnItem), seed: seed)
  let start = someone.progress
  _ = someone.opening()
  #expect(someone.progress.isAhead(of: start))
  let opened = someone.progress
  _ = someone.respond(to: "Could you please give me your order number?")
  #expect(someone.progress.isAhead(of: opened))
  let identified = someone.progress
  _ = someone.respond(to: "The weather is lovely today.")
  #expect(!someone.progress.isAhead(of: identified))
  _ = someone.respond(
    to: "I've emailed you a prepaid return label; the refund follows once it reaches the warehouse.")
  #expect(someone.progress.settled)
}

@Test func theChannelFollowsScenarioFilesAndStopsAtTheChatLimit() throws {
  var spec = ScenarioSpec.builtIn(.addressChange)
  spec.name = "mover"
  spec.persona = .confused
  let channel = SimulatedCustomerChannel(seed: 4, speed: 10, start: fixedNow, scenarios: [spec], chatLimit: 2)
  var now = fixedNow
  var arrivals: [String] = []
  for _ in 0..<400 {
    now += 0.5
    for event in channel.poll(now: now) {
      if case .arrived(_, let scenario) = event.kind {
        arrivals.append(scenario)
        channel.close(event.chat, outcome: .abandoned, now: now)
      }
    }
  }
  #expect(arrivals == ["mover", "mover"])
  #expect(channel.startedChats.count == 2)
  #expect(channel.scenario(of: channel.startedChats[0])?.persona == .confused)
  #expect(channel.isFinished)
  #expect(channel.nextDeadline() == nil)
}

@Test func aCustomerLeftUnsettledWritesAgainInALaterChat() throws {
  let channel = SimulatedCustomerChannel(seed: 9, speed: 10, start: fixedNow)
  channel.recontactChance = 1
  var now = fixedNow
  var arrived: [(chat: ChatID, customer: String)] = []
  var messages: [ChatID: [String]] = [:]
  var closed = Set<ChatID>()
  for _ in 0..<600 where arrived.count < 2 || messages[arrived[1].chat] == nil {
    now += 0.25
    for event in channel.poll(now: now) {
      switch event.kind {
      case .arrived(let profile, _): arrived.append((event.chat, profile.id))
      case .message(let text): messages[event.chat, default: []].append(text)
      default: break
      }
    }
    if let first = arrived.first, messages[first.chat] != nil, !closed.contains(first.chat) {
      closed.insert(first.chat)
      channel.close(first.chat, outcome: .abandoned, now: now)
    }
  }
  try #require(arrived.count == 2)
  #expect(arrived[0].customer == arrived[1].customer)
  let opening = try #require(messages[arrived[1].chat]?.first)
  #expect(["earlier", "second time", "again", "from before"].contains { opening.contains($0) }, "\(opening)")
}
