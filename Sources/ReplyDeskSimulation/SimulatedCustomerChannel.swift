import Foundation
import ReplyDeskCore

/// The demo's and practice's customers: simulated customers arrive, type, and answer the
/// representative after realistic delays. With `ArrivalPlan.afterClose` one customer comes at a
/// time, the next a few seconds after a chat is closed; with `.steady` they arrive on their own
/// schedule, several at once, and one who leaves the queue is replaced by later arrivals. Time is
/// only ever passed in, so the channel is deterministic for a seed. Customers follow the given
/// scenarios; with a chat limit no one arrives after that many chats.
public final class SimulatedCustomerChannel: CustomerChannel {
  /// Makes the customer for a new chat; replace it to plug in a richer simulator.
  public typealias CustomerFactory = (CustomerArrival) -> any SimulatedCustomer

  public let descriptors: [Int32] = []
  /// 1 is real time; 2 makes every delay half as long.
  public let speed: Double
  /// Seconds a customer waits for a reply before nudging (at speed 1).
  public var patience: TimeInterval = 60
  /// When customers arrive.
  public let arrivalPlan: ArrivalPlan

  private var random: SeededGenerator
  /// Draws the steady plan's gaps, apart from `random` so a seed's customers are the same in both plans.
  private var arrivalRandom: SeededGenerator
  private var profiles: ProfileGenerator
  private let makeCustomer: CustomerFactory
  private var schedule = EventSchedule()
  /// Chat ids are `sim-<seed>-<unix ms>-<random>`: unique across runs, processes and machines.
  private let chatPrefix: String
  /// Every customer whose chat is not closed yet (one who left stays until the close).
  private var customers: [ChatID: any SimulatedCustomer] = [:]
  /// Customers who arrived and have neither left nor been closed: those the steady plan's cap counts.
  private var present: Set<ChatID> = []
  /// The steady plan's next arrival came due while the channel was full.
  private var arrivalHeld = false
  private let scenarios: [ScenarioSpec]
  private let chatLimit: Int?
  private var arrivals: [ChatID: CustomerArrival] = [:]
  /// Customers who left unsettled and will write again in a later chat.
  private var comingBack: [CustomerArrival] = []
  /// Chance that a customer who left unsettled comes back, and that a waiting one is next to arrive.
  public var recontactChance = 0.6
  /// The chats customers opened so far, in arrival order.
  public private(set) var startedChats: [ChatID] = []
  /// Chats the representative handed over; their customers rate lower.
  private var handedOver: Set<ChatID> = []

  private static let personas: [(Persona, Double)] = [
    (.patient, 0.4), (.terse, 0.2), (.angry, 0.2), (.confused, 0.2),
  ]

  /// `scenarios` must not be empty (the built-in ones are used if it is); `chatLimit` stops arrivals
  /// after that many chats; `makeCustomer` replaces the scripted customer, who reads replies by
  /// meaning through `interpreter` when one is given.
  public init(
    seed: UInt64, speed: Double = 1, start: Date, scenarios: [ScenarioSpec] = ScenarioSpec.builtInLibrary,
    chatLimit: Int? = nil, arrivals arrivalPlan: ArrivalPlan = .afterClose,
    interpreter: ReplyInterpreter? = nil,
    makeCustomer: CustomerFactory? = nil
  ) {
    self.random = SeededGenerator(seed: seed)
    self.arrivalRandom = SeededGenerator(seed: seed &+ 0xA881_7A15)
    self.profiles = ProfileGenerator(seed: seed &+ 0x5EED)
    self.speed = max(0.01, speed)
    self.arrivalPlan = arrivalPlan
    self.chatPrefix = "sim-\(seed)"
    self.makeCustomer = makeCustomer ?? { Self.scriptedCustomer($0, interpreter: interpreter) }
    self.scenarios = scenarios.isEmpty ? ScenarioSpec.builtInLibrary : scenarios
    self.chatLimit = chatLimit.map { max(0, $0) }
    if self.chatLimit != 0 { scheduleArrival(at: start.addingTimeInterval(scaled(1))) }
  }

