import Foundation

/// Fills a template's slots from a customer profile and the order the chat is about.
public struct SlotFiller: Sendable {
  public var formatter: ValueFormatter

  public init(formatter: ValueFormatter) {
    self.formatter = formatter
  }

  public init(now: Date, calendar: Calendar = ValueFormatter.posixCalendar) {
    self.formatter = ValueFormatter(calendar: calendar, now: now)
  }

  /// The template's text as segments; `order` defaults to the profile's most recent order.
  /// A template whose text does not parse yields its raw text as one literal.
  public func fill(_ template: ReplyTemplate, profile: CustomerProfile, order: Order? = nil) -> [TextSegment] {
    guard let text = try? TemplateText(parsing: template.text) else { return [.literal(template.text)] }
    return fill(text, profile: profile, order: order)
  }

  /// The parsed text as segments; `order` defaults to the profile's most recent order.
  public func fill(_ text: TemplateText, profile: CustomerProfile, order: Order? = nil) -> [TextSegment] {
    let focus = order ?? profile.focusOrder
    return text.parts.map { part in
      switch part {
      case .literal(let literal):
        return .literal(literal)
      case .slot(let name, let format):
        guard let value = value(of: name, format: format, profile: profile, order: focus) else {
          return .missing(name: name)
        }
        return .slot(name: name, value: value)
      }
    }
  }

  /// Whether every slot of `text` has a value for this profile and order.
  public func canFill(_ text: TemplateText, profile: CustomerProfile, order: Order? = nil) -> Bool {
    let focus = order ?? profile.focusOrder
    return text.slotNames.allSatisfy { value(of: $0, format: nil, profile: profile, order: focus) != nil }
  }

  /// The names of the catalog's slots that have a value for this profile and order.
  public func availableSlots(profile: CustomerProfile, order: Order? = nil) -> Set<String> {
    let focus = order ?? profile.focusOrder
    return Set(
      SlotCatalog.all.map(\.name).filter { value(of: $0, format: nil, profile: profile, order: focus) != nil })
  }

  /// The written value of slot `name`, or nil when the profile has nothing for it.
  public func value(of name: String, format: SlotFormat?, profile: CustomerProfile, order: Order?)
    -> String?
  {
    if name.hasPrefix("customer.") { return customerValue(name, format: format, profile: profile) }
    guard let order else { return nil }
    if name.hasPrefix("refund.") {
      guard let refund = order.refund else { return nil }
      return refundValue(name, format: format, refund: refund)
    }
    return orderValue(name, format: format, order: order)
  }

  private func customerValue(_ name: String, format: SlotFormat?, profile: CustomerProfile) -> String? {
    let raw: String?
    switch name {
    case "customer.first_name": raw = profile.firstName
    case "customer.last_name": raw = profile.lastName
    case "customer.full_name": raw = profile.fullName
    case "customer.email": raw = profile.email
    case "customer.phone": raw = profile.phone
    case "customer.address": raw = profile.address
    case "customer.membership": raw = profile.membership.rawValue
    case "customer.member_since":
      return profile.memberSince.map { formatter.string(from: $0, format: format) }
    default: raw = nil
    }
    return nonEmpty(raw).map { formatter.string(from: $0, format: format) }
  }

  private func orderValue(_ name: String, format: SlotFormat?, order: Order) -> String? {
    let raw: String?
    switch name {
    case "order.id": raw = order.id
    case "order.item": raw = order.items.first?.name
    case "order.items": raw = order.items.isEmpty ? nil : Self.itemList(order.items)
    case "order.item_count":
      let count = order.items.reduce(0) { $0 + $1.quantity }
      raw = count == 0 ? nil : "\(count) item\(count == 1 ? "" : "s")"
    case "order.total":
      return order.items.isEmpty ? nil : formatter.string(from: order.total, format: format)
    case "order.status": raw = order.status.rawValue
    case "order.placed_on": return formatter.string(from: order.placedOn, format: format)
    case "order.delivery_date":
      return order.deliveryDate.map { formatter.string(from: $0, format: format) }
    case "order.delivery_window": raw = order.deliveryWindow
    case "order.tracking_number": raw = order.trackingNumber
    default: raw = nil
    }
    return nonEmpty(raw).map { formatter.string(from: $0, format: format) }
  }

  private func refundValue(_ name: String, format: SlotFormat?, refund: Refund) -> String? {
    switch name {
    case "refund.amount": return formatter.string(from: refund.amount, format: format)
    case "refund.status": return formatter.string(from: refund.status.rawValue, format: format)
    case "refund.requested_on": return formatter.string(from: refund.requestedOn, format: format)
    case "refund.expected_by": return refund.expectedBy.map { formatter.string(from: $0, format: format) }
    default: return nil
    }
  }

  private func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
    return text
  }

  /// Item names joined as "Desk lamp, 2 x Mug and Rug".
  static func itemList(_ items: [OrderItem]) -> String {
    let names = items.map { $0.quantity > 1 ? "\($0.quantity) x \($0.name)" : $0.name }
    guard names.count > 1 else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + " and " + names.last!
  }
}
