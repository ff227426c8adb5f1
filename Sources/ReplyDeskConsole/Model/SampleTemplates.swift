import Foundation
import ReplyDeskCore

extension SampleState {
  /// A small library that fits the sample chat (the refund of A1234 is issued, A1311 is delayed),
  /// for the template finder's benchmark and snapshots.
  static let baseTemplates: [ReplyTemplate] = [
    ReplyTemplate(
      id: "refund.status.issued", topic: "refund",
      text: "Your refund of {refund.amount} for order {order.id} was issued and should reach your card by "
        + "{refund.expected_by|short}.",
      intents: ["refund_status"], conditions: TemplateConditions(refundStatus: [.issued])),
    ReplyTemplate(
      id: "refund.status.approved", topic: "refund",
      text:
        "Your refund of {refund.amount} for order {order.id} is approved; the money follows in a few days.",
      intents: ["refund_status"], conditions: TemplateConditions(refundStatus: [.approved])),
    ReplyTemplate(
      id: "delivery.delayed.apology", topic: "delivery",
      text: "I'm sorry order {order.id} is late. It should now arrive on {order.delivery_date|short}.",
      intents: ["where_is_order"], conditions: TemplateConditions(orderStatus: [.delayed])),
    ReplyTemplate(
      id: "return.label.sent", topic: "return",
      text: "I've emailed a prepaid return label to {customer.email}. Drop the parcel at any post office.",
      intents: ["return_request"]),
    ReplyTemplate(
      id: "cancellation.done", topic: "cancellation", text: "Done: order {order.id} is cancelled.",
      intents: ["cancel_order"], conditions: TemplateConditions(orderStatus: [.processing])),
    ReplyTemplate(
      id: "closing.survey", topic: "closing",
      text: "Thanks for chatting with us, {customer.first_name}. Is there anything else I can help with?",
      intents: ["thanks"]),
  ]

  /// `count` templates: the base ones, then numbered variants of them (other ids and wording), so
  /// the finder can be measured over a library of a thousand and more.
  static func templates(count: Int) -> [ReplyTemplate] {
    let extra = ["today", "quickly", "again", "kindly", "promptly", "gladly", "soon", "carefully"]
    return (0..<count).map { index in
      var template = baseTemplates[index % baseTemplates.count]
      guard index >= baseTemplates.count else { return template }
      let word = extra[index % extra.count]
      template.id += ".v\(index)"
      template.text = "\(template.text) I checked it \(word) (note \(index))."
      return template
    }
  }
}
