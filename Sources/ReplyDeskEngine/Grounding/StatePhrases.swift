import ReplyDeskCore

/// Ways a representative says what state an order or a refund is in, for training only
/// (`StateParaphraser`). `{o}` is an order noun phrase, `{r}` a refund noun phrase, `{day}` a day.
/// Written for this project; never drawn from Templates/, the phrasebook or the grounding
/// evaluation set.
enum StatePhrases {
  static let orderSubjects = [
    "order {order.id}", "your order", "your order {order.id}", "the order", "order number {order.id}",
    "your {order.item}", "the {order.item}", "your package", "your parcel", "the parcel", "your delivery",
    "the shipment", "order #{order.id}", "the {order.item} you ordered",
  ]

  static let refundSubjects = [
    "your refund", "the refund for order {order.id}", "your refund of {refund.amount}",
    "the refund on your {order.item}", "the refund", "your money back for order {order.id}",
    "the {refund.amount} refund", "the refund for your {order.item}",
  ]

  static let orderClauses: [OrderStatus: [String]] = [
    .processing: [
      "{o} is still being prepared", "{o} hasn't shipped yet", "{o} has not left our warehouse yet",
      "{o} is still at our warehouse", "{o} is being packed right now", "{o} is still processing",
      "{o} is being processed", "{o} hasn't been dispatched yet", "{o} is waiting to be picked and packed",
      "{o} is not on its way yet", "{o} is still in the queue to ship", "{o} is getting ready to ship",
      "we haven't sent {o} out yet", "{o} is due to ship soon but hasn't gone out yet",
    ],
    .shipped: [
      "{o} has shipped", "{o} is on its way", "{o} is in transit", "{o} has been dispatched",
      "{o} left our warehouse", "{o} is with the carrier now", "{o} is out with the courier",
      "{o} was sent out", "{o} is heading your way", "{o} has already shipped",
      "{o} was handed to the carrier", "{o} is moving through the carrier's network", "we shipped {o}",
      "{o} is en route to you",
    ],
    .delayed: [
      "{o} is delayed", "{o} is running late", "{o} has been held up", "{o} is behind schedule",
      "{o} is stuck with the carrier", "{o} won't make its original delivery date", "{o} has hit a delay",
      "{o} is taking longer than planned", "{o} has been delayed in transit", "the carrier has delayed {o}",
      "{o} is late", "{o} missed its delivery date",
    ],
    .delivered: [
      "{o} was delivered", "{o} has been delivered", "{o} arrived", "{o} was dropped off",
      "{o} shows as delivered", "{o} has already arrived", "{o} reached your address",
      "the courier delivered {o}", "{o} was left at your door", "{o} was signed for", "{o} got to you",
      "{o} is marked as delivered",
    ],
    .cancelled: [
      "{o} was cancelled", "{o} has been canceled", "{o} is cancelled", "{o} was called off",
      "{o} has already been cancelled", "{o} was voided", "{o} is no longer active because it was cancelled",
      "we cancelled {o}", "{o} shows as canceled", "{o} was stopped and cancelled",
    ],
    .returned: [
      "{o} was returned", "{o} has come back to us", "{o} is back at our warehouse",
      "we've received the return of {o}", "{o} was sent back", "{o} has been returned",
      "the return for {o} has arrived", "we got {o} back", "{o} shows as returned", "{o} made it back to us",
    ],
  ]

  /// Refund clauses by refund status; nil is "no refund".
  static let refundClauses: [RefundStatus?: [String]] = [
    nil: [
      "there's no refund on {o} yet", "I don't see a refund for {o}", "no refund has been requested for {o}",
      "{o} has no refund open", "nothing has been refunded on {o} so far",
      "there isn't a refund request on {o}",
      "a refund was never started for {o}", "I can't find any refund for {o}",
    ],
    .requested: [
      "{r} is waiting for review", "{r} is pending", "{r} is under review",
      "{r} was requested and is being checked",
      "{r} hasn't been approved yet", "{r} is still being reviewed", "{r} is in the queue for approval",
      "we're still reviewing {r}", "{r} is awaiting a decision",
    ],
    .approved: [
      "{r} has been approved", "{r} was approved", "{r} got the go-ahead",
      "{r} is approved and will be sent soon",
      "we approved {r}", "{r} has been accepted and will go out shortly", "{r} is approved but not sent yet",
    ],
    .issued: [
      "{r} has been issued", "{r} was sent to your card", "{r} went out", "{r} has been paid out",
      "{r} was processed and sent", "{r} is on its way to your bank",
      "we've sent {r} back to your original payment method", "{r} has been refunded to your account",
      "{r} was completed on our side",
    ],
    .rejected: [
      "{r} was declined", "{r} was rejected", "{r} was turned down", "{r} was denied",
      "{r} couldn't be approved",
      "we had to decline {r}", "{r} didn't go through because the return didn't meet our conditions",
    ],
  ]

  static let openers = [
    "", "", "", "I've checked, and ", "Thanks for waiting. ", "I just looked this up: ",
    "According to our system, ", "Good question. ", "Let me explain: ", "Sorry for the confusion. ",
    "Here's the latest: ", "From what I can see, ", "Hi {customer.first_name}, ",
    "Thanks, {customer.first_name}. ",
  ]

  static let closers = [
    "", "", "", " Is there anything else I can help with?", " Let me know if you have questions.",
    " Thanks for your patience.", " I'm happy to help further.", " Anything else?",
  ]

  static let days = [
    "{order.delivery_date|weekday}", "tomorrow", "Monday", "Thursday", "Friday", "next week",
  ]
}
