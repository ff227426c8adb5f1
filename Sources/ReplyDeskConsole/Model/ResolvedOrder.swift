import ReplyDeskCore

/// A chat's order in question with what it was resolved from, so it is worked out once per change
/// of the chat (a new turn, a pin, a new profile) instead of on every frame.
struct ResolvedOrder: Equatable, Sendable {
  /// What the resolution read.
  struct Source: Equatable, Sendable {
    var turnCount: Int
    var lastTurnID: Int?
    var pin: OrderInQuestion.Pin?
    var profile: CustomerProfile
  }

  var source: Source
  var value: OrderInQuestion
}

extension ActiveChat {
  /// The order this chat is about, worked out as every suggestion's slots and conditions see it.
  var orderInQuestion: OrderInQuestion {
    if let resolvedOrder, resolvedOrder.source == orderSource { return resolvedOrder.value }
    return OrderInQuestion.resolve(turns: conversation.turns, profile: conversation.profile, pin: orderPin)
  }

  /// Resolves the order in question again if the chat changed since it last was.
  mutating func refreshOrderInQuestion() {
    let source = orderSource
    guard resolvedOrder?.source != source else { return }
    let value = OrderInQuestion.resolve(turns: conversation.turns, profile: conversation.profile, pin: orderPin)
    resolvedOrder = ResolvedOrder(source: source, value: value)
  }

  private var orderSource: ResolvedOrder.Source {
    ResolvedOrder.Source(
      turnCount: conversation.turns.count, lastTurnID: conversation.turns.last?.id, pin: orderPin,
      profile: conversation.profile)
  }
}
