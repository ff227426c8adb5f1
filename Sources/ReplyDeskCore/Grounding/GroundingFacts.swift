import Foundation

/// What a suggestion is checked against: the profile, the order in question (as the actions the
/// representative's replies reported left it, see `ReportedActions`), what the chat already holds,
/// and the time of the event that asked for suggestions.
public struct GroundingFacts: Sendable, Equatable {
  public var profile: CustomerProfile
  public var inQuestion: OrderInQuestion
  public var now: Date
  /// The customer wrote something that looks like an order number.
  public var chatHasOrderNumber: Bool
  /// The customer wrote an email address.
  public var chatHasEmail: Bool
  /// The customer wrote a postal address (a house number beside a street name).
  public var chatHasAddress: Bool
  /// What the customer said they do not have (see `DeclinedFacts`).
  public var declined: Set<AskedFact>
  /// The customer wrote an order number or an email address that is none of the profile's.
  public var chatHasUnmatchedDetail: Bool
  /// The order in question is only a guess among open orders: neither the chat nor the profile
  /// settles it, and another of the customer's orders is still on its way.
  public var orderIsAGuess: Bool
  /// An action the representative offered and the customer just accepted, which the order in
  /// question still allows and no reply has reported done yet (see `AcceptedOffer`).
  public var acceptedOffer: ReplyAction?
  private let calendar: Calendar

  public init(
    turns: [Turn], profile: CustomerProfile, now: Date, pin: OrderInQuestion.Pin? = nil,
    calendar: Calendar = ValueFormatter.posixCalendar
  ) {
    self.profile = profile
    self.now = now
    self.calendar = calendar
    let mentions = OrderMentions(orders: profile.orders)
    inQuestion = OrderInQuestion.resolve(turns: turns, profile: profile, pin: pin, mentions: mentions)
    inQuestion.order = inQuestion.order.map { ReportedActions.apply(to: $0, turns: turns) }
    let customerTexts = turns.filter { $0.speaker == .customer }.map(\.text)
    chatHasOrderNumber = customerTexts.contains(where: OrderMentions.containsOrderNumber)
    chatHasEmail = customerTexts.contains(where: Self.containsEmail)
    chatHasAddress = customerTexts.contains(where: PostalAddress.appears(in:))
    declined = DeclinedFacts.in(turns)
    chatHasUnmatchedDetail = customerTexts.contains {
      Self.writesUnmatchedDetail($0, mentions: mentions, profileEmail: profile.email)
    }
    let chosen = inQuestion.order?.id
    orderIsAGuess =
      inQuestion.basis == .mostRecent && profile.orders.contains { $0.id != chosen && $0.status.isOpen }
    acceptedOffer = inQuestion.order.flatMap { order in
      AcceptedOffer.action(in: turns).flatMap { Self.allows(order, $0) ? $0 : nil }
    }
  }

  /// Whether `order` is in a state `action` can still be taken on.
  private static func allows(_ order: Order, _ action: ReplyAction) -> Bool {
    switch action {
    case .cancelsOrder: return order.status == .processing
    case .startsRefund: return order.refund == nil
    }
  }

  /// The facts of a ranking request, at the request's time.
  public init(request: RankingRequest, calendar: Calendar = ValueFormatter.posixCalendar) {
    self.init(
      turns: request.context, profile: request.profile, now: request.time, pin: request.pin,
      calendar: calendar)
  }

  /// Delayed, or still on its way after the day it was due.
  public func isLate(_ order: Order) -> Bool {
    if order.status == .delayed { return true }
    guard order.status == .processing || order.status == .shipped, let due = order.deliveryDate else {
      return false
    }
    return calendar.startOfDay(for: due) < calendar.startOfDay(for: now)
  }

  /// Whole days since the order was delivered (by its delivery date), or nil when it is not delivered.
  public func daysSinceDelivery(_ order: Order) -> Int? {
    guard order.status == .delivered, let date = order.deliveryDate else { return nil }
    return calendar.dateComponents(
      [.day], from: calendar.startOfDay(for: date), to: calendar.startOfDay(for: now)
    )
    .day
  }

  /// Whole days past the due date of an order still on its way, or nil.
  public func daysLate(_ order: Order) -> Int? {
    guard isLate(order), let due = order.deliveryDate else { return order.status == .delayed ? 0 : nil }
    let days = calendar.dateComponents(
      [.day], from: calendar.startOfDay(for: due), to: calendar.startOfDay(for: now))
    return max(0, days.day ?? 0)
  }

  /// Why asking for `fact` is needless, or nil when the customer still has to give it.
  public func holding(_ fact: AskedFact) -> String? {
    switch fact {
    case .orderID:
      if inQuestion.isSettled, let order = inQuestion.order {
        return inQuestion.basis == .named || inQuestion.basis == .pinned
          ? "the chat already names order \(order.id)" : "the profile settles the order (\(order.id))"
      }
      return chatHasOrderNumber ? "the customer already gave an order number" : nil
    case .email:
      if chatHasEmail { return "the customer already gave an email address" }
      return profile.email.map { _ in "the profile has the email address" }
    case .phone:
      return profile.phone.map { _ in "the profile has the phone number" }
    case .fullName:
      return profile.lastName.isEmpty ? nil : "the profile has the customer's name"
    case .address:
      return chatHasAddress ? "the customer already gave an address" : nil
    }
  }

  /// Why asking for `fact` is needless, the customer having said they do not have it, or nil.
  public func declining(_ fact: AskedFact) -> String? {
    guard declined.contains(fact) else { return nil }
    switch fact {
    case .orderID: return "the customer said they don't have the order number"
    case .email: return "the customer said they don't have the email address"
    default: return "the customer said they don't have it"
    }
  }

  private static func containsEmail(_ text: String) -> Bool {
    text.utf8.contains(UInt8(ascii: "@")) && !emails(in: text).isEmpty
  }

  private static func emails(in text: String) -> [String] {
    TextRuns.runs(text, of: .nonWhitespace, lowercased: true).filter { word in
      let parts = word.split(separator: "@")
      return parts.count == 2 && parts[1].contains(".") && !parts[0].isEmpty
    }
  }

  /// Whether `text` writes an order number that names none of the profile's orders (`mentions`
  /// reads them), or an email address other than the profile's.
  private static func writesUnmatchedDetail(
    _ text: String, mentions: OrderMentions, profileEmail: String?
  ) -> Bool {
    // Most chat lines hold neither a digit nor an "@": nothing to match.
    guard text.utf8.contains(where: { (0x30...0x39).contains($0) || $0 == UInt8(ascii: "@") }) else {
      return false
    }
    if OrderMentions.containsOrderNumber(text) && mentions.numberedOrderIDs(in: text).isEmpty { return true }
    if mentions.unknownOrderNumber(in: text) != nil { return true }
    return emails(in: text).contains { word in
      var address = Substring(word)
      while let last = address.last, last.isPunctuation { address = address.dropLast() }
      while let first = address.first, first.isPunctuation { address = address.dropFirst() }
      return address != profileEmail.map { Substring($0.lowercased()) }
    }
  }
}
