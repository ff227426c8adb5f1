import Foundation
import ReplyDeskCore
import ReplyDeskSimulation
import Testing

/// Polls `channel` at every deadline up to `until`, collecting events with the time they were due.
private func run(_ channel: SimulatedCustomerChannel, until end: Date) -> [(Date, ChannelEvent)] {
  var events: [(Date, ChannelEvent)] = []
  while let deadline = channel.nextDeadline(), deadline <= end {
    events += channel.poll(now: deadline).map { (deadline, $0) }
  }
  return events
}

private func messageText(_ event: ChannelEvent) -> String? {
  if case .message(let text) = event.kind { text } else { nil }
}

@Test func aCustomerArrivesTypesAndWrites() throws {
  let channel = SimulatedCustomerChannel(seed: 7, speed: 1, start: fixedNow)
  #expect(channel.descriptors.isEmpty)
  #expect(channel.nextDeadline() == fixedNow + 1)
  #expect(channel.poll(now: fixedNow).isEmpty)
  let events = run(channel, until: fixedNow + 30)
  #expect(events.count == 3)
  guard case .arrived(let profile, let scenario) = events[0].1.kind else {
    Issue.record("expected an arrival first")
    return
  }
  #expect(Scenario(rawValue: scenario) != nil)
  #expect(!profile.orders.isEmpty)
  #expect(events[1].1.kind == .typing)
  #expect(events[1].0 == fixedNow + 2.5)
  let text = try #require(messageText(events[2].1))
  #expect(events[2].0 == events[1].0 + SimulatedCustomerChannel.typingSeconds(for: text))
  #expect(Set(events.map(\.1.chat)).count == 1)
}

@Test func typingTimeGrowsWithLengthAndSpeedScalesEveryDelay() throws {
  #expect(
    SimulatedCustomerChannel.typingSeconds(for: "ok")
      < SimulatedCustomerChannel.typingSeconds(for: "Where is my refund for order RD-123456?"))
  let normal = run(SimulatedCustomerChannel(seed: 3, speed: 1, start: fixedNow), until: fixedNow + 50)
  let fast = run(SimulatedCustomerChannel(seed: 3, speed: 2, start: fixedNow), until: fixedNow + 25)
  #expect(normal.count == 3)
  #expect(normal.compactMap { messageText($0.1) } == fast.compactMap { messageText($0.1) })
  for (slow, quick) in zip(normal, fast) {
    #expect(abs(quick.0.timeIntervalSince(fixedNow) * 2 - slow.0.timeIntervalSince(fixedNow)) < 0.001)
  }
}

@Test func theCustomerAnswersTheRepresentative() throws {
  let channel = SimulatedCustomerChannel(seed: 11, speed: 4, start: fixedNow)
  var events = run(channel, until: fixedNow + 20)
  let chat = try #require(events.first?.1.chat)
  let now = try #require(events.last?.0)
  channel.send("Could you please give me your order number?", to: chat, now: now)
  events = run(channel, until: now + 30)
  #expect(events.first?.1.kind == .typing)
  #expect(events.first.map { $0.0 > now } == true)
  let reply = try #require(events.compactMap { messageText($0.1) }.first)
  #expect(reply.contains("RD-"))
}

@Test func aGoodbyeIsFollowedByLeaving() throws {
  let channel = SimulatedCustomerChannel(seed: 5, speed: 4, start: fixedNow)
  let opened = run(channel, until: fixedNow + 20)
  let chat = try #require(opened.first?.1.chat)
  channel.send("Thanks for chatting with us. Have a great day!", to: chat, now: fixedNow + 20)
  let events = run(channel, until: fixedNow + 40)
  #expect(events.map(\.1.kind).last == .left(settled: false), "a goodbye before any help settles nothing")
  #expect(events.count == 3)
}

