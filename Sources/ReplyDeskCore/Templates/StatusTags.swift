/// Ties templates to the state of the chat's order by their ids: an id part naming an order status
/// (`cancellation.offer.processing`), a refund status (`refund.status.issued`), or `none` for an order
/// without a refund (`refund.none.found`) marks a template as written for that state only.
public enum StatusTags {
  /// Every id part that is a status tag.
  public static let all = Set(
    OrderStatus.allCases.map(\.rawValue) + RefundStatus.allCases.map(\.rawValue) + ["none"])

  /// The status tags in `template`'s id; empty for a template that suits any state.
  public static func of(_ template: ReplyTemplate) -> Set<String> {
    Set(template.id.split(separator: ".").map(String.init)).intersection(all)
  }

  /// The tags that describe `order`: its status and its refund's status, or `none` without a refund.
  public static func of(_ order: Order?) -> Set<String> {
    guard let order else { return ["none"] }
    return [order.status.rawValue, order.refund?.status.rawValue ?? "none"]
  }
}
