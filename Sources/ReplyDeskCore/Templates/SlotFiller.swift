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
  public func fill(_ template: ReplyTemplate, profile: CustomerProfile, order: Order? = nil) -> [TextSegment]
  {
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
    return text.slotNames.allSatisfy { rawValue(of: $0, profile: profile, order: focus) != nil }
  }

  /// The names of the catalog's slots that have a value for this profile and order.
  public func availableSlots(profile: CustomerProfile, order: Order? = nil) -> Set<String> {
    let focus = order ?? profile.focusOrder
    return Set(SlotCatalog.all.map(\.name).filter { rawValue(of: $0, profile: profile, order: focus) != nil })
  }

  /// The written value of slot `name`, or nil when the profile has nothing for it.
  public func value(of name: String, format: SlotFormat?, profile: CustomerProfile, order: Order?)
    -> String?
  {
    switch rawValue(of: name, profile: profile, order: order) {
    case .text(let text): return formatter.string(from: text, format: format)
    case .date(let date): return formatter.string(from: date, format: format)
    case .money(let money): return formatter.string(from: money, format: format)
    case nil: return nil
    }
  }

  /// A slot's value before formatting.
  private enum RawValue {
    case text(String)
    case date(Date)
    case money(Money)
  }

  private func rawValue(of name: String, profile: CustomerProfile, order: Order?) -> RawValue? {
    if name.hasPrefix("customer.") { return customerValue(name, profile: profile) }
    guard let order else { return nil }
    if name.hasPrefix("refund.") { return order.refund.flatMap { refundValue(name, refund: $0) } }
    return orderValue(name, order: order)
  }

  private func customerValue(_ name: String, profile: CustomerProfile) -> RawValue? {
    switch name {
    case "customer.first_name": return text(profile.firstName)
    case "customer.last_name": return text(profile.lastName)
    case "customer.full_name": return text(profile.fullName)
    case "customer.email": return text(profile.email)
    case "customer.phone": return text(profile.phone)
    case "customer.address": return text(profile.address)
    case "customer.membership": return text(profile.membership.rawValue)
    case "customer.member_since": return profile.memberSince.map(RawValue.date)
    default: return nil
    }
  }

  private func orderValue(_ name: String, order: Order) -> RawValue? {
    switch name {
    case "order.id": return text(order.id)
    case "order.item": return text(order.items.first?.name)
    case "order.items": return order.items.isEmpty ? nil : .text(Self.itemList(order.items))
    case "order.item_count":
      let count = order.items.reduce(0) { $0 + $1.quantity }
      return count == 0 ? nil : .text("\(count) item\(count == 1 ? "" : "s")")
    case "order.total": return order.items.isEmpty ? nil : .money(order.total)
    case "order.status": return .text(order.status.rawValue)
    case "order.placed_on": return .date(order.placedOn)
    case "order.delivery_date": return order.deliveryDate.map(RawValue.date)
    case "order.delivery_window": return text(order.deliveryWindow)
    case "order.tracking_number": return text(order.trackingNumber)
    default: return nil
    }
  }

  private func refundValue(_ name: String, refund: Refund) -> RawValue? {
    switch name {
    case "refund.amount": return .money(refund.amount)
    case "refund.status": return .text(refund.status.rawValue)
    case "refund.requested_on": return .date(refund.requestedOn)
    case "refund.expected_by": return refund.expectedBy.map(RawValue.date)
    default: return nil
    }
  }

  /// A text value, or nil when it is absent or blank.
  private func text(_ value: String?) -> RawValue? {
    guard let value, value.contains(where: { !$0.isWhitespace }) else { return nil }
    return .text(value)
  }

  /// Item names joined as "Desk lamp, 2 x Mug and Rug".
  static func itemList(_ items: [OrderItem]) -> String {
    let names = items.map { $0.quantity > 1 ? "\($0.quantity) x \($0.name)" : $0.name }
    guard names.count > 1 else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + " and " + names.last!
  }
}
