import Foundation
import ReplyDeskCore

/// A customer that follows a scenario: states the issue, gives the order number or email when
/// asked, confirms proposed actions (now and then declines a cancellation), asks follow-ups once
/// answered, gets impatient with off-topic replies and says thanks and goodbye once settled.
///
/// It is strict about its order (the order in question): a reply stating a status or refund state
/// that order is not in, or answering about another of its orders once it named its own, is
/// misinformation; a request for a detail it already gave is a re-ask. It says so ("That's not right,
/// my order was delivered on Monday.", "I already gave you that: RD-123456."), neither counts as
/// progress, and misinformed twice it may ask for a supervisor, three times it may leave.
public struct ScriptedCustomer: SimulatedCustomer {
  public let profile: CustomerProfile
  /// The order the customer writes about, as the profile has it.
  public let order: Order?
  /// The order's id as this customer writes it: "RD-451884", "451884", "#451884", "rd451884"...
  public let orderReference: String
  public let scenario: Scenario
  /// The scenario file (or built-in scenario) the customer follows.
  public let spec: ScenarioSpec
  public let persona: Persona
  /// The customer is writing again because an earlier chat did not settle the matter.
  public let isRecontact: Bool
  /// The customer's main intent, for example "double_charge" for a payment problem.
  public let mainIntent: String
  public private(set) var hasLeft = false
  private var pendingFollowUps: [String]
  private var issueStated = false
  /// The issue was stated other than as a complaint about an off-topic reply.
  private var issueHeard = false
  var identified = false
  private var answeredFollowUps = 0
  private var settled = false
  private var escalated = false
  private var impatience = 0
  private var nudges = 0
  /// How often the customer had to nudge for an answer.
  var nudgeCount: Int { nudges }
  var phrasebook: Phrasebook
  var grounding: GroundingMemory
  var random: SeededGenerator
  /// Reads the representative's replies by meaning; without one the customer reads their keywords.
  public var interpreter: ReplyInterpreter?
  /// The chat so far as the customer saw it, for the interpreter.
  var transcript: [Turn] = []
  /// When the chat started.
  let startedAt: Date

  public init(profile: CustomerProfile, scenario: Scenario, persona: Persona, seed: UInt64, now: Date) {
    self.init(profile: profile, spec: .builtIn(scenario), persona: persona, seed: seed, now: now)
  }

  /// A customer following `spec` about the order `orderID` (the profile's most recent order when nil
  /// or not in the profile); a re-contacting customer opens by saying they wrote before.
  public init(
    profile: CustomerProfile, spec: ScenarioSpec, persona: Persona, seed: UInt64, now: Date,
    isRecontact: Bool = false, orderID: String? = nil
  ) {
    var random = SeededGenerator(seed: seed)
    let order = profile.orders.first { $0.id == orderID } ?? profile.focusOrder
    self.profile = profile
    self.order = order
    self.scenario = spec.scenario
    self.spec = spec
    self.persona = persona
    self.isRecontact = isRecontact
    self.mainIntent = random.pick(spec.openingIntents)
    let followUps = spec.followUps.filter { Self.canAsk($0, about: order) }
      .shuffled(using: &random)
    self.pendingFollowUps = Array(followUps.prefix(random.pick(weighted: [(0, 0.35), (1, 0.45), (2, 0.2)])))
    var addresses = ProfileGenerator(seed: seed &+ 1)
    let newAddress = addresses.freshAddress(like: profile)
    let forms = order.map { OrderReference.forms(of: $0.id) } ?? [""]
    self.orderReference =
      forms.count == 1 ? forms[0] : random.pick(weighted: Array(zip(forms, [0.45, 0.2, 0.15, 0.1, 0.1])))
    self.phrasebook = Phrasebook(
      persona: persona, profile: profile, order: order, reference: orderReference,
      knowsNumber: spec.knows.contains(.orderNumber),
      naming: Self.naming(spec, order: order, profile: profile), newAddress: newAddress, now: now,
      typoRate: spec.typoRate)
    self.grounding = GroundingMemory(order: order, profile: profile, now: now)
    self.random = random
    self.startedAt = now
  }

  /// Replies so far that told the customer something untrue about its order.
  public var misinformation: [Misinformation] { grounding.misinformation }
  /// Replies so far that asked for a detail the customer had already given.
  public var reAsks: [GivenDetail] { grounding.reAsks }

  /// How far the customer's matter has come, to tell whether a reply moved the chat forward.
  public var progress: CustomerProgress {
    CustomerProgress(
      issueStated: issueHeard, identified: identified, settled: settled,
      followUpsAnswered: answeredFollowUps, leftSettled: hasLeft && settled)
  }

  /// Whether a follow-up makes sense for the order: no tracking question without a tracking number,
  /// no question about the money back from a cancellation for an order that cannot be cancelled.
  private static func canAsk(_ followUp: String, about order: Order?) -> Bool {
    switch followUp {
    case CustomerIntent.tracking: return order?.trackingNumber != nil
    case CustomerIntent.deliveryWindow: return order?.deliveryWindow != nil
    case CustomerIntent.refundWhen: return order?.refund.map { $0.status != .rejected } ?? false
    case CustomerIntent.refundAmount: return order?.refund != nil
    case CustomerIntent.cancelRefund:
      return order.map { [.processing, .cancelled].contains($0.status) } ?? false
    default: return true
    }
  }

  public var outcome: SessionOutcome {
    escalated ? .escalated : settled ? .resolved : .abandoned
  }

  public mutating func opening() -> CustomerUtterance {
    let first = firstMessage()
    remember(.customer, first.text)
    return first
  }