  private static func scriptedCustomer(_ arrival: CustomerArrival, interpreter: ReplyInterpreter?)
    -> any SimulatedCustomer
  {
    var customer = ScriptedCustomer(
      profile: arrival.profile, spec: arrival.spec, persona: arrival.persona, seed: arrival.seed,
      now: arrival.time, isRecontact: arrival.isRecontact, orderID: arrival.orderID)
    customer.interpreter = interpreter
    return customer
  }

  /// The scenario the customer of `chat` follows, for the practice scorecard's policy rules.
  public func scenario(of chat: ChatID) -> ScenarioSpec? {
    arrivals[chat]?.spec
  }

  /// True once the chat limit is reached, the last chat is closed and its rating delivered.
  public var isFinished: Bool {
    customers.isEmpty && !mayArrive && schedule.nextTime == nil
  }

  public func nextDeadline() -> Date? {
    schedule.nextTime
  }

  public func poll(now: Date) -> [ChannelEvent] {
    var delivered: [ChannelEvent] = []
    while let entry = schedule.popDue(by: now) {
      switch entry.action {
      case .arrive:
        if let arrival = arriveIfRoom(at: entry.time) { delivered.append(arrival) }
      case .deliver(let event):
        delivered.append(event)
        if case .message = event.kind, entry.expectsReply {
          scheduleNudge(after: entry.time, chat: event.chat)
        }
        if case .left = event.kind { customerGone(event.chat, at: entry.time) }
      case .nudge(let chat):
        guard var customer = customers[chat], !customer.hasLeft else { continue }
        let utterance = customer.nudge()
        customers[chat] = customer
        scheduleReply(utterance, chat: chat, after: entry.time)
      }
    }
    return delivered
  }

  public func send(_ text: String, to chat: ChatID, now: Date) {
    guard var customer = customers[chat], !customer.hasLeft else { return }
    schedule.removeNudges(for: chat)
    let reply = customer.respond(to: text)
    customers[chat] = customer
    guard let reply else {
      scheduleNudge(after: now, chat: chat)
      return
    }
    let reading = scaled(1.0 + Double(text.count) * 0.015 + Double(random.int(0...20)) / 10)
    scheduleReply(
      reply, chat: chat, after: max(now, schedule.lastTime(for: chat) ?? now).addingTimeInterval(reading))
  }

  public func agentTyping(in chat: ChatID, now: Date) {
    guard customers[chat] != nil, schedule.removeNudges(for: chat) else { return }
    scheduleNudge(after: now, chat: chat)
  }

  /// The customer stays and waits for the specialist (nudging, and leaving if no one comes).
  public func handOver(_ chat: ChatID, now: Date) {
    handedOver.insert(chat)
  }

  /// Closes the chat; a resolved chat's customer rates it a few seconds later.
  public func close(_ chat: ChatID, outcome: SessionOutcome, now: Date) {
    guard let customer = customers[chat] else { return }
    defer { if outcome == .resolved { scheduleRating(by: customer, of: chat, closedAt: now) } }
    if customer.outcome == .abandoned, outcome != .escalated, var again = arrivals[chat], !again.isRecontact,
      random.chance(recontactChance)
    {
      again.isRecontact = true
      again.profile.pastContacts += 1
      comingBack.append(again)
    }
    schedule.removeAll(for: chat)
    customers[chat] = nil
    switch arrivalPlan {
    case .afterClose:
      present.remove(chat)
      let pause = scaled(Double(random.int(3...8)))
      if mayArrive { scheduleArrival(at: now.addingTimeInterval(pause)) }
    case .steady:
      customerGone(chat, at: now)
    }
  }

  /// Seconds to type `text` at speed 1: a short think, then about eight characters a second.
  public static func typingSeconds(for text: String) -> TimeInterval {
    min(15, 0.8 + Double(text.count) * 0.12)
  }

  private func scaled(_ seconds: TimeInterval) -> TimeInterval { seconds / speed }

