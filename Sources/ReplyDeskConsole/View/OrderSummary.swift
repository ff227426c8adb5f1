import Foundation
import ReplyDeskCore

/// The line under the chat strip, at every size: the order the chat is about with its status, total,
/// delivery date and refund, so each suggestion can be checked against it while the profile is out
/// of sight (a narrow terminal shows the profile only on its tab).
enum OrderSummary {
  static func draw(_ state: ConsoleState, in rect: Rect, grid: inout CellGrid) {
    guard let chat = state.active else { return }
    guard let order = chat.orderInQuestion.order else {
      grid.write(" No orders on file", x: rect.x, y: rect.y, limit: rect.maxX, role: .dim)
      return
    }
    let line = fitted(segments(order, zone: state.timeZone, today: state.now), width: rect.width)
    grid.draw(line, x: rect.x, y: rect.y, limit: rect.maxX)
  }

  /// One segment of the summary, in its full and its compact wording (nil: left out when compact).
  struct Segment {
    var full: [(text: String, role: StyleRole)]
    var compact: [(text: String, role: StyleRole)]?
  }

  /// Id and status, total, delivery, refund.
  static func segments(_ order: Order, zone: TimeZone, today: Date) -> [Segment] {
    let warning = order.status == .delayed || order.status == .cancelled
    let id = ("#\(DisplayText.singleLine(order.id))", StyleRole.slot)
    let status = (order.status.rawValue, warning ? StyleRole.warning : .normal)
    var delivery = order.deliveryDate.map { Formatting.day($0, in: zone, today: today) } ?? ""
    if let window = order.deliveryWindow {
      delivery += (delivery.isEmpty ? "" : ", ") + DisplayText.singleLine(window)
    }
    return [
      Segment(full: [("Order ", .dim), id, (" ", .normal), status], compact: [id, (" ", .normal), status]),
      Segment(
        full: [(Formatting.money(order.total), .normal)], compact: [(Formatting.money(order.total), .normal)]),
      Segment(
        full: [(delivery.isEmpty ? "no delivery date" : "delivery \(delivery)", .normal)],
        compact: delivery.isEmpty ? nil : [(delivery, .normal)]),
      refundSegment(order.refund, zone: zone, today: today),
    ]
  }

  private static func refundSegment(_ refund: Refund?, zone: TimeZone, today: Date) -> Segment {
    guard let refund else { return Segment(full: [("no refund", .dim)], compact: nil) }
    let role: StyleRole = refund.status == .rejected ? .warning : .normal
    let amount = "refund \(Formatting.money(refund.amount)) \(refund.status.rawValue)"
    let due = refund.expectedBy.map { ", due \(Formatting.day($0, in: zone, today: today))" } ?? ""
    return Segment(full: [(amount + due, role)], compact: [(amount, role)])
  }

  /// The full wording when it fits in `width`, else the compact one, else as many whole compact
  /// segments as fit followed by an ellipsis (never a segment cut mid-word).
  static func fitted(_ segments: [Segment], width: Int) -> StyledLine {
    let full = line(segments.map(\.full))
    if TextWrap.width(full) <= width { return full }
    var compact = segments.compactMap(\.compact)
    if TextWrap.width(line(compact)) <= width { return line(compact) }
    while compact.count > 1 {
      compact.removeLast()
      let cut = line(compact) + TextWrap.styled([(" …", .dim)])
      if TextWrap.width(cut) <= width { return cut }
    }
    return TextWrap.truncate(line(compact), width: width)
  }

  private static func line(_ segments: [[(text: String, role: StyleRole)]]) -> StyledLine {
    var runs: [(text: String, role: StyleRole)] = [(" ", .normal)]
    for (index, segment) in segments.enumerated() {
      if index > 0 { runs.append((" · ", .dim)) }
      runs += segment
    }
    return TextWrap.styled(runs)
  }
}
