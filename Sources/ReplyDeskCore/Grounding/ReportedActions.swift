import Foundation

/// What the representative's replies in a chat did to an order: a reply reporting an action done
/// ("Done: order RD-451884 is cancelled.", "I've started a refund for order RD-451884.") changes the
/// order from then on, as the customer hears it, though the profile may not show it yet. A cancelled
/// unshipped order has its money on the way back (an approved refund); a started refund is a
/// requested one. An action the order does not allow (cancelling a shipped order) changes nothing.
public enum ReportedActions {
  /// `order` as the representative's replies among `turns` left it. A reply naming only other order
  /// numbers is about those orders, not this one.
  public static func apply(to order: Order, turns: [Turn]) -> Order {
    var order = order
    for turn in turns where turn.speaker == .agent && OrderStateReading.mayReportAction(turn.text) {
      let actions = OrderStateReading(turn.text).actions
      guard !actions.isEmpty else { continue }
      if OrderMentions.containsOrderNumber(turn.text)
        && OrderMentions(orders: [order]).numberedOrderIDs(in: turn.text).isEmpty
      {
        continue
      }
      if actions.contains(.cancelsOrder) && order.status == .processing {
        order.status = .cancelled
        if order.refund == nil {
          order.refund = Refund(amount: order.total, status: .approved, requestedOn: turn.time)
        }
      }
      if actions.contains(.startsRefund) && order.refund == nil {
        order.refund = Refund(amount: order.total, status: .requested, requestedOn: turn.time)
      }
    }
    return order
  }
}
