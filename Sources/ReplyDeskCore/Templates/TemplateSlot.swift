/// The kind of value a slot holds, which decides the formats it accepts.
public enum SlotKind: String, Sendable, CaseIterable {
  case text
  case date
  case money
}

/// How a slot's value is written: `{order.delivery_date|weekday}` uses `weekday`.
public enum SlotFormat: String, Sendable, CaseIterable {
  /// "March 4, 2026" (the default for dates).
  case date
  /// "Tuesday, March 4".
  case weekday
  /// "Mar 4".
  case short
  /// "today", "tomorrow", "yesterday", "on Tuesday", "in 12 days" or "12 days ago".
  case relative
  /// "$42.50", "€12.00" (the default for money).
  case money
  /// "42.50 USD".
  case code
  /// "DELAYED".
  case upper
  /// "delayed".
  case lower
  /// "Delayed".
  case capitalized

  /// The kind of slot the format applies to.
  public var kind: SlotKind {
    switch self {
    case .date, .weekday, .short, .relative: return .date
    case .money, .code: return .money
    case .upper, .lower, .capitalized: return .text
    }
  }
}

/// A profile field a template may name, such as `order.tracking_number`.
public struct SlotDefinition: Sendable, Equatable {
  public var name: String
  public var kind: SlotKind
  public var summary: String

  public init(name: String, kind: SlotKind, summary: String) {
    self.name = name
    self.kind = kind
    self.summary = summary
  }
}

/// Every slot templates may use; `Templates/README.md` documents the same list.
public enum SlotCatalog {
  public static let all: [SlotDefinition] = [
    SlotDefinition(name: "customer.first_name", kind: .text, summary: "First name"),
    SlotDefinition(name: "customer.last_name", kind: .text, summary: "Last name"),
    SlotDefinition(name: "customer.full_name", kind: .text, summary: "First and last name"),
    SlotDefinition(name: "customer.email", kind: .text, summary: "Email address on file"),
    SlotDefinition(name: "customer.phone", kind: .text, summary: "Phone number on file"),
    SlotDefinition(name: "customer.address", kind: .text, summary: "Delivery address on file"),
    SlotDefinition(name: "customer.membership", kind: .text, summary: "guest, standard, silver or gold"),
    SlotDefinition(name: "customer.member_since", kind: .date, summary: "Date the account was opened"),
    SlotDefinition(name: "order.id", kind: .text, summary: "Order number"),
    SlotDefinition(name: "order.item", kind: .text, summary: "Name of the first item"),
    SlotDefinition(name: "order.items", kind: .text, summary: "All items: \"a lamp, 2 x mug and a rug\""),
    SlotDefinition(name: "order.item_count", kind: .text, summary: "\"1 item\", \"3 items\""),
    SlotDefinition(name: "order.total", kind: .money, summary: "Sum of the item prices"),
    SlotDefinition(name: "order.status", kind: .text, summary: "processing, shipped, delayed, …"),
    SlotDefinition(name: "order.placed_on", kind: .date, summary: "Date the order was placed"),
    SlotDefinition(name: "order.delivery_date", kind: .date, summary: "Expected or actual delivery date"),
    SlotDefinition(name: "order.delivery_window", kind: .text, summary: "Time window, e.g. \"9am-1pm\""),
    SlotDefinition(name: "order.tracking_number", kind: .text, summary: "Carrier tracking number"),
    SlotDefinition(name: "refund.amount", kind: .money, summary: "Refund amount with its currency"),
    SlotDefinition(name: "refund.status", kind: .text, summary: "requested, approved, issued or rejected"),
    SlotDefinition(name: "refund.requested_on", kind: .date, summary: "Date the refund was requested"),
    SlotDefinition(name: "refund.expected_by", kind: .date, summary: "Date the money should be back"),
  ]

  private static let byName: [String: SlotDefinition] = Dictionary(
    uniqueKeysWithValues: all.map { ($0.name, $0) })

  /// The definition of the slot called `name`, if templates may use it.
  public static func definition(named name: String) -> SlotDefinition? { byName[name] }
}
