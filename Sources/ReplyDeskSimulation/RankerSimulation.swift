import Foundation
import ReplyDeskCore

/// Plays strict scripted customers against a ranker with no one in between: the top suggestion is
/// always sent, and a reply that misinforms the customer about its order or asks again for a detail
/// it gave is recorded on the chat and never counts as moving it forward. A customer whose matter was not settled (they left, or no reply ever truly answered them)
/// may write again within 24 simulated hours, which the automation rate counts against the first chat.
/// Everything depends only on the seed, the scenarios and the ranker.
public struct RankerSimulation {
  public let ranker: any SuggestionRanker
  public let scenarios: [ScenarioSpec]
  public let seed: UInt64
  /// The longest chat, in turns, before the simulation stops it.
  public var maximumTurns = 24
  /// Chance that a customer who left unsettled writes again; half of it for one who was answered
  /// on topic but never as the ideal agent would have.
  public var recontactChance = 0.75
  /// Reads the representatives' replies by meaning for every customer when set.
  public var interpreter: ReplyInterpreter?
  /// Replies in other words by template id (`ReplyParaphrases`); when set, every correct top
  /// suggestion with one is also read as its paraphrase (see `readsParaphrase`).
  public var paraphrases: [String: String] = [:]
  private let catalog: TemplateCatalog
  private let calendar: Calendar

  static let recontactWindow: TimeInterval = 24 * 3600
  private static let personas: [(Persona, Double)] = [
    (.patient, 0.4), (.terse, 0.2), (.angry, 0.2), (.confused, 0.2),
  ]

  /// `templates` are the ones the ranker ranks, used to tell whether the ideal agent agrees.
  public init(
    ranker: any SuggestionRanker, templates: [ReplyTemplate], scenarios: [ScenarioSpec], seed: UInt64,
    calendar: Calendar = ValueFormatter.posixCalendar
  ) {
    self.ranker = ranker
    self.scenarios = scenarios.isEmpty ? ScenarioSpec.builtInLibrary : scenarios
    self.seed = seed
    self.catalog = TemplateCatalog(templates: templates)
    self.calendar = calendar
  }

  /// Runs `chats` chats, first contacts seven minutes apart from `start`, re-contacts at their time.
  public func run(chats: Int, start: Date) -> [SimulatedChat] {
    var pending: [(start: Date, contact: PlannedContact)] = []
    var finished: [SimulatedChat] = []
    var firstContacts = 0
    while finished.count < chats {
      let nextFirst = start.addingTimeInterval(Double(firstContacts) * 420)
      let contact: PlannedContact
      let time: Date
      if let due = pending.first, due.start <= nextFirst {
        (time, contact) = pending.removeFirst()
      } else {
        contact = firstContact(number: firstContacts, at: nextFirst)
        (time, firstContacts) = (nextFirst, firstContacts + 1)
      }
      var random = SeededGenerator(seed: seed ^ 0xC0_FFEE, index: finished.count)
      let chat = play(contact, number: finished.count, start: time, random: &random)
      finished.append(chat)
      if let again = recontact(after: chat, contact: contact, random: &random) {
        pending.append(again)
        pending.sort { $0.start < $1.start }
      }
    }
    return finished
  }

  /// Who writes in and about what.
  struct PlannedContact {
    var profile: CustomerProfile
    /// The order the customer writes about.
    var orderID: String
    var spec: ScenarioSpec
    var persona: Persona
    var customerSeed: UInt64
    var isRecontact: Bool
  }

  private func firstContact(number: Int, at time: Date) -> PlannedContact {
    var random = SeededGenerator(seed: seed, index: number)
    let spec = random.pick(scenarios)
    let persona = spec.persona ?? random.pick(weighted: Self.personas)
    var profiles = ProfileGenerator(seed: random.next())
    let generated = profiles.customer(for: spec.scenario, now: time)
    return PlannedContact(
      profile: generated.profile, orderID: generated.orderID, spec: spec, persona: persona,
      customerSeed: random.next() ^ spec.seed,
      isRecontact: false)
  }

  private func recontact(after chat: SimulatedChat, contact: PlannedContact, random: inout SeededGenerator)
    -> (Date, PlannedContact)?
  {
    guard !contact.isRecontact, chat.outcome != .escalated else { return nil }
    let unsettled = chat.outcome == .abandoned
    let unanswered = chat.outcome == .resolved && chat.agreedTurns == 0
    guard unsettled || unanswered, random.chance(unsettled ? recontactChance : recontactChance / 2) else {
      return nil
    }
    var again = contact
    again.isRecontact = true
    again.customerSeed = random.next()
    let delay = Double(random.int(1 * 3600...23 * 3600))
    return (chat.endedAt.addingTimeInterval(delay), again)
  }

