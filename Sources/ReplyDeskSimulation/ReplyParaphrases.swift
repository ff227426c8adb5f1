/// Replies in a representative's own words, one per template, written apart from `Templates/` (none
/// copies a template's sentence), with the same slots. `replydesk simulate --paraphrased` sends each
/// in place of a correct top suggestion to a copy of the customer, to measure how often the
/// customer understands a correct reply that is not worded as its template.
public enum ReplyParaphrases {
  public static let byTemplate: [String: String] = [
    "address.change.processing":
      "Good timing, {order.id} is still with us, so the destination can be switched. Where would you like it sent?",
    "address.change.confirm": "Got it. Do you want me to put that new address on {order.id}?",
    "address.change.done":
      "That's sorted, {order.id} will now go to the new place. A confirmation is on its way to {customer.email}.",
    "address.current": "Right now we'd send things to {customer.address}. What needs to be different?",
    "apology.general":
      "That sounds really annoying, {customer.first_name}, and I apologise. I'll do everything I can to fix it.",
    "apology.wait": "Thanks for hanging on, I appreciate it. Working on it right now.",
    "apology.confusion": "My mistake for being unclear! I'll go through it one piece at a time.",
    "cancellation.offer.processing":
      "{order.id} is still in the warehouse, so stopping it is possible. Do you want me to call off the entire order?",
    "cancellation.done":
      "All done, {order.id} won't be sent and the {order.total} will come back to your card in 3 to 5 business days.",
    "cancellation.too_late.shipped":
      "Unfortunately {order.id} is already with the courier, so it can't be stopped now. When it turns up you can send it back for your money, and I'll email a return label.",
    "cancellation.kept": "Okay, I won't touch {order.id}, it'll carry on as planned.",
    "cancellation.refund_time":
      "Since it never left us, the {order.total} goes back right away, though your bank might need 3 to 5 business days to show it.",
    "closing.anything_else": "My pleasure! Can I help with something more today?",
    "closing.goodbye": "It was nice talking to you, {customer.first_name}. Enjoy the rest of your day!",
    "closing.goodbye.short": "Happy I could sort that out. All the best, bye for now!",
    "delivery.status.shipped":
      "Good news, {order.id} has left us and should be with you {order.delivery_date|weekday}. The tracking number is {order.tracking_number}.",
    "delivery.status.processing":
      "{order.id} hasn't left the warehouse yet, we're still getting it ready. It should be with you {order.delivery_date|weekday}.",
    "delivery.status.delivered":
      "Our system says {order.id} was dropped off {order.delivery_date|weekday}. Could a neighbour have taken it in? If not, I'll start a claim with the courier.",
    "delivery.window":
      "The driver should come {order.delivery_date|weekday}, some time between {order.delivery_window}.",
    "delivery.tracking":
      "You can follow the parcel with this number: {order.tracking_number}, on the courier's site.",
    "delivery.late.delayed":
      "Apologies, {customer.first_name}, {order.id} got stuck with the courier. It should now reach you {order.delivery_date|weekday}.",
    "delivery.late.shipped":
      "The courier tells me {order.id} is moving again and you should get it {order.delivery_date|relative}. Thanks for waiting.",
    "delivery.late.reason":
      "The hold-up is with the courier: storms and a lot of parcels have slowed things near you this week. Your package is fine and still coming.",
    "escalation.supervisor":
      "I hear you. I'm handing this to my manager with the full story, so you won't need to explain again, and they'll email {customer.email} within a day.",
    "escalation.specialist.payment":
      "Our billing specialists can see more than I can, so I've raised this for {order.id} with them. They'll be in touch at {customer.email} within one business day.",
    "escalation.carrier_claim":
      "I've started a claim with the courier about {order.id}. You'll hear from us within two days, and if it's lost we'll replace it or give you your money back.",
    "escalation.handed_over":
      "I've passed this on to the people who can fix it, {customer.first_name}. They'll contact you soon.",
    "greeting.welcome": "Hello {customer.first_name}, good to hear from you! What's up today?",
    "greeting.short": "Hello, this is customer support. What brings you here today?",
    "greeting.reading":
      "Thanks for explaining, {customer.first_name}. Bear with me a second while I look at your details.",
    "identity.ask.order_number":
      "Sure, I can check that. What's the order number, so I look at the right purchase?",
    "identity.ask.email": "Before I open your account, which email did you order with?",
    "identity.ask.order_or_email":
      "To find you, can you send me the order number or the email you ordered with?",
    "identity.confirmed.order":
      "Thanks, there it is: {order.id} with {order.items}. Give me a moment to look at it.",
    "identity.confirmed.email":
      "Thank you, {customer.first_name}, {customer.email} is the one. I've got your details in front of me.",
    "payment.failed.check":
      "Sorry the purchase didn't work. Usually the bank stops online payments: could you ask them, or use another card?",
    "payment.failed.retry":
      "You weren't billed for that attempt. Just try once more from your basket, or pay with PayPal or another card.",
    "payment.double_charge":
      "I understand the worry. The extra {order.total} is only a hold your bank lifts in 3 to 5 business days; {order.id} is paid for just once.",
    "payment.methods":
      "You can pay by Visa, Mastercard, Amex, PayPal or a gift card, and change your card in your account settings.",
    "refund.status.requested":
      "The {refund.amount} refund on {order.id} came in on {refund.requested_on|short} and is waiting for someone to look at it, usually one or two business days.",
    "refund.status.approved":
      "Great news: the {refund.amount} has been okayed and will go back to your card. Expect it by {refund.expected_by|weekday}.",
    "refund.status.issued":
      "We've sent the {refund.amount} back for {order.id}. Your bank may need a few days, so look for it by {refund.expected_by|weekday}.",
    "refund.when.issued":
      "Once the money is sent it usually takes your bank 3 to 5 business days to show it. If it's not there by {refund.expected_by|weekday}, tell us and we'll follow up.",
    "refund.none.found": "There's no refund open on {order.id} at the moment. Should I set one up for you?",
    "refund.started":
      "Okay, a refund for {order.id} is now under way. A confirmation will land at {customer.email} soon.",
    "return.start.delivered":
      "Sure, you can send the {order.item|lower} back within 30 days of getting it. Shall I email you a free shipping label?",
    "return.label.sent":
      "A prepaid label is in your inbox at {customer.email}. Print it, box up {order.item} and hand it in at a carrier drop-off point.",
    "return.refund.timing":
      "When the warehouse checks your parcel in, the money goes back, normally within 2 business days of arrival. We'll email you when it's done.",
  ]
}
