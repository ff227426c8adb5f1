import Foundation
import ReplyDeskCore

/// The demo's customers: one simulated customer at a time arrives, types, and answers the
/// representative after realistic delays; after a chat is closed the next customer arrives a few
/// seconds later. Time is only ever passed in, so the channel is deterministic for a seed.
public final class SimulatedCustomerChannel: CustomerChannel {
  /// Makes the customer for a new chat; replace it to plug in a richer simulator.
  public typealias CustomerFactory = (CustomerProfile, Scenario, Persona, UInt64, Date) ->
    any SimulatedCustomer

  public let descriptors: [Int32] = []
  /// 1 is real time; 2 makes every delay half as long.
  public let speed: Double
  /// Seconds a customer waits for a reply before nudging (at speed 1).
  public var patience: TimeInterval = 60

  private var random: SeededGenerator
  private var profiles: ProfileGenerator
  private let makeCustomer: CustomerFactory
  private var schedule = EventSchedule()
  private var chatNumber = 0
  /// Makes chat ids unique across runs with different seeds or start times.
  private let chatPrefix: String
  private var current: (chat: ChatID, customer: any SimulatedCustomer)?

  private static let personas: [(Persona, Double)] = [
    (.patient, 0.4), (.terse, 0.2), (.angry, 0.2), (.confused, 0.2),
  ]

  public init(seed: UInt64, speed: Double = 1, start: Date, makeCustomer: CustomerFactory? = nil) {
    self.random = SeededGenerator(seed: seed)
    self.profiles = ProfileGenerator(seed: seed &+ 0x5EED)
    self.speed = max(0.01, speed)
    self.chatPrefix = "sim-\(seed)-\(Int(start.timeIntervalSince1970))"
    self.makeCustomer =
      makeCustomer ?? { profile, scenario, persona, seed, now in
        ScriptedCustomer(profile: profile, scenario: scenario, persona: persona, seed: seed, now: now)
      }
    scheduleArrival(at: start.addingTimeInterval(scaled(1)))
  }

  public func nextDeadline() -> Date? {
    schedule.nextTime
  }

  public func poll(now: Date) -> [ChannelEvent] {
    var delivered: [ChannelEvent] = []
    while let entry = schedule.popDue(by: now) {
      switch entry.action {
      case .arrive: delivered.append(arrive(at: entry.time))
      case .deliver(let event):
        delivered.append(event)
        if case .message = event.kind, entry.expectsReply {
          scheduleNudge(after: entry.time, chat: event.chat)
        }
      case .nudge(let chat):
        guard var customer = current?.customer, current?.chat == chat, !customer.hasLeft else { continue }
        let utterance = customer.nudge()
        current?.customer = customer
        scheduleReply(utterance, chat: chat, after: entry.time)
      }
    }
    return delivered
  }

  public func send(_ text: String, to chat: ChatID, now: Date) {
    guard var customer = current?.customer, current?.chat == chat, !customer.hasLeft else { return }
    schedule.removeNudges(for: chat)
    let reply = customer.respond(to: text)
    current?.customer = customer
    guard let reply else {
      scheduleNudge(after: now, chat: chat)
      return
    }
    let reading = scaled(1.0 + Double(text.count) * 0.015 + Double(random.int(0...20)) / 10)
    scheduleReply(
      reply, chat: chat, after: max(now, schedule.lastTime(for: chat) ?? now).addingTimeInterval(reading))
  }

  public func agentTyping(in chat: ChatID, now: Date) {
    guard current?.chat == chat, schedule.removeNudges(for: chat) else { return }
    scheduleNudge(after: now, chat: chat)
  }

  public func close(_ chat: ChatID, outcome: SessionOutcome, now: Date) {
    guard current?.chat == chat else { return }
    schedule.removeAll(for: chat)
    current = nil
    scheduleArrival(at: now.addingTimeInterval(scaled(Double(random.int(3...8)))))
  }

  /// Seconds to type `text` at speed 1: a short think, then about eight characters a second.
  public static func typingSeconds(for text: String) -> TimeInterval {
    min(15, 0.8 + Double(text.count) * 0.12)
  }

  private func scaled(_ seconds: TimeInterval) -> TimeInterval { seconds / speed }

  private func scheduleArrival(at time: Date) {
    schedule.add(time: time, action: .arrive)
  }

  private func arrive(at time: Date) -> ChannelEvent {
    chatNumber += 1
    let chat = ChatID("\(chatPrefix)-\(chatNumber)")
    let scenario = random.pick(Scenario.allCases)
    let profile = profiles.profile(for: scenario, now: time)
    var customer = makeCustomer(profile, scenario, random.pick(weighted: Self.personas), random.next(), time)
    let opening = customer.opening()
    current = (chat, customer)
    scheduleReply(opening, chat: chat, after: time.addingTimeInterval(scaled(1.5)))
    return ChannelEvent(chat: chat, kind: .arrived(profile: profile, scenario: scenario.rawValue))
  }

  /// Typing starts at `start`; the message follows after the typing time; `left` follows a goodbye.
  private func scheduleReply(_ utterance: CustomerUtterance, chat: ChatID, after start: Date) {
    let sent = start.addingTimeInterval(scaled(Self.typingSeconds(for: utterance.text)))
    schedule.add(time: start, action: .deliver(ChannelEvent(chat: chat, kind: .typing)), chat: chat)
    schedule.add(
      time: sent, action: .deliver(ChannelEvent(chat: chat, kind: .message(utterance.text))), chat: chat,
      expectsReply: !utterance.endsChat)
    if utterance.endsChat {
      let settled = ChannelEvent(chat: chat, kind: .left(settled: current?.customer.outcome != .abandoned))
      schedule.add(time: sent.addingTimeInterval(scaled(2)), action: .deliver(settled), chat: chat)
    }
  }

  private func scheduleNudge(after time: Date, chat: ChatID) {
    schedule.add(time: time.addingTimeInterval(scaled(patience)), action: .nudge(chat), chat: chat)
  }
}
