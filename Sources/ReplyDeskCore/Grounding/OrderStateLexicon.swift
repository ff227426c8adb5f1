import Foundation

/// The phrases a strict simulated customer reads order and refund states from, each with the states
/// it is true for. They cover the shipped templates and the ways representatives commonly put the same
/// thing ("has left our warehouse", "out for delivery", "refund went out"), each also in its other
/// spellings ("has not shipped", "canceled"). Text is lowercased first, and a phrase matched blanks
/// its words, so the negated and future phrases, listed first, are never read
/// again as the positive ones inside them ("hasn't been delivered" is not "been delivered").
enum OrderStateLexicon {
  private static let inProgress: Set<OrderStatus> = [.processing, .shipped, .delayed]
  private static let inTransit: Set<OrderStatus> = [.shipped, .delayed]

  /// Phrases stating an order's status, read in clauses about the order.
  static let orderPhrases: [(phrase: String, states: Set<OrderStatus>)] =
    entries([
      (
        [
          "hasn't been delivered", "not been delivered", "not delivered yet", "not yet delivered",
          "isn't delivered", "wasn't delivered", "hasn't arrived", "not arrived yet", "hasn't reached you",
          "still not here", "to be delivered", "will be delivered", "should be delivered", "will arrive",
          "should arrive", "will reach you", "should reach you", "plans to deliver", "expected on",
          "expected by", "due to arrive", "due on",
        ], inProgress
      ),
      (
        [
          "hasn't shipped", "hasn't been shipped", "not shipped yet", "not yet shipped", "hasn't yet shipped",
          "hasn't gone out", "hasn't left", "not been dispatched", "hasn't been dispatched",
          "not dispatched yet", "yet to ship", "hasn't been sent out", "hasn't been picked up",
          "still being prepared", "still being packed", "being packed", "being prepared", "still processing",
          "is being processed", "still at our warehouse", "still in our warehouse", "should ship",
          "will ship soon", "will ship shortly", "ships soon", "ready to ship", "waiting to ship",
          "can still cancel", "can still change",
        ], [.processing]
      ),
      (
        ["isn't cancelled", "wasn't cancelled", "hasn't been cancelled", "not cancelled"],
        Set(OrderStatus.allCases).subtracting([.cancelled])
      ),
      (
        [
          "hasn't been returned", "not returned yet", "haven't received the return",
          "haven't received your return", "haven't got it back",
        ], Set(OrderStatus.allCases).subtracting([.returned])
      ),
      (
        [
          "has been held up", "held up at", "is held up", "has been delayed", "is delayed", "was delayed",
          "is running late", "running behind", "is stuck", "delivery exception",
        ], [.delayed]
      ),
      (
        [
          "has shipped", "has already shipped", "was shipped", "has been shipped", "shipped on",
          "is on its way", "is on the way", "still on its way", "on its way to you", "has left our warehouse",
          "has left the warehouse", "has already left", "left our warehouse", "left the warehouse",
          "in transit", "out for delivery", "is with the carrier", "is with the courier",
          "has been dispatched", "was dispatched", "is moving again", "picked up by the carrier",
          "handed to the carrier",
          "handed over to the courier",
        ], inTransit
      ),
      (
        [
          "was delivered", "has been delivered", "already delivered", "been delivered", "delivered on",
          "has arrived", "it arrived", "arrived on", "was dropped off", "been dropped off", "dropped off at",
          "left at your door", "was signed for", "has reached you", "can be returned within",
        ], [.delivered]
      ),
      (
        [
          "is cancelled", "is already cancelled", "was cancelled", "has been cancelled", "already cancelled",
          "i've cancelled",
        ], [.cancelled]
      ),
      (
        [
          "received the return", "received your return", "return has arrived", "return was received",
          "has been returned", "was returned", "already returned", "is back at our warehouse",
          "return was scanned",
        ], [.returned]
      ),
    ]) + statusWords(OrderStatus.self)

