import Foundation
import ReplyDeskCore

/// How a trainee handled one practice chat, computed from the chat's recorded events and the
/// scenario's rules: times, how suggestions were used, policy slips, and each reply beside the
/// ranker's first choice.
public struct PracticeScorecard: Sendable, Equatable {
  /// One customer turn the trainee answered.
  public struct TurnReview: Sendable, Equatable {
    public var customerText: String
    /// What the trainee sent, or "escalated: reason".
    public var traineeReply: String
    /// The ranker's top suggestion when the trainee decided, if suggestions were shown.
    public var rankerChoice: String?
    /// The reply is the ranker's top suggestion, word for word or (read by the scorecard's
    /// interpreter) in meaning: it means the same template.
    public var agreesWithRanker = false
    /// "accepted #1", "edited #2", "written" or "escalated".
    public var how: String
    public var responseSeconds: Double
  }

  public var chat: ChatID
  public var scenario: String
  /// What the customer wanted, from the scenario.
  public var goal: String?
  public var customerName: String?
  public var outcome: SessionOutcome?
  /// Seconds from the chat opening to its end (or its last event when it never ended).
  public var handleSeconds: Double = 0
  /// Seconds from the first customer message to the trainee's first decision.
  public var firstResponseSeconds: Double?
  public var accepted = 0
  public var edited = 0
  public var written = 0
  public var escalated = 0
  public var turns: [TurnReview] = []
  public var slips: [PolicySlip] = []

  /// Replies the trainee sent that were the ranker's top suggestion, unchanged or in the same meaning.
  public var agreedWithRanker: Int {
    turns.filter(\.agreesWithRanker).count
  }

  /// The scorecard of `events` (one chat's, in recorded order) under `scenario`'s rules; events of
  /// other chats are ignored. With an `interpreter`, a reply agrees with the ranker when it means the
  /// template of the ranker's top suggestion; without one, only when it is that suggestion's text.
  public init(
    chat: ChatID, events: [SessionEvent], scenario: ScenarioSpec?, interpreter: ReplyInterpreter? = nil
  ) {
    let events = events.filter { $0.chat == chat }
    self.chat = chat
    self.scenario = scenario?.name ?? "unknown"
    self.goal = scenario?.goal
    var profile: CustomerProfile?
    var check = PolicyCheck(
      rules: scenario?.policy ?? [], scenario: scenario?.scenario ?? .refundStatus, profile: nil)
    var lastCustomerText = ""
    var firstCustomerTime: Date?
    var topShown: ShownSuggestion?
    var agreement = RankerAgreement(interpreter: interpreter)
    for event in events {
      switch event.kind {
      case .started(_, let customer, _):
        profile = customer
        agreement.profile = customer
        check = PolicyCheck(rules: check.rules, scenario: check.scenario, profile: customer)
      case .customerMessage(let text):
        lastCustomerText = text
        firstCustomerTime = firstCustomerTime ?? event.time
        check.customerSaid(text)
        agreement.heard(.customer, text, at: event.time)
      case .suggestionsShown(let suggestions, _):
        topShown = suggestions.min { $0.rank < $1.rank }
      case .decision(let decision, let seconds):
        if firstResponseSeconds == nil, let firstCustomerTime {
          firstResponseSeconds = event.time.timeIntervalSince(firstCustomerTime)
        }
        var turn = review(decision, customerText: lastCustomerText, top: topShown?.text, seconds: seconds)
        if let sent = decision.sentText {
          turn.agreesWithRanker = topShown.map { agreement.agrees(sent, with: $0) } ?? false
          check.traineeSent(sent)
          agreement.heard(.agent, sent, at: event.time)
        }
        turns.append(turn)
      case .ended(let outcome):
        self.outcome = outcome
      case .typing, .systemNote, .qaNote, .practiceScore, .rating, .intentResolved:
        break
      }
    }
    customerName = profile?.fullName
    handleSeconds = Self.handleTime(events)
    slips = check.slips
  }

  private mutating func review(_ decision: Decision, customerText: String, top: String?, seconds: Double)
    -> TurnReview
  {
    let how: String
    switch decision {
    case .accepted(_, let rank, _):
      accepted += 1
      how = "accepted #\(rank)"
    case .edited(_, let rank, _, _):
      edited += 1
      how = "edited #\(rank)"
    case .written:
      written += 1
      how = "written"
    case .escalated(let reason, _):
      escalated += 1
      how = "escalated: \(reason)"
    case .autoSent(_, let rank, _, _):
      how = "auto-sent #\(rank)"
    }
    return TurnReview(
      customerText: customerText, traineeReply: decision.sentText ?? how, rankerChoice: top, how: how,
      responseSeconds: seconds)
  }

  private static func handleTime(_ events: [SessionEvent]) -> Double {
    guard let first = events.first?.time else { return 0 }
    let end =
      events.last { if case .ended = $0.kind { true } else { false } }?.time ?? events.last?.time ?? first
    return max(0, end.timeIntervalSince(first))
  }
}
