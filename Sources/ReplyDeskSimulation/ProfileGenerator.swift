import Foundation
import ReplyDeskCore

/// A generated customer: a profile and the order its scenario is about.
public struct GeneratedCustomer: Sendable, Equatable {
  public var profile: CustomerProfile
  /// The id of the order the customer writes about: one of the profile's orders, not always the
  /// most recent one.
  public var orderID: String

  /// The order the customer writes about.
  public var order: Order? { profile.orders.first { $0.id == orderID } }
}

/// Makes fictional, seeded customers with one to four orders in different states, one of which (the
/// order in question, not always the most recent) fits a scenario: a delayed order for a late
/// delivery, a refund for a refund question, and so on. Its first item is in no other order, so a
/// customer can name it by item. Dates are relative to `now`.
public struct ProfileGenerator: Sendable {
  private var random: SeededGenerator
  private static let day: TimeInterval = 86_400

  public init(seed: UInt64) {
    random = SeededGenerator(seed: seed)
  }

  /// Another address in the same region as the profile's, for a customer who is moving.
  mutating func freshAddress(like profile: CustomerProfile) -> String {
    let currency = profile.focusOrder?.total.currency ?? "USD"
    let region =
      ProfileCatalog.regions.map(\.0).first { $0.currency == currency } ?? ProfileCatalog.regions[0].0
    return address(region)
  }

  /// A new customer's profile (see `customer(for:now:)`).
  public mutating func profile(for scenario: Scenario? = nil, now: Date) -> CustomerProfile {
    customer(for: scenario, now: now).profile
  }

  /// A new customer; the order in question is shaped for `scenario`, or arbitrary when nil.
  public mutating func customer(for scenario: Scenario? = nil, now: Date) -> GeneratedCustomer {
    let region = random.pick(weighted: ProfileCatalog.regions)
    let first = random.pick(ProfileCatalog.firstNames)
    let last = random.pick(ProfileCatalog.lastNames)
    let membership = random.pick(weighted: [
      (Membership.guest, 0.1), (.standard, 0.5), (.silver, 0.25), (.gold, 0.15),
    ])
    let email =
      "\(first.lowercased()).\(last.lowercased())\(random.int(1...99))@\(random.pick(ProfileCatalog.emailDomains))"
    let phone = random.chance(0.85) ? "\(region.phonePrefix) \(random.int(1000...9999))" : nil
    let focus = order(status: status(for: scenario), scenario: scenario, region: region, now: now)
    var orders = [focus]
    let count = random.pick(weighted: [(1, 0.3), (2, 0.35), (3, 0.2), (4, 0.15)])
    while orders.count < count { orders.append(otherOrder(besides: orders, region: region, now: now)) }
    orders.sort { $0.placedOn < $1.placedOn }
    let profile = CustomerProfile(
      id: "C\(random.int(100_000...999_999))", firstName: first, lastName: last,
      email: membership == .guest && random.chance(0.3) ? nil : email, phone: phone,
      address: address(region), membership: membership,
      memberSince: membership == .guest
        ? nil : now.addingTimeInterval(-Double(random.int(40...2_500)) * Self.day),
      pastContacts: random.pick(weighted: [(0, 0.5), (1, 0.25), (2, 0.15), (random.int(3...6), 0.1)]),
      orders: orders)
    return GeneratedCustomer(profile: profile, orderID: focus.id)
  }

  /// Another order beside `orders`: mostly a recent one in a status none of them is in, else an old
  /// delivered or returned one; its id and items are none of theirs.
  private mutating func otherOrder(besides orders: [Order], region: ProfileCatalog.Region, now: Date) -> Order
  {
    let statuses = [OrderStatus.processing, .shipped, .delayed, .delivered, .cancelled].filter { status in
      !orders.contains { $0.status == status }
    }
    var other =
      random.chance(0.6) && !statuses.isEmpty
      ? order(status: random.pick(statuses), scenario: nil, region: region, now: now)
      : pastOrder(region: region, now: now)
    other.items = items(region, excluding: Set(orders.flatMap { $0.items.map(\.name) }))
    other.refund = other.refund.map { refund(for: other, status: $0.status, now: now) }
    while orders.contains(where: { $0.id == other.id }) { other.id = orderID() }
    return other
  }

  private mutating func address(_ region: ProfileCatalog.Region) -> String {
    let number = random.int(2...480)
    let street = random.pick(region.streets)
    let city = random.pick(region.cities)
    switch region.format {
    case .us: return "\(number) \(street), \(city)"
    case .uk: return "\(number) \(street), \(city)"
    case .continental: return "\(street) \(number), \(city)"
    }
  }

