import Foundation
import ReplyDeskCore

/// One thing a simulated customer says, with the intent it expresses.
public struct CustomerUtterance: Sendable, Equatable {
  public var text: String
  /// The customer's intent, in the vocabulary of the templates' `intents` (for example "refund_when").
  public var intent: String
  /// The customer leaves after this message.
  public var endsChat: Bool

  public init(text: String, intent: String, endsChat: Bool = false) {
    self.text = text
    self.intent = intent
    self.endsChat = endsChat
  }
}

/// A simulated customer the demo channel and the transcript generator can talk to. The scripted
/// customer implements it with keyword matching; a richer simulator can replace it.
public protocol SimulatedCustomer: Sendable {
  var profile: CustomerProfile { get }
  var scenario: Scenario { get }
  /// True once the customer has left.
  var hasLeft: Bool { get }
  /// How the chat ends if it ends now.
  var outcome: SessionOutcome { get }
  /// The first message of the chat.
  mutating func opening() -> CustomerUtterance
  /// The reply to a representative's message, or nil when the customer just waits for more.
  mutating func respond(to agentText: String) -> CustomerUtterance?
  /// What the customer says after waiting too long for an answer (leaving after a few nudges).
  mutating func nudge() -> CustomerUtterance
}

/// A customer that follows a scenario: states the issue, gives the order number or email when
/// asked, confirms proposed actions (now and then declines a cancellation), asks follow-ups once
/// answered, gets impatient with off-topic replies and says thanks and goodbye once settled.
public struct ScriptedCustomer: SimulatedCustomer {
  public let profile: CustomerProfile
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
  private var identified = false
  private var answeredFollowUps = 0
  private var settled = false
  private var escalated = false
  private var impatience = 0
  private var nudges = 0
  private var phrasebook: Phrasebook
  private var random: SeededGenerator

  public init(profile: CustomerProfile, scenario: Scenario, persona: Persona, seed: UInt64, now: Date) {
    self.init(profile: profile, spec: .builtIn(scenario), persona: persona, seed: seed, now: now)
  }

  /// A customer following `spec`; a re-contacting customer opens by saying they wrote before.
  public init(
    profile: CustomerProfile, spec: ScenarioSpec, persona: Persona, seed: UInt64, now: Date,
    isRecontact: Bool = false
  ) {
    var random = SeededGenerator(seed: seed)
    self.profile = profile
    self.scenario = spec.scenario
    self.spec = spec
    self.persona = persona
    self.isRecontact = isRecontact
    self.mainIntent = random.pick(spec.openingIntents)
    let followUps = spec.followUps.filter { Self.canAsk($0, about: profile.focusOrder) }
      .shuffled(using: &random)
    self.pendingFollowUps = Array(followUps.prefix(random.pick(weighted: [(0, 0.35), (1, 0.45), (2, 0.2)])))
    var addresses = ProfileGenerator(seed: seed &+ 1)
    let newAddress = addresses.freshAddress(like: profile)
    self.phrasebook = Phrasebook(
      persona: persona, profile: profile, newAddress: newAddress, now: now, typoRate: spec.typoRate)
    self.random = random
  }

  /// How far the customer's matter has come, to tell whether a reply moved the chat forward.
  public var progress: CustomerProgress {
    CustomerProgress(
      issueStated: issueHeard, identified: identified, settled: settled,
      followUpsAnswered: answeredFollowUps, leftSettled: hasLeft && settled)
  }

  /// Whether a follow-up makes sense for the order: no tracking question without a tracking number.
  private static func canAsk(_ followUp: String, about order: Order?) -> Bool {
    switch followUp {
    case CustomerIntent.tracking: return order?.trackingNumber != nil
    case CustomerIntent.deliveryWindow: return order?.deliveryWindow != nil
    case CustomerIntent.refundWhen, CustomerIntent.refundAmount: return order?.refund != nil
    case CustomerIntent.cancelRefund: return order?.status == .processing || order?.status == .cancelled
    default: return true
    }
  }

  public var outcome: SessionOutcome {
    escalated ? .escalated : settled ? .resolved : .abandoned
  }

