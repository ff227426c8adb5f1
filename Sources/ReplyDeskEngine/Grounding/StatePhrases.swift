import ReplyDeskCore

/// Ways a representative says what state an order or a refund is in, for training only
/// (`StateParaphraser`). `{o}` is an order noun phrase, `{r}` a refund noun phrase, `{day}` a day.
/// The state clauses are in StatePhrases+Order.swift and StatePhrases+Refund.swift, what a state
/// means for the customer in StatePhrases+Consequences.swift. Subjects are singular and lowercase;
/// openers end in ", " or ": " (the sentence goes on) or ". " (it is capitalized). Written for this
/// project; never drawn from Templates/, the phrasebook or the grounding evaluation set.
enum StatePhrases {
  static let orderSubjects = [
    "order {order.id}", "your order", "your order {order.id}", "the order", "order number {order.id}",
    "your {order.item}", "the {order.item}", "your package", "your parcel", "the parcel", "your delivery",
    "the shipment", "order #{order.id}", "the {order.item} you ordered",
    "the package with your {order.item}", "shipment {order.id}", "your purchase", "your shipment",
    "the parcel for order {order.id}", "your {order.item} order", "order no. {order.id}",
    "the box with your {order.item}", "your recent order", "the item you bought", "your online order",
    "the package for order #{order.id}", "the delivery for order {order.id}",
    "your order of the {order.item}",
  ]

  static let refundSubjects = [
    "your refund", "the refund for order {order.id}", "your refund of {refund.amount}",
    "the refund on your {order.item}", "the refund", "your money back for order {order.id}",
    "the {refund.amount} refund", "the refund for your {order.item}",
    "the refund you asked for", "your refund on order {order.id}", "the refund for order #{order.id}",
    "your {refund.amount} refund", "the refund of {refund.amount}", "the refund you requested",
    "your refund for the {order.item}", "the refund on order number {order.id}",
  ]

  static let openers = [
    "", "", "", "I've checked, and ", "Thanks for waiting. ", "I just looked this up: ",
    "According to our system, ", "Good question. ", "Let me explain: ", "Sorry for the confusion. ",
    "Here's the latest: ", "From what I can see, ", "Hi {customer.first_name}, ",
    "Thanks, {customer.first_name}. ",
    "", "Thanks for your patience. ", "I've looked into it, and ", "Quick update: ", "Okay, so ",
    "Just checked for you: ", "Thanks for reaching out. ", "Sure, let me check. ", "Looking at our records, ",
    "Hello {customer.first_name}. ", "Hi there, ", "Update for you: ", "Having checked our system, ",
    "Thanks for the order number. ", "Looking at your account, ", "To give you an update, ",
  ]

  static let closers = [
    "", "", "", " Is there anything else I can help with?", " Let me know if you have questions.",
    " Thanks for your patience.", " I'm happy to help further.", " Anything else?",
    "", " Just reply here if you need anything else.", " Have a great day!", " Feel free to reach out again.",
    " I hope that helps.", " Let me know if there's anything more I can do.", " Take care!",
    " Is there anything else you'd like me to check?", " Thanks for shopping with us.",
  ]

  static let days = [
    "{order.delivery_date|weekday}", "tomorrow", "Monday", "Thursday", "Friday", "next week",
    "Tuesday", "Wednesday", "Saturday",
  ]
}