  private mutating func firstMessage() -> CustomerUtterance {
    if isRecontact {
      let again = say("recontact", as: mainIntent)
      return CustomerUtterance(text: again.text + " " + stateIssue().text, intent: mainIntent)
    }
    if spec.namesOrder != .orderNumber && random.chance(persona == .terse ? 0.1 : 0.25) {
      return say(CustomerIntent.greet)
    }
    return stateIssue()
  }

  public mutating func respond(to agentText: String) -> CustomerUtterance? {
    guard !hasLeft else { return nil }
    let reading = understand(agentText)
    remember(.agent, agentText)
    let answer = answer(agentText, reading: reading)
    if let answer { remember(.customer, answer.text) }
    return answer
  }

  private mutating func answer(_ agentText: String, reading: AgentMessageReading) -> CustomerUtterance? {
    switch grounding.judge(agentText, reading: reading) {
    case .misinformation(let wrong)?: return object(to: wrong)
    case .reAsk(let detail)?: return answerAgain(detail)
    case nil: break
    }
    if reading.farewell { return say(CustomerIntent.goodbye, leaving: true) }
    if reading.asksOrderNumber { return identify(preferring: .orderNumber) }
    if reading.asksEmail { return identify(preferring: .email) }
    if reading.asksAddress { return say(CustomerIntent.provideAddress) }
    if reading.asksAnythingElse { return answerAnythingElse() }
    if reading.asksPresence { return say(CustomerIntent.confirm) }
    if let topic = reading.confirmation { return confirm(topic) }
    if reading.escalation {
      (escalated, settled) = (true, true)
      return say(CustomerIntent.acceptEscalation)
    }
    if reading.asksIssue { return stateIssue() }
    if reading.onTopic {
      impatience = 0
      if persona == .angry && !settled && random.chance(0.12) { return say(CustomerIntent.escalate) }
      settled = true
      return pendingFollowUps.isEmpty ? say(CustomerIntent.thanks) : askFollowUp()
    }
    if reading.holding { return nil }
    return complain()
  }

  /// Reads a reply that another follows at once: notes whether it misinforms or asks again, and
  /// answers nothing.
  public mutating func hear(_ agentText: String) {
    guard !hasLeft else { return }
    let reading = understand(agentText)
    _ = grounding.judge(agentText, reading: reading)
    remember(.agent, agentText)
  }

  public mutating func nudge() -> CustomerUtterance {
    nudges += 1
    let nudge =
      nudges >= 3 ? say(CustomerIntent.leave, leaving: true) : say("nudge", as: CustomerIntent.impatient)
    remember(.customer, nudge.text)
    return nudge
  }

  private mutating func stateIssue(complaining: Bool = false) -> CustomerUtterance {
    issueStated = true
    if !complaining { issueHeard = true }
    return say(mainIntent)
  }

  private mutating func answerAnythingElse() -> CustomerUtterance {
    guard settled || issueStated else { return stateIssue() }
    guard settled else { return complain() }
    if !pendingFollowUps.isEmpty { return askFollowUp() }
    return say(CustomerIntent.nothingElse)
  }

  private mutating func askFollowUp() -> CustomerUtterance {
    let intent = pendingFollowUps.removeFirst()
    answeredFollowUps += 1
    let text = phrasebook.line(intent, followUp: true, random: &random) ?? "And one more thing about that?"
    noteGiven(text)
    return CustomerUtterance(text: text, intent: intent)
  }

  private mutating func confirm(_ topic: AgentMessageReading.ConfirmationTopic) -> CustomerUtterance {
    guard issueStated || topic != .general else { return stateIssue() }
    guard Self.offerFits(topic, scenario: scenario) else { return complain(opening: "decline_unrelated") }
    (issueStated, issueHeard) = (true, true)
    switch topic {
    case .cancel:
      if random.chance(0.12) {
        settled = true
        pendingFollowUps.removeAll { $0 == CustomerIntent.cancelRefund }
        return say("decline", as: CustomerIntent.cancelDecline)
      }
      grounding.cancellationConfirmed()
      return say(CustomerIntent.confirm, as: CustomerIntent.cancelConfirm)
    case .returnLabel: return say(CustomerIntent.confirm, as: CustomerIntent.returnLabel)
    case .address: return say(CustomerIntent.confirm, as: CustomerIntent.addressConfirm)
    case .refund:
      grounding.refundConfirmed()
      return say(CustomerIntent.confirm, as: CustomerIntent.refundStart)
    case .callback:
      (escalated, settled) = (true, true)
      return say(CustomerIntent.confirm, as: CustomerIntent.acceptEscalation)
    case .general: return say(CustomerIntent.confirm)
    }
  }

  /// An off-topic reply: the customer repeats the question, asks for a manager, or leaves. It
  /// opens with `opening`'s lines (an impatient remark, or turning down an unrelated offer).
  private mutating func complain(opening: String = CustomerIntent.impatient) -> CustomerUtterance {
    impatience += 1
    if impatience >= (persona == .angry ? 2 : 3) { return say(CustomerIntent.leave, leaving: true) }
    if persona == .angry && random.chance(0.5) { return say(CustomerIntent.escalate) }
    let complaint = say(opening)
    let issue = stateIssue(complaining: true)
    return CustomerUtterance(text: complaint.text + " " + issue.text, intent: mainIntent)
  }

  mutating func say(_ lines: String, as intent: String? = nil, leaving: Bool = false)
    -> CustomerUtterance
  {
    if leaving { hasLeft = true }
    let text = phrasebook.line(lines, random: &random) ?? "Okay."
    noteGiven(text)
    return CustomerUtterance(text: text, intent: intent ?? lines, endsChat: leaving)
  }
}