  private func play(_ contact: PlannedContact, number: Int, start: Date, random: inout SeededGenerator)
    -> SimulatedChat
  {
    var customer = ScriptedCustomer(
      profile: contact.profile, spec: contact.spec, persona: contact.persona, seed: contact.customerSeed,
      now: start, isRecontact: contact.isRecontact, orderID: contact.orderID)
    customer.interpreter = interpreter
    var conversation = Conversation(
      id: ChatID("simulate-\(seed)-\(number + 1)"), profile: contact.profile, scenario: contact.spec.name,
      startedAt: start)
    var record = SimulatedChat(
      id: conversation.id, profile: contact.profile, orderID: contact.orderID, scenario: contact.spec.name,
      persona: contact.persona,
      isRecontact: contact.isRecontact, startedAt: start)
    var clock = start
    var utterance: CustomerUtterance? = customer.opening()
    while let said = utterance, conversation.turns.count < maximumTurns {
      clock += Double(random.int(3...12)) + Double(said.text.count) * 0.25
      conversation.append(.customer, said.text, at: clock)
      if said.endsChat { break }
      let request = RankingRequest(
        chat: conversation.id, generation: conversation.turns.count, context: conversation.turns,
        profile: contact.profile, limit: 4)
      guard let top = ranker.rank(request).suggestions.first else { break }
      clock += Double(random.int(2...6))
      conversation.append(.agent, top.text, at: clock)
      let before = (
        progress: customer.progress, slips: customer.misinformation.count + customer.reAsks.count,
        reAsks: customer.reAsks.count
      )
      let listener = customer
      let answer = customer.respond(to: top.text)
      utterance = answer ?? customer.nudge()
      let slipped = customer.misinformation.count + customer.reAsks.count > before.slips
      if slipped {
        record.slips.append(slip(of: customer, reply: top, request: request, reAsksBefore: before.reAsks))
      }
      let agreed = !slipped && catalog.candidates(for: said.intent).contains { $0.template.id == top.id }
      if agreed,
        let understood = readsParaphrase(of: top, request: request, customer: listener, answer: answer)
      {
        record.paraphrasedReplies += 1
        record.paraphrasesUnderstood += understood ? 1 : 0
      }
      record.agentTurns += 1
      record.agreedTurns += agreed ? 1 : 0
      record.forwardTurns += agreed || (!slipped && customer.progress.isAhead(of: before.progress)) ? 1 : 0
    }
    record.misinformation = customer.misinformation
    record.reAsks = customer.reAsks
    record.turns = conversation.turns
    record.outcome = customer.outcome
    record.endedAt = clock
    return record
  }

  /// The slip a reply just made: the template it came from, the customer's order as it stood, and
  /// how the suggestion list marked the reply against the order it took to be in question.
  private func slip(
    of customer: ScriptedCustomer, reply: Suggestion, request: RankingRequest, reAsksBefore: Int
  ) -> SimulatedSlip {
    let order = customer.currentOrder.map {
      "\($0.status.rawValue), refund \(StatedRefund($0.refund).rawValue)"
    }
    let problem =
      customer.reAsks.count > reAsksBefore
      ? customer.reAsks.last.map { "asked again for the \($0.rawValue)" }
      : customer.misinformation.last.map { "stated \($0.stated) (\($0.kind.rawValue)), true: \($0.actual)" }
    let facts = GroundingFacts(request: request)
    let mark =
      switch reply.grounding {
      case .holds: "holds"
      case .unknown: "no condition"
      case .contradicts(let reason): "contradicts (\(reason))"
      }
    let inQuestion =
      facts.inQuestion.order.map {
        "\($0.id == customer.order?.id ? "the customer's order" : "another order"), "
          + facts.inQuestion.basis.rawValue
      } ?? "no order"
    return SimulatedSlip(
      templateID: reply.id, problem: problem ?? "", order: order ?? "no order",
      listed: "\(mark) for \(inQuestion)")
  }

}

/// One chat of a ranker simulation and what came of it.
public struct SimulatedChat: Sendable, Equatable {
  public var id: ChatID
  public var profile: CustomerProfile
  /// The order the customer wrote about.
  public var orderID: String?
  public var customerID: String { profile.id }
  /// The scenario's name.
  public var scenario: String
  public var persona: Persona
  public var isRecontact: Bool
  public var startedAt: Date
  public var endedAt: Date = .distantPast
  public var turns: [Turn] = []
  public var outcome: SessionOutcome = .abandoned
  /// Replies sent (always the ranker's top suggestion).
  public var agentTurns = 0
  /// Replies after which the customer's matter advanced or the ideal agent would have said the same.
  public var forwardTurns = 0
  /// Replies the ideal agent would have chosen for the customer's message (never one that misinformed
  /// or asked again).
  public var agreedTurns = 0
  /// Replies that told the customer something untrue about its order, in the order sent.
  public var misinformation: [Misinformation] = []
  /// Replies that asked for a detail the customer had already given, in the order sent.
  public var reAsks: [GivenDetail] = []
  /// Every reply that misinformed or asked again, with the template it came from, in the order sent.
  public var slips: [SimulatedSlip] = []
  /// Correct replies also read in other words (`RankerSimulation.paraphrases`), and of those, the
  /// ones the customer answered as it answered the template.
  public var paraphrasedReplies = 0
  public var paraphrasesUnderstood = 0

  public init(
    id: ChatID, profile: CustomerProfile, orderID: String? = nil, scenario: String, persona: Persona,
    isRecontact: Bool, startedAt: Date
  ) {
    self.id = id
    self.profile = profile
    self.orderID = orderID
    self.scenario = scenario
    self.persona = persona
    self.isRecontact = isRecontact
    self.startedAt = startedAt
  }
}

/// A reply a strict customer objected to: the template it came from, what was wrong, and the order's
/// status and refund state when it was sent.
public struct SimulatedSlip: Sendable, Equatable {
  public var templateID: String
  /// "stated shipped or delayed (order_status), true: delivered", or "asked again for the email".
  public var problem: String
  /// "delivered, refund none".
  public var order: String
  /// How the list marked the reply, against which order in question: "holds for the customer's order,
  /// named", "contradicts (order RD-451884 is delivered) for another order, mostRecent".
  public var listed: String

  public init(templateID: String, problem: String, order: String, listed: String) {
    self.templateID = templateID
    self.problem = problem
    self.order = order
    self.listed = listed
  }
}