@Test func anUnansweredCustomerNudgesThenLeaves() throws {
  let channel = SimulatedCustomerChannel(seed: 8, speed: 1, start: fixedNow)
  let events = run(channel, until: fixedNow + 600)
  let messages = events.compactMap { messageText($0.1) }
  #expect(messages.count == 4)
  #expect(events.last?.1.kind == .left(settled: false))
  #expect(channel.nextDeadline() == nil)
}

@Test func representativeTypingPostponesTheNudge() throws {
  let channel = SimulatedCustomerChannel(seed: 8, speed: 1, start: fixedNow)
  let opened = run(channel, until: fixedNow + 30)
  let chat = try #require(opened.first?.1.chat)
  let nudgeAt = try #require(channel.nextDeadline())
  channel.agentTyping(in: chat, now: nudgeAt - 5)
  #expect(channel.nextDeadline() == nudgeAt - 5 + channel.patience)
}

@Test func closingAChatBringsTheNextCustomerAFewSecondsLater() throws {
  let channel = SimulatedCustomerChannel(seed: 2, speed: 1, start: fixedNow)
  let first = run(channel, until: fixedNow + 30)
  let chat = try #require(first.first?.1.chat)
  channel.close(chat, outcome: .abandoned, now: fixedNow + 30)
  let next = try #require(channel.nextDeadline())
  #expect(next >= fixedNow + 33 && next <= fixedNow + 38)
  let events = channel.poll(now: next)
  guard case .arrived = events.first?.kind else {
    Issue.record("expected the next customer")
    return
  }
  #expect(events.first?.chat != chat)
  channel.send("Hello?", to: chat, now: next)
  #expect(run(channel, until: next + 20).allSatisfy { $0.1.chat != chat })
}

@Test func aResolvedChatIsRatedAFewSecondsLaterAndAHandOverRatesLower() throws {
  var scores: [Int] = []
  for handedOver in [false, true] {
    let channel = SimulatedCustomerChannel(seed: 2, speed: 1, start: fixedNow)
    let chat = try #require(run(channel, until: fixedNow + 30).first?.1.chat)
    if handedOver { channel.handOver(chat, now: fixedNow + 20) }
    channel.close(chat, outcome: .resolved, now: fixedNow + 30)
    let rated = channel.poll(now: fixedNow + 33).first { $0.chat == chat }
    guard case .rated(let score, nil)? = rated?.kind else {
      Issue.record("expected a rating 3 s after the close, got \(String(describing: rated))")
      return
    }
    scores.append(score)
  }
  #expect(scores == [4, 2], "unsettled costs 1, a hand-over 2 more")
}

@Test func ratingsReflectHowTheChatWent() {
  func score(
    settled: Bool = true, handedOver: Bool = false, misinformed: Int = 0, nudges: Int = 0,
    seconds: Double = 90
  )
    -> Int
  {
    SatisfactionRating.score(
      settled: settled, handedOver: handedOver, misinformed: misinformed, reAsks: 0, nudges: nudges,
      handleSeconds: seconds)
  }
  #expect(score() == 5)
  #expect(score(seconds: 400) == 4)
  #expect(score(misinformed: 1) == 3)
  #expect(score(misinformed: 2) == 2)
  #expect(score(handedOver: true) == 3)
  #expect(score(settled: false, handedOver: true, misinformed: 3, nudges: 2, seconds: 900) == 1)
}

@Test func theSameSeedReplaysTheSameEvents() {
  let first = run(SimulatedCustomerChannel(seed: 99, speed: 1, start: fixedNow), until: fixedNow + 900)
  let second = run(SimulatedCustomerChannel(seed: 99, speed: 1, start: fixedNow), until: fixedNow + 900)
  #expect(first.map(\.0) == second.map(\.0))
  #expect(first.map(\.1.kind) == second.map(\.1.kind))
  #expect(chatOrder(first) == chatOrder(second), "the same events go to the same chats")
  #expect(
    Set(first.map(\.1.chat)).isDisjoint(with: second.map(\.1.chat)), "chat ids never repeat across runs")
}

