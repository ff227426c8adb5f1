import ReplyDeskCore

/// Refund state clauses by refund status, for training only (`StateParaphraser`); nil is "no
/// refund", said of the order (`{o}`), the others of the refund (`{r}`). Each clause states one
/// status and nothing else; a two-sentence clause ("X. Y.") states it twice. Approved means decided
/// but not paid; issued means the money has left us. Every fourth clause of each status is kept for
/// the dev split, so new clauses are appended, never inserted.
extension StatePhrases {
  static let refundClauses: [RefundStatus?: [String]] = [
    nil: [
      "there's no refund on {o} yet", "I don't see a refund for {o}", "no refund has been requested for {o}",
      "{o} has no refund open", "nothing has been refunded on {o} so far",
      "there isn't a refund request on {o}",
      "a refund was never started for {o}", "I can't find any refund for {o}",
      "no refund has been opened for {o}", "there isn't any refund on {o}", "{o} doesn't have a refund on it",
      "our system shows no refund for {o}", "I can't see a refund request for {o}",
      "nobody has asked for a refund on {o} yet", "a refund hasn't been requested on {o}",
      "{o} hasn't been refunded, and there's no request for one", "there's no refund pending on {o}",
      "no refund exists for {o}", "we haven't started a refund for {o}",
      "I don't have any refund on file for {o}", "there's no refund request in our system for {o}",
      "{o} has no refund against it. Nothing has been requested", "a refund for {o} hasn't been set up",
      "there's been no refund on {o} at all",
    ],
    .requested: [
      "{r} is waiting for review", "{r} is pending", "{r} is under review",
      "{r} was requested and is being checked",
      "{r} hasn't been approved yet", "{r} is still being reviewed", "{r} is in the queue for approval",
      "we're still reviewing {r}", "{r} is awaiting a decision",
      "{r} is on hold while we review it", "{r} has been received and is pending review",
      "{r} is with our refunds team for review", "{r} is logged and waiting for approval",
      "{r} hasn't been decided yet", "{r} is still open and under review", "our team is looking at {r}",
      "{r} is in review. No decision has been made yet", "{r} was submitted and is awaiting approval",
      "I can see {r} is pending a decision", "we'll have a decision on {r} by {day}",
      "{r} is still pending approval", "{r} is queued for review by our finance team",
      "{r} is waiting on approval from our returns team", "our system shows {r} as requested",
      "{r} was filed two days ago and is still under review", "we've logged {r} and it's awaiting review",
      "{r} has been requested. Our team hasn't reviewed it yet",
    ],
    .approved: [
      "{r} has been approved", "{r} was approved", "{r} got the go-ahead",
      "{r} is approved and will be sent soon",
      "we approved {r}", "{r} has been accepted and will go out shortly", "{r} is approved but not sent yet",
      "{r} has been signed off", "{r} is approved and queued for payment",
      "we've approved {r}, and the payment hasn't gone out yet", "{r} got approved today",
      "{r} was approved and is scheduled to go out by {day}", "our team approved {r}",
      "{r} is approved. The payment will be sent shortly", "{r} has been given the green light",
      "{r} has been authorised and is waiting to be paid out", "our system shows {r} as approved",
      "{r} was okayed by our refunds team", "I can confirm {r} was approved",
      "{r} passed review and is approved",
      "{r} has been approved. It hasn't been sent yet",
    ],
    .issued: [
      "{r} has been issued", "{r} was sent to your card", "{r} went out", "{r} has been paid out",
      "{r} was processed and sent", "{r} is on its way to your bank",
      "we've sent {r} back to your original payment method", "{r} has been refunded to your account",
      "{r} was completed on our side",
      "{r} has been credited to your card", "{r} was paid back to your original payment method",
      "{r} was sent two days ago", "the payment for {r} has gone out",
      "{r} is complete and the money has been sent", "{r} has been processed and paid",
      "we paid out {r} yesterday", "{r} was issued to your account",
      "{r} has left our account and is on its way to you",
      "{r} was sent as a reversal of the original charge",
      "our system shows {r} as issued", "{r} was credited back yesterday",
      "{r} has been issued. The money left us this morning", "I can see {r} was paid out",
      "{r} is done on our end and the funds are on their way", "{r} has been transferred to your bank",
      "{r} was released to your payment method", "{r} has been refunded in full to your card",
    ],
    .rejected: [
      "{r} was declined", "{r} was rejected", "{r} was turned down", "{r} was denied",
      "{r} couldn't be approved",
      "we had to decline {r}", "{r} didn't go through because the return didn't meet our conditions",
      "{r} was not approved", "{r} has been refused", "we're unable to approve {r}",
      "{r} was reviewed and declined", "our team declined {r}", "{r} didn't pass review",
      "our system shows {r} as rejected", "{r} has been denied. It didn't meet our refund policy",
      "I'm sorry, {r} was declined", "{r} was turned down after review", "we can't go ahead with {r}",
      "{r} was declined two days ago", "{r} was closed without approval",
      "{r} has been rejected. The request was closed",
    ],
  ]
}
