import ReplyDeskCore

/// Templates parsed once and grouped by intent, for the ideal agent.
struct TemplateCatalog: Sendable {
  struct Entry: Sendable {
    var template: ReplyTemplate
    var text: TemplateText
    /// The template's status tags (see `StatusTags`).
    var statusWords: Set<String>
  }

  private var primary: [String: [Entry]] = [:]
  private var secondary: [String: [Entry]] = [:]

  init(templates: [ReplyTemplate]) {
    for template in templates {
      guard let text = try? TemplateText(parsing: template.text) else { continue }
      let entry = Entry(template: template, text: text, statusWords: StatusTags.of(template))
      for (position, intent) in template.intents.enumerated() {
        if position == 0 {
          primary[intent, default: []].append(entry)
        } else {
          secondary[intent, default: []].append(entry)
        }
      }
    }
  }

  /// Templates answering `intent` first in their list, else anywhere in it.
  func candidates(for intent: String) -> [Entry] {
    primary[intent] ?? secondary[intent] ?? []
  }

  /// Templates whose intents include both `first` and `second`.
  func candidates(for first: String, alsoAnswering second: String) -> [Entry] {
    (primary[first] ?? []).filter { $0.template.intents.contains(second) }
  }
}

/// A representative who always picks a fitting template for the customer's last message: asks for
/// identification now and then, answers according to the order's and refund's status, carries out
/// confirmed actions, escalates some payment and delivery problems and closes politely.
struct IdealAgent {
  let catalog: TemplateCatalog
  let profile: CustomerProfile
  let filler: SlotFiller
  /// The order the agent answers about: slots are filled from it and status-specific templates
  /// chosen for it (see `follow(customerMessages:)`).
  private(set) var order: Order?
  private var issueIntent: String?
  private var verified = false
  private var escalated = false

  init(catalog: TemplateCatalog, profile: CustomerProfile, filler: SlotFiller) {
    self.catalog = catalog
    self.profile = profile
    self.filler = filler
    self.order = profile.focusOrder
  }

  /// Follows each customer message as it comes: the order the customer named last (by id in any
  /// form, or by item) is the one the agent answers about, the profile's most recent order until they
  /// name one; a message giving that order's number identifies the customer, so the agent does not
  /// ask for it. This stands in for Core's order-in-question resolver: the one place to rewire when
  /// it lands.
  mutating func follow(customerMessage: String) {
    if let named = OrderReference.orders(namedIn: customerMessage, profile: profile).last { order = named }
    if let order, OrderReference.writesNumber(of: order, in: customerMessage) { verified = true }
  }

  private static let issueIntents: Set<String> = [
    "refund_status", "cancel_order", "return_item", "delivery_late", "delivery_status", "change_address",
    "payment_failed", "double_charge",
  ]
  private static let escalationRate = ["payment_failed": 0.2, "double_charge": 0.15, "delivery_late": 0.1]

  /// The templates to send, in order, in reply to a customer message with `intent`.
  mutating func reply(to intent: String, random: inout SeededGenerator) -> [TemplateCatalog.Entry] {
    switch intent {
    case _ where Self.issueIntents.contains(intent):
      return replyToIssue(intent, random: &random)
    case CustomerIntent.provideOrderID, CustomerIntent.provideEmail:
      verified = true
      return [choose(intent, random: &random), issueIntent.flatMap { choose($0, random: &random) }].compactMap
      { $0 }
    case CustomerIntent.confirm, CustomerIntent.impatient:
      return [
        issueIntent.flatMap { choose($0, random: &random) } ?? choose(CustomerIntent.thanks, random: &random)
      ]
      .compactMap { $0 }
    case CustomerIntent.escalate:
      escalated = true
      return [choose(intent, random: &random)].compactMap { $0 }
    case CustomerIntent.acceptEscalation:
      return [choose(CustomerIntent.nothingElse, random: &random)].compactMap { $0 }
    case CustomerIntent.goodbye, CustomerIntent.leave:
      return []
    default:
      return [choose(intent, random: &random)].compactMap { $0 }
    }
  }

  private mutating func replyToIssue(_ intent: String, random: inout SeededGenerator) -> [TemplateCatalog
    .Entry]
  {
    let repeated = issueIntent == intent
    issueIntent = intent
    if !verified && !repeated && random.chance(0.35), let ask = choose("verify_identity", random: &random) {
      return [ask]
    }
    var replies: [TemplateCatalog.Entry] = []
    if repeated || random.chance(0.15), let apology = choose(CustomerIntent.complaint, random: &random) {
      replies.append(apology)
    }
    let escalationChance = Self.escalationRate[intent] ?? 0
    if !escalated && random.chance(escalationChance) {
      let specialists = catalog.candidates(for: CustomerIntent.escalate, alsoAnswering: intent)
      if let specialist = pick(specialists, random: &random) {
        escalated = true
        return replies + [specialist]
      }
    }
    return replies + [choose(intent, random: &random)].compactMap { $0 }
  }

  /// A template for `intent`: fully fillable, and matching the order's or refund's status when some
  /// candidates are status-specific.
  private func choose(_ intent: String, random: inout SeededGenerator) -> TemplateCatalog.Entry? {
    pick(catalog.candidates(for: intent), random: &random)
  }

  private func pick(_ entries: [TemplateCatalog.Entry], random: inout SeededGenerator) -> TemplateCatalog
    .Entry?
  {
    let fillable = entries.filter { filler.canFill($0.text, profile: profile, order: order) }
    guard !fillable.isEmpty else { return nil }
    let statuses = StatusTags.of(order)
    let matching = fillable.filter { !$0.statusWords.isDisjoint(with: statuses) }
    let generic = fillable.filter { $0.statusWords.isEmpty }
    let pool = !matching.isEmpty ? matching : !generic.isEmpty ? generic : fillable
    return random.pick(pool)
  }
}