  public mutating func opening() -> CustomerUtterance {
    if isRecontact {
      let again = say("recontact", as: mainIntent)
      return CustomerUtterance(text: again.text + " " + stateIssue().text, intent: mainIntent)
    }
    if random.chance(persona == .terse ? 0.1 : 0.25) { return say(CustomerIntent.greet) }
    return stateIssue()
  }

  public mutating func respond(to agentText: String) -> CustomerUtterance? {
    guard !hasLeft else { return nil }
    let reading = AgentMessageReading(agentText, scenario: scenario)
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

  public mutating func nudge() -> CustomerUtterance {
    nudges += 1
    if nudges >= 3 { return say(CustomerIntent.leave, leaving: true) }
    return say("nudge", as: CustomerIntent.impatient)
  }

  /// Gives the asked-for detail when the customer knows it, else the other one, else apologises.
  private mutating func identify(preferring fact: CustomerFact) -> CustomerUtterance {
    let order = (fact: CustomerFact.orderNumber, intent: CustomerIntent.provideOrderID, fallback: "no_email")
    let email = (fact: CustomerFact.email, intent: CustomerIntent.provideEmail, fallback: "no_order_number")
    let (asked, other) = fact == .orderNumber ? (order, email) : (email, order)
    if spec.knows.contains(asked.fact) {
      identified = true
      return say(asked.intent)
    }
    if spec.knows.contains(other.fact) {
      identified = true
      return say(other.fallback, as: other.intent)
    }
    return say("no_details", as: CustomerIntent.confirm)
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
    return CustomerUtterance(text: text, intent: intent)
  }

  private mutating func confirm(_ topic: AgentMessageReading.ConfirmationTopic) -> CustomerUtterance {
    guard issueStated || topic != .general else { return stateIssue() }
    (issueStated, issueHeard) = (true, true)
    switch topic {
    case .cancel:
      if random.chance(0.12) {
        settled = true
        return say("decline", as: CustomerIntent.cancelDecline)
      }
      return say(CustomerIntent.confirm, as: CustomerIntent.cancelConfirm)
    case .returnLabel: return say(CustomerIntent.confirm, as: CustomerIntent.returnLabel)
    case .address: return say(CustomerIntent.confirm, as: CustomerIntent.addressConfirm)
    case .refund: return say(CustomerIntent.confirm, as: CustomerIntent.refundStart)
    case .callback:
      (escalated, settled) = (true, true)
      return say(CustomerIntent.confirm, as: CustomerIntent.acceptEscalation)
    case .general: return say(CustomerIntent.confirm)
    }
  }

  /// An off-topic reply: the customer repeats the question, asks for a manager, or leaves.
  private mutating func complain() -> CustomerUtterance {
    impatience += 1
    if impatience >= (persona == .angry ? 2 : 3) { return say(CustomerIntent.leave, leaving: true) }
    if persona == .angry && random.chance(0.5) { return say(CustomerIntent.escalate) }
    let complaint = say(CustomerIntent.impatient)
    let issue = stateIssue(complaining: true)
    return CustomerUtterance(text: complaint.text + " " + issue.text, intent: mainIntent)
  }

  private mutating func say(_ lines: String, as intent: String? = nil, leaving: Bool = false)
    -> CustomerUtterance
  {
    if leaving { hasLeft = true }
    let text = phrasebook.line(lines, random: &random) ?? "Okay."
    return CustomerUtterance(text: text, intent: intent ?? lines, endsChat: leaving)
  }
}

/// Milestones of a simulated customer's matter; a reply that reaches a new one moves the chat forward.
public struct CustomerProgress: Sendable, Equatable {
  public var issueStated: Bool
  public var identified: Bool
  public var settled: Bool
  /// Follow-up questions asked so far, each after the previous answer satisfied the customer.
  public var followUpsAnswered: Int
  public var leftSettled: Bool

  /// Whether this progress is past `earlier` on any milestone.
  public func isAhead(of earlier: CustomerProgress) -> Bool {
    (issueStated && !earlier.issueStated) || (identified && !earlier.identified)
      || (settled && !earlier.settled) || followUpsAnswered > earlier.followUpsAnswered
      || (leftSettled && !earlier.leftSettled)
  }
}