  /// Phrases stating a refund's state, read in clauses about the refund.
  static let refundPhrases: [(phrase: String, states: Set<StatedRefund>)] =
    entries([
      (["hasn't been approved", "not been approved yet", "not approved yet"], [.requested]),
      (
        [
          "wasn't approved", "couldn't be approved", "was declined", "has been declined", "was rejected",
          "has been rejected", "was refused", "was denied",
        ], [.rejected]
      ),
      (
        [
          "hasn't been issued", "not been issued", "not issued yet", "hasn't gone out", "hasn't been sent",
          "not been sent",
        ], [.requested, .approved]
      ),
      (
        [
          "don't see a refund", "no refund", "no record of a refund", "haven't received a refund request",
          "isn't a refund", "nothing has been refunded",
        ], [.none]
      ),
      (
        [
          "waiting for review", "waiting to be reviewed", "being reviewed", "under review", "pending review",
          "awaiting review", "in review", "the review", "request is pending", "started a refund",
          "has been started",
        ], [.requested]
      ),
      (["will be sent", "will be issued", "will go out"], [.approved]),
      (["has been approved", "was approved", "is approved", "been approved"], [.approved, .issued]),
      (["is on its way", "on its way to your", "is being processed"], [.approved, .issued]),
      (
        [
          "was issued", "has been issued", "is issued", "been issued", "issued on our side", "went out",
          "has gone out", "has been sent", "was sent", "has been paid", "was paid out", "been refunded",
          "has been processed", "was processed",
        ], [.issued]
      ),
    ]) + statusWords(StatedRefund.self)

  /// Phrases reporting an action the representative took: the order's state after it is what they
  /// state, and the state before it is what the action needs.
  static let actionPhrases: [(phrase: String, action: ReplyAction)] = [
    ("i've cancelled", ReplyAction.cancelsOrder), ("is cancelled", .cancelsOrder),
    ("is now cancelled", .cancelsOrder), ("started a refund", .startsRefund),
    ("opened a refund", .startsRefund),
  ].flatMap { phrase, action in spelled(phrase).map { (phrase: $0, action: action) } }

  /// Words that make a clause about the refund rather than the order.
  static let refundWords = ["refund", "review", "money", "reimburs"]
  /// Words that make a clause about the order (unless it names the refund too).
  static let orderWords = [
    "order", "parcel", "package", "shipment", "item", "delivery", "courier", "carrier", "it ", "it'",
  ]
  /// Words that open a clause stating nothing as fact ("if it hasn't arrived by friday, ...").
  static let conditionalOpeners = [
    "if ", "once ", "when ", "whether ", "unless ", "until ", "as soon as ", "in case ",
  ]
  /// Words after which the rest of a clause is conditional ("shipping is refunded when it arrived damaged").
  static let conditionalMarkers = [
    " if ", " once ", " when ", " whether ", " unless ", " until ", " as soon as ", " in case ", " after ",
  ]
  /// Where a sentence is split into clauses.
  static let clauseBreaks = [",", ";", ":", " but ", " so ", " and then ", " while ", " because "]

  /// One entry per phrase of each group, and per other spelling of it (see `spellings`).
  private static func entries<State>(_ groups: [([String], Set<State>)]) -> [(
    phrase: String, states: Set<State>
  )] {
    groups.flatMap { phrases, states in phrases.flatMap(spelled).map { (phrase: $0, states: states) } }
  }

  /// Other ways of writing a phrase's words, applied in turn.
  private static let spellings = [
    ("can't", "cannot"), ("can't", "can not"), ("n't", " not"), ("i've", "i have"), ("we've", "we have"),
    ("cancelled", "canceled"),
  ]

  /// `phrase` and its other spellings: "hasn't shipped" is also "has not shipped".
  private static func spelled(_ phrase: String) -> [String] {
    var forms = [phrase]
    for (from, to) in spellings {
      forms += forms.filter { $0.contains(from) }.map { $0.replacingOccurrences(of: from, with: to) }
    }
    return forms
  }

  /// "status is shipped", "marked as delivered", "shows as approved" for every state.
  private static func statusWords<State: RawRepresentable & Hashable & CaseIterable>(_: State.Type)
    -> [(phrase: String, states: Set<State>)] where State.RawValue == String
  {
    State.allCases.flatMap { state in
      [
        "status is \(state.rawValue)", "marked as \(state.rawValue)", "shows as \(state.rawValue)",
      ].map { (phrase: $0, states: [state]) }
    }
  }

  /// The text's bytes as the phrases are written, between two spaces: ASCII letters lowercase, a
  /// typographic apostrophe (’) straight.
  static func normalized(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = [32]
    let utf8 = Array(text.utf8)
    var index = 0
    while index < utf8.count {
      let byte = utf8[index]
      if byte == 0xE2, index + 2 < utf8.count, utf8[index + 1] == 0x80, utf8[index + 2] == 0x99 {
        bytes.append(UInt8(ascii: "'"))
        index += 3
        continue
      }
      bytes.append((65...90).contains(byte) ? byte + 32 : byte)
      index += 1
    }
    return bytes + [32]
  }
}