  /// One to three different items, none of them named in `excluded`.
  private mutating func items(_ region: ProfileCatalog.Region, excluding excluded: Set<String> = [])
    -> [OrderItem]
  {
    var names = excluded
    let products = ProfileCatalog.products.filter { !excluded.contains($0.0) }
    return (0..<random.pick(weighted: [(1, 0.55), (2, 0.3), (3, 0.15)])).compactMap { _ in
      let (name, price) = random.pick(products)
      guard names.insert(name).inserted else { return nil }
      let quantity = random.chance(0.15) ? 2 : 1
      return OrderItem(
        name: name, quantity: quantity, price: Money(minorUnits: price, currency: region.currency))
    }
  }

  private mutating func orderID() -> String { "RD-\(random.int(100_000...999_999))" }

  private mutating func tracking(_ region: ProfileCatalog.Region) -> String {
    let digits = (0..<12).map { _ in String(random.int(0...9)) }.joined()
    return region.trackingPrefix + digits
  }

  private mutating func pastOrder(region: ProfileCatalog.Region, now: Date) -> Order {
    let placed = now.addingTimeInterval(-Double(random.int(35...400)) * Self.day)
    return Order(
      id: orderID(), items: items(region), status: random.chance(0.9) ? .delivered : .returned,
      placedOn: placed, deliveryDate: placed.addingTimeInterval(Double(random.int(2...6)) * Self.day),
      trackingNumber: tracking(region))
  }

  private mutating func status(for scenario: Scenario?) -> OrderStatus {
    switch scenario {
    case .refundStatus: return random.pick(weighted: [(.delivered, 0.6), (.returned, 0.4)])
    case .orderCancellation:
      return random.pick(weighted: [
        (.processing, 0.7), (.shipped, 0.2), (.delivered, 0.05), (.cancelled, 0.05),
      ])
    case .returnItem: return random.pick(weighted: [(.delivered, 0.85), (.shipped, 0.1), (.returned, 0.05)])
    case .lateDelivery: return random.pick(weighted: [(.delayed, 0.7), (.shipped, 0.3)])
    case .deliveryStatus:
      return random.pick(weighted: [(.shipped, 0.6), (.processing, 0.25), (.delivered, 0.15)])
    case .addressChange:
      return random.pick(weighted: [(.processing, 0.7), (.shipped, 0.25), (.delivered, 0.05)])
    case .paymentProblem: return random.pick(weighted: [(.processing, 0.6), (.delivered, 0.4)])
    case nil: return random.pick(OrderStatus.allCases)
    }
  }

  /// A recent order in `status`, shaped for `scenario` when there is one.
  private mutating func order(
    status: OrderStatus, scenario: Scenario?, region: ProfileCatalog.Region, now: Date
  ) -> Order {
    let daysAgo: ClosedRange<Int>
    let deliveryOffset: ClosedRange<Int>
    switch status {
    case .processing: (daysAgo, deliveryOffset) = (0...2, 3...7)
    case .shipped where scenario == .lateDelivery: (daysAgo, deliveryOffset) = (8...14, -4 ... -1)
    case .shipped: (daysAgo, deliveryOffset) = (2...5, 1...3)
    case .delayed: (daysAgo, deliveryOffset) = (7...16, 2...6)
    case .delivered, .returned, .cancelled: (daysAgo, deliveryOffset) = (8...28, -6 ... -2)
    }
    let placed = now.addingTimeInterval(
      -Double(random.int(daysAgo)) * Self.day - Double(random.int(0...40_000)))
    let delivery = ValueFormatter.posixCalendar.startOfDay(for: now)
      .addingTimeInterval(Double(random.int(deliveryOffset)) * Self.day)
    var order = Order(
      id: orderID(), items: items(region), status: status, placedOn: placed, deliveryDate: delivery,
      deliveryWindow: [.delivered, .returned, .cancelled].contains(status)
        ? nil : random.pick(ProfileCatalog.deliveryWindows),
      trackingNumber: status == .processing ? nil : tracking(region))
    if (scenario == .refundStatus && random.chance(0.9)) || status == .returned
      || status == .cancelled
    {
      // A cancelled order's money goes back by itself: its refund is approved or issued.
      let refundStatus =
        status == .cancelled
        ? random.pick([RefundStatus.approved, .issued])
        : random.pick(weighted: [
          (RefundStatus.requested, 0.25), (.approved, 0.3), (.issued, 0.35), (.rejected, 0.1),
        ])
      order.refund = refund(for: order, status: refundStatus, now: now)
    }
    return order
  }

  private mutating func refund(for order: Order, status: RefundStatus, now: Date) -> Refund {
    let requested = now.addingTimeInterval(-Double(random.int(1...9)) * Self.day)
    let expected: Date? =
      switch status {
      case .requested, .rejected: nil
      case .approved, .issued: now.addingTimeInterval(Double(random.int(1...6)) * Self.day)
      }
    let partial = order.items.count > 1 && random.chance(0.3)
    let amount = partial ? order.items[0].price.minorUnits * order.items[0].quantity : order.total.minorUnits
    return Refund(
      amount: Money(minorUnits: amount, currency: order.total.currency), status: status,
      requestedOn: requested,
      expectedBy: expected)
  }
}
