import Foundation
import ReplyDeskCore

/// The customer's profile: name, membership, contact details, orders with delivery and refunds.
enum ProfilePane {
  /// The profile of `chat`'s customer (or a placeholder without a chat), with dates in `timeZone`
  /// and ages of orders counted to `now`.
  @discardableResult
  static func draw(
    _ chat: ActiveChat?, now: Date, timeZone: TimeZone, in rect: Rect, focused: Bool, grid: inout CellGrid
  ) -> PaneExtent {
    Chrome.title("Profile", in: rect, focused: focused, grid: &grid)
    guard let chat else {
      grid.write("No customer selected", x: rect.x + 1, y: rect.y + 1, limit: rect.maxX, role: .dim)
      return PaneExtent()
    }
    let body = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 1, height: rect.height - 1)
    let all = lines(
      chat.conversation.profile, inQuestion: chat.orderInQuestion.order?.id, width: body.width, now: now,
      timeZone: timeZone)
    let scroll = min(chat.scroll.profile, max(all.count - body.height, 0))
    for (offset, line) in all.dropFirst(scroll).prefix(body.height).enumerated() {
      grid.draw(line, x: body.x, y: body.y + offset, limit: body.maxX)
    }
    let hidden = all.count - scroll - body.height
    if hidden > 0 {
      let marker = " ↓ \(hidden) more "
      grid.write(
        marker, x: body.maxX - DisplayText.width(marker) - 1, y: body.maxY - 1, limit: body.maxX,
        role: .status)
    }
    return PaneExtent(lines: all.count, visible: body.height)
  }

  /// A paragraph of styled runs whose wrapped lines all start `indent` columns in.
  struct Paragraph {
    var indent = 0
    var runs: [(text: String, role: StyleRole)]
  }

  /// Every profile line wrapped to `width`, the order in question marked; continuation lines keep
  /// their paragraph's indent.
  static func lines(
    _ profile: CustomerProfile, inQuestion: String?, width: Int, now: Date, timeZone zone: TimeZone
  ) -> [StyledLine] {
    var paragraphs: [Paragraph] = []
    paragraphs.append(Paragraph(runs: [(DisplayText.singleLine(profile.fullName), .customer)]))
    var member = Formatting.membership(profile.membership)
    if let since = profile.memberSince { member += " member since \(Formatting.month(since, in: zone))" }
    let contacts = profile.pastContacts == 1 ? "1 past contact" : "\(profile.pastContacts) past contacts"
    paragraphs.append(Paragraph(runs: [(member + " · " + contacts, .normal)]))
    if let email = profile.email {
      paragraphs.append(Paragraph(runs: [(DisplayText.singleLine(email), .normal)]))
    }
    if let phone = profile.phone {
      paragraphs.append(Paragraph(runs: [(DisplayText.singleLine(phone), .normal)]))
    }
    paragraphs.append(Paragraph(runs: [("Orders (\(profile.orders.count))", .help)]))
    let newestFirst = profile.orders.sorted { $0.placedOn > $1.placedOn }
    for order in newestFirst {
      paragraphs.append(
        contentsOf: orderParagraphs(order, inQuestion: order.id == inQuestion, zone: zone, today: now))
    }
    if profile.orders.isEmpty { paragraphs.append(Paragraph(runs: [("No orders", .dim)])) }
    return paragraphs.flatMap { wrap($0, width: max(width, 1)) }
  }

  /// Wraps a paragraph, indenting every line (the first included) by its indent.
  static func wrap(_ paragraph: Paragraph, width: Int) -> [StyledLine] {
    let indent = min(paragraph.indent, max(width - 8, 0))
    let pad = StyledLine(
      repeating: StyledGlyph(glyph: DisplayText.Glyph(text: " ", width: 1), role: .normal), count: indent)
    return TextWrap.wrap(TextWrap.styled(paragraph.runs), width: width - indent).map { pad + $0 }
  }

  /// The order's lines; the order in question is marked `▶` and its status is bold.
  private static func orderParagraphs(
    _ order: Order, inQuestion: Bool, zone: TimeZone, today: Date
  ) -> [Paragraph] {
    let day = { (date: Date) in Formatting.day(date, in: zone, today: today) }
    let statusRole: StyleRole =
      order.status == .delayed || order.status == .cancelled ? .warning : inQuestion ? .customer : .normal
    var result = [
      Paragraph(runs: [
        (inQuestion ? "▶ " : "", .selection), ("#\(DisplayText.singleLine(order.id))", .slot), (" · ", .dim),
        (order.status.rawValue, statusRole), (" · \(Formatting.money(order.total))", .normal),
      ])
    ]
    let items = order.items.map { "\($0.quantity)× \(DisplayText.singleLine($0.name))" }
    result.append(Paragraph(indent: 2, runs: [(items.joined(separator: ", "), .normal)]))
    var dates = "placed \(day(order.placedOn))"
    if order.deliveryDate != nil || order.deliveryWindow != nil {
      dates += " · delivery: "
      if let date = order.deliveryDate { dates += day(date) }
      if let window = order.deliveryWindow {
        dates += (order.deliveryDate == nil ? "" : ", ") + DisplayText.singleLine(window)
      }
    }
    result.append(Paragraph(indent: 2, runs: [(dates, .normal)]))
    if let tracking = order.trackingNumber {
      result.append(Paragraph(indent: 2, runs: [("tracking: \(DisplayText.singleLine(tracking))", .dim)]))
    }
    if let refund = order.refund {
      var text = "refund: \(Formatting.money(refund.amount)) \(refund.status.rawValue)"
      text += refund.status == .requested ? " " : " (requested "
      text += day(refund.requestedOn) + (refund.status == .requested ? "" : ")")
      if let expected = refund.expectedBy { text += ", expected by \(day(expected))" }
      result.append(Paragraph(indent: 2, runs: [(text, refund.status == .rejected ? .warning : .normal)]))
    }
    return result
  }
}
