import ReplyDeskCore

/// A practice rule the trainee broke, with the reply that broke it.
public struct PolicySlip: Sendable, Equatable {
  public var rule: PolicyRule
  /// The 1-based number of the trainee's reply in the chat.
  public var reply: Int
  public var text: String
}

/// Walks a chat's messages in order and notes every reply that breaks one of the scenario's rules:
/// an account action carried out before the customer gave their order number (in any form) or email,
/// asked or of their own accord, or a goodbye before asking whether there was anything else.
struct PolicyCheck {
  let rules: [PolicyRule]
  let scenario: Scenario
  let profile: CustomerProfile?
  private var identified = false
  private var askedAnythingElse = false
  private var replies = 0
  private(set) var slips: [PolicySlip] = []

  init(rules: [PolicyRule], scenario: Scenario, profile: CustomerProfile?) {
    self.rules = rules
    self.scenario = scenario
    self.profile = profile
  }

  mutating func customerSaid(_ text: String) {
    guard let profile else { return }
    let email = profile.email?.lowercased() ?? ""
    if profile.orders.contains(where: { OrderReference.writesNumber(of: $0, in: text) })
      || (!email.isEmpty && text.lowercased().contains(email))
    {
      identified = true
    }
  }

  mutating func traineeSent(_ text: String) {
    replies += 1
    let reading = AgentMessageReading(text, scenario: scenario)
    for rule in rules {
      switch rule {
      case .verifyIdentityBefore(let action) where action.isCarriedOut(by: text) && !identified:
        slips.append(PolicySlip(rule: rule, reply: replies, text: text))
      case .askAnythingElseBeforeClosing where reading.farewell && !askedAnythingElse:
        slips.append(PolicySlip(rule: rule, reply: replies, text: text))
      default:
        break
      }
    }
    if reading.asksAnythingElse { askedAnythingElse = true }
  }
}
