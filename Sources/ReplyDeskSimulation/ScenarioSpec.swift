/// Something a simulated customer may or may not have to hand when the representative asks.
public enum CustomerFact: String, Sendable, CaseIterable, Codable {
  case orderNumber = "order_number"
  case email
}

/// How a simulated customer names its order when it states the issue.
public enum OrderNaming: String, Sendable, CaseIterable, Codable {
  /// As the drawn line has it (by number, by item or not at all); a customer whose order is not the
  /// profile's most recent one always names it.
  case any
  /// By its number, written the customer's way ("#451884", "order 451884", "rd451884").
  case orderNumber = "order_number"
  /// By an item in it ("my desk lamp").
  case item
}

/// A simulated customer's situation as a scenario file describes it: what the chat is about, what the
/// customer wants, what they know, how they write, and the practice rules a trainee must follow.
public struct ScenarioSpec: Sendable, Equatable, Identifiable {
  /// The scenario's name, unique in a library; the file name without `.yaml` by default.
  public var name: String
  /// The kind of problem, which shapes the customer's profile and vocabulary.
  public var scenario: Scenario
  /// The intents the customer may open with; defaults to the scenario's.
  public var openingIntents: [String]
  /// What the customer wants out of the chat, in words a trainee reads.
  public var goal: String
  /// What the customer can give when asked.
  public var knows: Set<CustomerFact>
  /// How the customer names its order when stating the issue.
  public var namesOrder: OrderNaming
  /// The customer's manner; nil picks one at random (seeded) for every chat.
  public var persona: Persona?
  /// Share of messages with a typo; nil uses the persona's usual rate.
  public var typoRate: Double?
  /// Follow-up questions the customer may ask once answered; defaults to the scenario's.
  public var followUps: [String]
  /// Rules a trainee must follow in this scenario, checked by the practice scorecard.
  public var policy: [PolicyRule]
  /// Mixed into the run's seed, so the same file and run seed replay the same customers.
  public var seed: UInt64

  public var id: String { name }

  public init(
    name: String, scenario: Scenario, openingIntents: [String]? = nil, goal: String,
    knows: Set<CustomerFact> = Set(CustomerFact.allCases), namesOrder: OrderNaming = .any,
    persona: Persona? = nil, typoRate: Double? = nil, followUps: [String]? = nil, policy: [PolicyRule] = [],
    seed: UInt64 = 0
  ) {
    self.name = name
    self.scenario = scenario
    self.openingIntents = openingIntents ?? scenario.mainIntents
    self.goal = goal
    self.knows = knows
    self.namesOrder = namesOrder
    self.persona = persona
    self.typoRate = typoRate
    self.followUps = followUps ?? scenario.followUpIntents
    self.policy = policy
    self.seed = seed
  }

  /// The scenario as it behaves without a file: every fact known, the persona drawn at random, the
  /// scenario's own intents and follow-ups, no practice rules.
  public static func builtIn(_ scenario: Scenario) -> ScenarioSpec {
    ScenarioSpec(name: scenario.rawValue, scenario: scenario, goal: builtInGoals[scenario] ?? "")
  }

  /// The seven built-in scenarios, used when no `Scenarios/` directory is found.
  public static let builtInLibrary: [ScenarioSpec] = Scenario.allCases.map(builtIn)

  private static let builtInGoals: [Scenario: String] = [
    .refundStatus: "Find out where the refund for an order is and when the money arrives.",
    .orderCancellation: "Cancel an order before it ships, or learn why it can't be cancelled.",
    .returnItem: "Return an item and get a return label.",
    .lateDelivery: "Find out why an order is late and when it will arrive.",
    .deliveryStatus: "Find out where an order is and when it will be delivered.",
    .addressChange: "Send an order to a new delivery address.",
    .paymentProblem: "Sort out a failed payment or a double charge.",
  ]
}

/// A practice rule a trainee must follow in a scenario.
public enum PolicyRule: Sendable, Equatable, Hashable {
  /// Ask for the order number or email, and get it, before carrying out `action`.
  case verifyIdentityBefore(PolicyAction)
  /// Ask whether there is anything else before saying goodbye.
  case askAnythingElseBeforeClosing

  /// The rule in words, for the scorecard.
  public var summary: String {
    switch self {
    case .verifyIdentityBefore(let action):
      return "verify identity (order number or email) before \(action.gerund)"
    case .askAnythingElseBeforeClosing:
      return "ask whether there is anything else before closing"
    }
  }
}

/// An account action a policy rule can guard.
public enum PolicyAction: String, Sendable, CaseIterable, Hashable {
  case cancel
  case refund
  case addressChange = "address_change"

  var gerund: String {
    switch self {
    case .cancel: return "cancelling an order"
    case .refund: return "starting a refund"
    case .addressChange: return "changing an address"
    }
  }

  /// Whether a representative's message says the action was carried out (not offered or refused).
  func isCarriedOut(by text: String) -> Bool {
    let lowered = text.lowercased()
    switch self {
    case .cancel:
      return (lowered.contains("is cancelled") || lowered.contains("i've cancelled"))
        && !lowered.contains("already cancelled")
    case .refund:
      return lowered.contains("i've started a refund") || lowered.contains("i have started a refund")
    case .addressChange:
      return lowered.contains("i've updated the delivery address")
        || lowered.contains("address for order")
          && lowered.contains("is updated")
    }
  }
}
