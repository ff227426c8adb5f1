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
  public let persona: Persona
  /// The customer's main intent, for example "double_charge" for a payment problem.
  public let mainIntent: String
  public private(set) var hasLeft = false
  private var pendingFollowUps: [String]
  private var issueStated = false
  private var settled = false
  private var escalated = false
  private var impatience = 0
  private var nudges = 0
  private var phrasebook: Phrasebook
  private var random: SeededGenerator

  public init(profile: CustomerProfile, scenario: Scenario, persona: Persona, seed: UInt64, now: Date) {
    var random = SeededGenerator(seed: seed)
    self.profile = profile
    self.scenario = scenario
    self.persona = persona
    self.mainIntent = random.pick(scenario.mainIntents)
    let followUps = scenario.followUpIntents.filter { Self.canAsk($0, about: profile.focusOrder) }
      .shuffled(using: &random)
    self.pendingFollowUps = Array(followUps.prefix(random.pick(weighted: [(0, 0.35), (1, 0.45), (2, 0.2)])))
    var addresses = ProfileGenerator(seed: seed &+ 1)
    let newAddress = addresses.freshAddress(like: profile)
    self.phrasebook = Phrasebook(persona: persona, profile: profile, newAddress: newAddress, now: now)
    self.random = random
  }

  /// Whether a follow-up makes sense for the order: no tracking question without a tracking number.
  private static func canAsk(_ followUp: String, about order: Order?) -> Bool {
    switch followUp {
    case CustomerIntent.tracking: return order?.trackingNumber != nil
    case CustomerIntent.deliveryWindow: return order?.deliveryWindow != nil
    case CustomerIntent.refundWhen, CustomerIntent.refundAmount: return order?.refund != nil
    default: return true
    }
  }

  public var outcome: SessionOutcome {
    escalated ? .escalated : settled ? .resolved : .abandoned
  }

  public mutating func opening() -> CustomerUtterance {
    if random.chance(persona == .terse ? 0.1 : 0.25) { return say(CustomerIntent.greet) }
    return stateIssue()
  }

  public mutating func respond(to agentText: String) -> CustomerUtterance? {
    guard !hasLeft else { return nil }
    let reading = AgentMessageReading(agentText, scenario: scenario)
    if reading.farewell { return say(CustomerIntent.goodbye, leaving: true) }
    if reading.asksOrderNumber { return say(CustomerIntent.provideOrderID) }
    if reading.asksEmail { return say(CustomerIntent.provideEmail) }
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

  private mutating func stateIssue() -> CustomerUtterance {
    issueStated = true
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
    let text = phrasebook.line(intent, followUp: true, random: &random) ?? "And one more thing about that?"
    return CustomerUtterance(text: text, intent: intent)
  }

  private mutating func confirm(_ topic: AgentMessageReading.ConfirmationTopic) -> CustomerUtterance {
    guard issueStated || topic != .general else { return stateIssue() }
    issueStated = true
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
    let issue = stateIssue()
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
