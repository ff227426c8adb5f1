import ReplyDeskCore

/// What a customer's matter is about, as far as the consequence of a state goes.
enum ReplyTopic: Sendable, CaseIterable {
  case cancel, giveBack, delivery, refund, other

  /// The topic of a template, from its intents.
  init(intents: [String]) {
    func any(_ prefixes: [String]) -> Bool { intents.contains { i in prefixes.contains { i.hasPrefix($0) } } }
    if any(["cancel"]) {
      self = .cancel
    } else if any(["return"]) {
      self = .giveBack
    } else if any(["refund"]) {
      self = .refund
    } else if any(["delivery", "tracking", "address"]) {
      self = .delivery
    } else {
      self = .other
    }
  }
}

extension StatePhrases {
  /// What an order state means for the customer's matter (", so …" or " and …"), possibly nothing.
  static func orderConsequences(_ status: OrderStatus, topic: ReplyTopic) -> [String] {
    switch topic {
    case .cancel: return cancelConsequences(status)
    case .giveBack: return giveBackConsequences(status)
    case .delivery, .refund, .other: return plainConsequences(status)
    }
  }

  /// What an order state means for a cancellation.
  private static func cancelConsequences(_ status: OrderStatus) -> [String] {
    switch status {
    case .processing:
      return [
        ", so I can still cancel it", ", so there's still time to cancel it",
        ", which means a cancellation is still possible", ", so I'm able to cancel it for you",
        ", so we can still stop it", ", so it's not too late to cancel", ", and it can still be cancelled",
      ]
    case .shipped, .delayed:
      return [
        ", so it can no longer be cancelled",
        ", so it's too late to cancel, but you can return it once it arrives",
        ", so I can't stop it now", ", so cancelling isn't an option anymore",
        ", so it's past the point where we can cancel",
        ", so I'm unable to cancel it, but a return is possible once it's with you",
      ]
    case .delivered:
      return [
        ", so it can't be cancelled, but you can return it",
        ", so a cancellation isn't possible, though a return is",
        ", so it's too late to cancel", ", so instead of cancelling you can send it back",
        ", so the best option now is a return",
      ]
    case .cancelled:
      return [
        ", so there's nothing left to cancel", ", so no further action is needed",
        ", so you don't need to do anything", ", so the cancellation is already done",
      ]
    case .returned:
      return [
        ", so there's nothing to cancel", " and the refund is being handled", ", so cancelling isn't needed",
      ]
    }
  }

  /// What an order state means for a return.
  private static func giveBackConsequences(_ status: OrderStatus) -> [String] {
    switch status {
    case .processing, .shipped, .delayed:
      return [
        ", so it can't be returned until it arrives", ", so there's nothing to send back yet",
        ", so a return has to wait until it's with you",
        ", so you'll need to wait for it before starting a return",
        ", so a return can only start once it's delivered",
      ]
    case .delivered:
      return [
        ", so you can send it back within 30 days", ", so a return is possible",
        ", so I can set up a return for you", ", so you're able to return it",
        ", so I can send you a return label",
      ]
    case .cancelled:
      return [
        ", so there's nothing to return", ", so no return is needed", ", so there's nothing to send back",
      ]
    case .returned:
      return [
        ", so the return is already done", " and the refund is on the way",
        ", so you don't need to send it again", ", so there's nothing more to send",
      ]
    }
  }

  /// What an order state means for any other matter.
  private static func plainConsequences(_ status: OrderStatus) -> [String] {
    switch status {
    case .processing:
      return [
        " and should ship in the next day or two", " and will be dispatched shortly", "",
        ", and we'll email you once it ships", ", so there's no tracking number yet",
        ", and it will go out to the courier soon",
      ]
    case .shipped:
      return [
        " and should arrive {day}", " and is due {day}", " and you can track it with {order.tracking_number}",
        "", ", and it will be with you {day}", ", and the tracking number is {order.tracking_number}",
        ", so it should reach you {day}",
      ]
    case .delayed:
      return [
        " and the new estimate is {day}", ", and I'm sorry for the wait", "", ", and we now expect it {day}",
        ", but it should still reach you {day}", ", and I apologise for the inconvenience",
      ]
    case .delivered:
      return [
        " on {day}", ", so please check around your entrance", " according to the carrier", "",
        ", so it should be with you", " according to tracking", ", so please check with your neighbours",
      ]
    case .cancelled:
      return [
        ", so it won't be delivered", ", so nothing will arrive", "", ", and nothing will be shipped",
        ", so nothing is on its way",
      ]
    case .returned:
      return [
        ", so it won't be sent again", "", ", and it's been checked in", ", and it's with our returns team",
      ]
    }
  }

  /// What a refund state means for the customer ("and …", ", so …"), possibly nothing.
  static func refundConsequences(_ status: RefundStatus?) -> [String] {
    switch status {
    case nil:
      return [
        ". Would you like me to start one?", ", but I can open one now", "",
        ". I can start one for you if you'd like", ", but you're welcome to request one",
        ", so no money is on its way yet", ". Just let me know if you'd like to request one",
        ", so there's nothing for finance to process", ", but I'm happy to set one up for you",
      ]
    case .requested:
      return [
        ", and a decision usually takes a day or two", ", so no money has moved yet", "",
        ", and you'll hear from us once it's decided", ", so nothing has been paid yet",
        ", and we'll email you as soon as there's a decision",
        ", so there's nothing to look for on your card yet",
        ", and reviews normally finish within 2 business days",
        ", so I can't say yet whether it will be approved",
      ]
    case .approved:
      return [
        " and should reach you by {refund.expected_by|weekday}", ", so the money goes out soon", "",
        ", and the payment should go out by {refund.expected_by|weekday}", ", so it will be paid out shortly",
        ", so you'll see it once the payment is sent", ", and we'll let you know when the money goes out",
        ", so it should be sent by {refund.expected_by|weekday}", ", so there's nothing more you need to do",
      ]
    case .issued:
      return [
        ", so it should show up by {refund.expected_by|weekday}",
        ", though banks can take a few days to post it", "",
        ", so it should reach your account by {refund.expected_by|weekday}",
        ", so please allow a few days for your bank to show it",
        ", and your card issuer may need 3-5 business days to post it",
        ", so it may take a little while to appear on your statement",
        ", so there's nothing more you need to do",
        ", so please check your account over the next few days",
      ]
    case .rejected:
      return [
        ", but I can explain the options you still have", ", so no money will be sent", "",
        ", and I'm sorry about that", ", but I'm happy to go over why",
        ", so no refund will go out", ", but you can reply here if you'd like us to look again",
        ", and I understand that's disappointing", ", so the charge stays as it is",
      ]
    }
  }
}
