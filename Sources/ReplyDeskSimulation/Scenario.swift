/// What a simulated customer contacts support about.
public enum Scenario: String, Sendable, CaseIterable, Codable {
  case refundStatus = "refund_status"
  case orderCancellation = "order_cancellation"
  case returnItem = "return"
  case lateDelivery = "late_delivery"
  case deliveryStatus = "delivery_status"
  case addressChange = "address_change"
  case paymentProblem = "payment_problem"

  /// The intents a customer may open with; the payment problem has two flavours.
  var mainIntents: [String] {
    switch self {
    case .refundStatus: return ["refund_status"]
    case .orderCancellation: return ["cancel_order"]
    case .returnItem: return ["return_item"]
    case .lateDelivery: return ["delivery_late"]
    case .deliveryStatus: return ["delivery_status"]
    case .addressChange: return ["change_address"]
    case .paymentProblem: return ["payment_failed", "double_charge"]
    }
  }

  /// Follow-up intents a customer may raise once the main question is answered.
  var followUpIntents: [String] {
    switch self {
    case .refundStatus: return [CustomerIntent.refundWhen, CustomerIntent.refundAmount]
    case .orderCancellation: return [CustomerIntent.cancelRefund]
    case .returnItem: return [CustomerIntent.returnRefund, CustomerIntent.returnCondition]
    case .lateDelivery: return [CustomerIntent.deliveryLateFollowUp, CustomerIntent.tracking]
    case .deliveryStatus: return [CustomerIntent.tracking, CustomerIntent.deliveryWindow]
    case .addressChange: return [CustomerIntent.deliveryStatus]
    case .paymentProblem: return [CustomerIntent.paymentMethod, CustomerIntent.doubleChargeFollowUp]
    }
  }

  /// Words (before stemming) that make a representative's reply on topic for this scenario.
  var topicWords: [String] {
    switch self {
    case .refundStatus:
      return [
        "refund", "money", "bank", "issued", "approved", "declined", "review", "card", "amount", "statement",
      ]
    case .orderCancellation:
      return ["cancel", "cancelled", "cancellation", "shipped", "refund", "payment"]
    case .returnItem:
      return ["return", "label", "refund", "packaging", "exchange", "warehouse", "carrier"]
    case .lateDelivery:
      return [
        "delay", "late", "carrier", "delivery", "arrive", "tracking", "courier", "replacement", "weather",
      ]
    case .deliveryStatus:
      return [
        "delivery", "delivered", "tracking", "courier", "carrier", "shipped", "way", "expected", "warehouse",
      ]
    case .addressChange:
      return ["address", "redirect", "updated", "update", "delivery", "expected", "ship", "arrive"]
    case .paymentProblem:
      return [
        "payment", "charge", "charged", "card", "bank", "hold", "paypal", "billed", "refund", "statement",
      ]
    }
  }
}

/// The intent names shared by the phrasebook, the scripted customer, the ideal agent and the
/// `intents` lists of the templates.
enum CustomerIntent {
  static let greet = "greet"
  static let provideOrderID = "provide_order_id"
  static let provideEmail = "provide_email"
  static let provideAddress = "provide_address"
  static let confirm = "confirm"
  static let refundStart = "refund_start"
  static let cancelConfirm = "cancel_confirm"
  static let cancelDecline = "cancel_decline"
  static let returnLabel = "return_label"
  static let addressConfirm = "address_confirm"
  static let refundWhen = "refund_when"
  static let refundAmount = "refund_amount"
  static let cancelRefund = "cancel_refund"
  static let returnRefund = "return_refund"
  static let returnCondition = "return_condition"
  static let deliveryLateFollowUp = "delivery_late_followup"
  static let tracking = "tracking"
  static let deliveryStatus = "delivery_status"
  static let deliveryWindow = "delivery_window"
  static let paymentMethod = "payment_method"
  static let doubleChargeFollowUp = "double_charge_followup"
  static let thanks = "thanks"
  static let nothingElse = "nothing_else"
  static let goodbye = "goodbye"
  static let complaint = "complaint"
  static let impatient = "impatient"
  static let escalate = "escalate"
  static let acceptEscalation = "accept_escalation"
  static let leave = "leave"
}
