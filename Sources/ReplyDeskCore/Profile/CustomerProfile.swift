import Foundation

/// An amount of money in minor units (cents) with its ISO currency code.
public struct Money: Codable, Sendable, Equatable, Hashable {
  public var minorUnits: Int
  public var currency: String

  public init(minorUnits: Int, currency: String = "USD") {
    self.minorUnits = minorUnits
    self.currency = currency
  }
}

/// Where an order is in its life.
public enum OrderStatus: String, Codable, Sendable, CaseIterable {
  case processing
  case shipped
  case delayed
  case delivered
  case cancelled
  case returned
}

/// One line of an order.
public struct OrderItem: Codable, Sendable, Equatable {
  public var name: String
  public var quantity: Int
  public var price: Money

  public init(name: String, quantity: Int = 1, price: Money) {
    self.name = name
    self.quantity = quantity
    self.price = price
  }
}

/// Where a refund is.
public enum RefundStatus: String, Codable, Sendable, CaseIterable {
  case requested
  case approved
  case issued
  case rejected
}

/// A refund against an order.
public struct Refund: Codable, Sendable, Equatable {
  public var amount: Money
  public var status: RefundStatus
  public var requestedOn: Date
  /// When the money is (or was) expected back on the customer's card.
  public var expectedBy: Date?

  public init(amount: Money, status: RefundStatus, requestedOn: Date, expectedBy: Date? = nil) {
    self.amount = amount
    self.status = status
    self.requestedOn = requestedOn
    self.expectedBy = expectedBy
  }
}

/// An order as the profile pane shows it.
public struct Order: Codable, Sendable, Equatable, Identifiable {
  public var id: String
  public var items: [OrderItem]
  public var status: OrderStatus
  public var placedOn: Date
  public var deliveryDate: Date?
  /// A delivery time window such as "9am-1pm".
  public var deliveryWindow: String?
  public var trackingNumber: String?
  public var refund: Refund?

  public init(
    id: String, items: [OrderItem], status: OrderStatus, placedOn: Date, deliveryDate: Date? = nil,
    deliveryWindow: String? = nil, trackingNumber: String? = nil, refund: Refund? = nil
  ) {
    self.id = id
    self.items = items
    self.status = status
    self.placedOn = placedOn
    self.deliveryDate = deliveryDate
    self.deliveryWindow = deliveryWindow
    self.trackingNumber = trackingNumber
    self.refund = refund
  }

  /// The sum of the item prices (in the first item's currency).
  public var total: Money {
    let currency = items.first?.price.currency ?? "USD"
    return Money(minorUnits: items.reduce(0) { $0 + $1.price.minorUnits * $1.quantity }, currency: currency)
  }
}

/// Membership levels shown in the profile and used as a profile feature.
public enum Membership: String, Codable, Sendable, CaseIterable {
  case guest
  case standard
  case silver
  case gold
}

/// What the console knows about the customer in a chat.
public struct CustomerProfile: Codable, Sendable, Equatable {
  public var id: String
  public var firstName: String
  public var lastName: String
  public var email: String?
  public var phone: String?
  public var address: String?
  public var membership: Membership
  public var memberSince: Date?
  /// How many times the customer contacted support before this chat.
  public var pastContacts: Int
  public var orders: [Order]

  public init(
    id: String, firstName: String, lastName: String, email: String? = nil, phone: String? = nil,
    address: String? = nil, membership: Membership = .standard, memberSince: Date? = nil,
    pastContacts: Int = 0, orders: [Order] = []
  ) {
    self.id = id
    self.firstName = firstName
    self.lastName = lastName
    self.email = email
    self.phone = phone
    self.address = address
    self.membership = membership
    self.memberSince = memberSince
    self.pastContacts = pastContacts
    self.orders = orders
  }

  public var fullName: String { "\(firstName) \(lastName)" }

  /// The order a chat is most likely about: the most recently placed one.
  public var focusOrder: Order? { orders.max { $0.placedOn < $1.placedOn } }
}
