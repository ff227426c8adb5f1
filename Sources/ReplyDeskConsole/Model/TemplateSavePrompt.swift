import Foundation
import ReplyDeskCore

/// One `when:` condition the save prompt offers from the order in question's state: kept or
/// dropped, and its value changeable among `choices`.
struct ConditionOffer: Equatable, Sendable {
  /// The `when:` key, such as `order.status`.
  var key: String
  var choices: [String]
  var choice: Int
  var kept = true
  /// Written as a one-value list (`[delivered]`) rather than a scalar (`absent`, `true`).
  var isList: Bool

  var value: String { choices[choice] }
  /// The entry of the `when:` mapping, such as `order.status: [delivered]`.
  var entry: String { "\(key): \(isList ? "[\(value)]" : value)" }

  /// The conditions the order in question's state suggests: its status, its refund (or none),
  /// lateness when it is late, and the membership. Each is kept at first only when `reply` states
  /// that part of the state (as the suggestion builder reads replies), so a general reply stays
  /// unconditional unless the representative keeps a condition.
  static func offers(for order: Order?, reply: String, profile: CustomerProfile, facts: GroundingFacts)
    -> [ConditionOffer]
  {
    let reading = OrderStateReading(reply)
    let statesOrder = reading.orderStatuses != nil || !reading.actions.isEmpty
    let statesRefund = reading.refundStates != nil || reading.actions.contains(.startsRefund)
    var offers: [ConditionOffer] = []
    if let order {
      var status = list("order.status", OrderStatus.allCases.map(\.rawValue), order.status.rawValue)
      status.kept = statesOrder
      var refund =
        order.refund.map { list("refund.status", RefundStatus.allCases.map(\.rawValue), $0.status.rawValue) }
        ?? ConditionOffer(key: "refund", choices: ["absent", "present"], choice: 0, isList: false)
      refund.kept = statesRefund
      offers += [status, refund]
      if facts.isLate(order) {
        offers.append(
          ConditionOffer(
            key: "order.late", choices: ["true", "false"], choice: 0, kept: statesOrder, isList: false))
      }
    }
    var membership = list(
      "customer.membership", Membership.allCases.map(\.rawValue), profile.membership.rawValue)
    membership.kept = false
    return offers + [membership]
  }

  private static func list(_ key: String, _ choices: [String], _ current: String) -> ConditionOffer {
    ConditionOffer(key: key, choices: choices, choice: choices.firstIndex(of: current) ?? 0, isList: true)
  }
}

/// The prompt ^T opens to save the last own, edited or generated reply as a template: first its
/// intent, then its conditions; it warns when the template nearly repeats one the library has.
struct TemplateSavePrompt: Equatable, Sendable {
  /// The reply as sent, with the profile and order it was sent about.
  var reply: TemplateDraft
  /// The template text it becomes (profile values as slots), for the preview and the warning.
  var templateText: String
  var intent: Composer
  var conditions: [ConditionOffer]
  var highlighted = 0
  /// False while the intent is typed; true once Enter moved on to the conditions.
  var choosingConditions = false
  /// The existing template it nearly repeats, and how alike they are (0...1).
  var nearDuplicate: NearDuplicate?

  /// An existing template a new one nearly repeats.
  struct NearDuplicate: Equatable, Sendable {
    var id: String
    var similarity: Double
  }

  /// The intent as a template file takes it: lowercase words joined by `_`, other characters dropped.
  var intentWord: String {
    let words = intent.text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_") }
    return words.map { String($0.filter { $0.isASCII }) }.filter { !$0.isEmpty }.joined(separator: "_")
  }

  /// The draft to save: the reply with its intent and kept conditions.
  var draft: TemplateDraft {
    var draft = reply
    draft.intents = intentWord.isEmpty ? [] : [intentWord]
    draft.when = conditions.filter(\.kept).map(\.entry)
    return draft
  }
}