/// Each event's chat as its number in order of first appearance.
private func chatOrder(_ events: [(Date, ChannelEvent)]) -> [Int] {
  var numbers: [ChatID: Int] = [:]
  return events.map { _, event in
    if let number = numbers[event.chat] { return number }
    numbers[event.chat] = numbers.count
    return numbers.count - 1
  }
}

/// The demo's plan: a customer about every 20 s at speed 1, at most 3 at once.
private let steady = ArrivalPlan.steady(meanGap: 20, maxPresent: 3)

private func arrivals(_ events: [(Date, ChannelEvent)]) -> [(Date, ChatID)] {
  events.compactMap { time, event in
    if case .arrived = event.kind { (time, event.chat) } else { nil }
  }
}

@Test func steadyArrivalsComeWithoutAnyCloseAndAreTheSameForASeed() {
  let first = run(SimulatedCustomerChannel(seed: 4, start: fixedNow, arrivals: steady), until: fixedNow + 50)
  let second = run(SimulatedCustomerChannel(seed: 4, start: fixedNow, arrivals: steady), until: fixedNow + 50)
  let times = arrivals(first).map(\.0)
  #expect(times.count >= 2, "several customers arrive while no chat is closed: \(times)")
  #expect(times == arrivals(second).map(\.0))
  #expect(first.map(\.1.kind) == second.map(\.1.kind))
  for (earlier, later) in zip(times, times.dropFirst()) {
    #expect(
      later.timeIntervalSince(earlier) >= 4 && later.timeIntervalSince(earlier) <= 60, "gaps stay near 20 s")
  }
  let other = run(SimulatedCustomerChannel(seed: 5, start: fixedNow, arrivals: steady), until: fixedNow + 50)
  #expect(arrivals(other).map(\.0) != times, "another seed, another schedule")
}

@Test func steadyArrivalsStopAtTheCapAndALeftCustomerIsReplaced() throws {
  let channel = SimulatedCustomerChannel(seed: 4, start: fixedNow, arrivals: steady)
  // Nobody answers: after a few nudges every customer leaves, and later arrivals take their place.
  let events = run(channel, until: fixedNow + 1_200)
  var present = 0
  var most = 0
  for (_, event) in events {
    if case .arrived = event.kind { present += 1 }
    if case .left = event.kind { present -= 1 }
    most = max(most, present)
  }
  #expect(most == 3, "never more than three at once")
  let left = events.filter { if case .left = $0.1.kind { true } else { false } }
  let firstLeft = try #require(left.first)
  #expect(
    arrivals(events).contains { $0.0 > firstLeft.0 && $0.0 <= firstLeft.0 + 8 },
    "a held-back customer arrives within 8 s of one leaving")
  #expect(arrivals(events).count > 6, "the demo keeps going: \(arrivals(events).count) arrivals")
}

@Test func steadyCustomersAnswerInTheirOwnChats() throws {
  let channel = SimulatedCustomerChannel(seed: 4, speed: 4, start: fixedNow, arrivals: steady)
  let opened = run(channel, until: fixedNow + 12)
  let chats = arrivals(opened).map(\.1)
  try #require(chats.count >= 2)
  try #require(
    opened.contains { messageText($0.1) != nil && $0.1.chat == chats[1] }, "the second has written")
  let now = try #require(opened.last?.0)
  channel.send("Could you please give me your order number?", to: chats[1], now: now)
  let later = run(channel, until: now + 8)
  let reply = try #require(later.first { messageText($0.1) != nil && $0.1.chat == chats[1] })
  #expect(messageText(reply.1)?.lowercased().contains("order") == true, "it answers the question: \(later)")
  channel.close(chats[0], outcome: .abandoned, now: now + 8)
  #expect(run(channel, until: now + 30).allSatisfy { $0.1.chat != chats[0] }, "a closed chat stays quiet")
}