  /// False once the chat limit is reached.
  private var mayArrive: Bool { chatLimit.map { startedChats.count < $0 } ?? true }

  private func scheduleArrival(at time: Date) {
    schedule.add(time: time, action: .arrive)
  }

  /// The arrival due at `time`; under the steady plan it holds back while the channel is full, and
  /// each arrival schedules the next.
  private func arriveIfRoom(at time: Date) -> ChannelEvent? {
    guard case .steady(let meanGap, let maxPresent) = arrivalPlan else { return arrive(at: time) }
    guard present.count < max(1, maxPresent) else {
      arrivalHeld = true
      return nil
    }
    let event = arrive(at: time)
    if mayArrive {
      let gap = ArrivalPlan.gap(mean: meanGap, using: &arrivalRandom)
      scheduleArrival(at: time.addingTimeInterval(scaled(gap)))
    }
    return event
  }

  /// `chat`'s customer left or was closed; a steady arrival held back for want of room comes a few
  /// seconds later.
  private func customerGone(_ chat: ChatID, at time: Date) {
    guard present.remove(chat) != nil, arrivalHeld, mayArrive else { return }
    arrivalHeld = false
    scheduleArrival(at: time.addingTimeInterval(scaled(Double(arrivalRandom.int(3...8)))))
  }

  private func arrive(at time: Date) -> ChannelEvent {
    let chat = ChatID.unique(chatPrefix, at: time)
    var arrival: CustomerArrival
    if !comingBack.isEmpty && random.chance(recontactChance) {
      arrival = comingBack.removeFirst()
      (arrival.seed, arrival.time) = (random.next(), time)
    } else {
      let spec = random.pick(scenarios)
      let generated = profiles.customer(for: spec.scenario, now: time)
      let persona = random.pick(weighted: Self.personas)
      arrival = CustomerArrival(
        profile: generated.profile, orderID: generated.orderID, spec: spec, persona: spec.persona ?? persona,
        seed: random.next() ^ spec.seed,
        time: time, isRecontact: false)
    }
    var customer = makeCustomer(arrival)
    let opening = customer.opening()
    customers[chat] = customer
    present.insert(chat)
    arrivals[chat] = arrival
    startedChats.append(chat)
    scheduleReply(opening, chat: chat, after: time.addingTimeInterval(scaled(1.5)))
    return ChannelEvent(chat: chat, kind: .arrived(profile: arrival.profile, scenario: arrival.spec.name))
  }

  /// Typing starts at `start`; the message follows after the typing time; `left` follows a goodbye.
  private func scheduleReply(_ utterance: CustomerUtterance, chat: ChatID, after start: Date) {
    let sent = start.addingTimeInterval(scaled(Self.typingSeconds(for: utterance.text)))
    schedule.add(time: start, action: .deliver(ChannelEvent(chat: chat, kind: .typing)), chat: chat)
    schedule.add(
      time: sent, action: .deliver(ChannelEvent(chat: chat, kind: .message(utterance.text))), chat: chat,
      expectsReply: !utterance.endsChat)
    if utterance.endsChat {
      let settled = ChannelEvent(chat: chat, kind: .left(settled: customers[chat]?.outcome != .abandoned))
      schedule.add(time: sent.addingTimeInterval(scaled(2)), action: .deliver(settled), chat: chat)
    }
  }

  private func scheduleRating(by customer: any SimulatedCustomer, of chat: ChatID, closedAt now: Date) {
    let arrived = arrivals[chat]?.time ?? now
    let score = customer.rating(
      handedOver: handedOver.contains(chat), handleSeconds: now.timeIntervalSince(arrived) * speed)
    let rated = ChannelEvent(chat: chat, kind: .rated(score: score, comment: nil))
    schedule.add(time: now.addingTimeInterval(scaled(3)), action: .deliver(rated))
  }

  private func scheduleNudge(after time: Date, chat: ChatID) {
    schedule.add(time: time.addingTimeInterval(scaled(patience)), action: .nudge(chat), chat: chat)
  }
}
