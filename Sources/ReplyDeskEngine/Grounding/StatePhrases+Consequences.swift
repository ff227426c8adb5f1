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
    switch (topic, status) {
    case (.cancel, .processing):
      return [
        ", so I can still cancel it", ", so there's still time to cancel it",
        ", which means a cancellation is still possible", ", so I'm able to cancel it for you",
      ]
    case (.cancel, .shipped), (.cancel, .delayed):
      return [
        ", so it can no longer be cancelled",
        ", so it's too late to cancel, but you can return it once it arrives",
        ", so I can't stop it now", ", so cancelling isn't an option anymore",
      ]
    case (.cancel, .delivered):
      return [
        ", so it can't be cancelled, but you can return it",
        ", so a cancellation isn't possible, though a return is",
        ", so it's too late to cancel",
      ]
    case (.cancel, .cancelled):
      return [", so there's nothing left to cancel", ", so no further action is needed"]
    case (.cancel, .returned): return [", so there's nothing to cancel", " and the refund is being handled"]
    case (.giveBack, .processing), (.giveBack, .shipped), (.giveBack, .delayed):
      return [
        ", so it can't be returned until it arrives", ", so there's nothing to send back yet",
        ", so a return has to wait until it's with you",
      ]
    case (.giveBack, .delivered):
      return [
        ", so you can send it back within 30 days", ", so a return is possible",
        ", so I can set up a return for you",
      ]
    case (.giveBack, .cancelled): return [", so there's nothing to return", ", so no return is needed"]
    case (.giveBack, .returned): return [", so the return is already done", " and the refund is on the way"]
    case (_, .processing):
      return [" and should ship in the next day or two", " and will be dispatched shortly", ""]
    case (_, .shipped):
      return [
        " and should arrive {day}", " and is due {day}", " and you can track it with {order.tracking_number}",
        "",
      ]
    case (_, .delayed): return [" and the new estimate is {day}", ", and I'm sorry for the wait", ""]
    case (_, .delivered):
      return [" on {day}", ", so please check around your entrance", " according to the carrier", ""]
    case (_, .cancelled): return [", so it won't be delivered", ", so nothing will arrive", ""]
    case (_, .returned): return [", so it won't be sent again", ""]
    }
  }

  /// What a refund state means for the customer ("and …", ", so …"), possibly nothing.
  static func refundConsequences(_ status: RefundStatus?) -> [String] {
    switch status {
    case nil: return [". Would you like me to start one?", ", but I can open one now", ""]
    case .requested:
      return [", and a decision usually takes a day or two", ", so no money has moved yet", ""]
    case .approved:
      return [" and should reach you by {refund.expected_by|weekday}", ", so the money goes out soon", ""]
    case .issued:
      return [
        ", so it should show up by {refund.expected_by|weekday}",
        ", though banks can take a few days to post it", "",
      ]
    case .rejected:
      return [", but I can explain the options you still have", ", so no money will be sent", ""]
    }
  }
}
