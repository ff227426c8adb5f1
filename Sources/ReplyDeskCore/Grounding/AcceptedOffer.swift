/// An action the representative offered in their latest reply ("Shall I go ahead and cancel the
/// whole order?") that the customer's next message accepted ("yes please"). Until a reply reports
/// the action done, the chat waits for that reply: a status reply then ("Order … is still being
/// prepared") reads to the customer as though their yes was not heard, or as false, so
/// `SuggestionBuilder` holds replies that state the order's state back until the action's reply.
public enum AcceptedOffer {
  /// The action the customer accepted and no reply has reported done yet, or nil. An offer is a
  /// question of the latest reply asking whether to act ("shall i", "would you like", …) that names
  /// the action, or whose message names it ("I don't see a refund yet. Shall I start one?"); the
  /// acceptance is the first customer message after it, when it agrees and neither declines nor
  /// asks to keep the order.
  public static func action(in turns: [Turn]) -> ReplyAction? {
    guard let offerIndex = turns.lastIndex(where: { $0.speaker == .agent }),
      let answer = turns[(offerIndex + 1)...].first(where: { $0.speaker == .customer }),
      accepts(answer.text)
    else { return nil }
    return offeredAction(turns[offerIndex].text)
  }

  /// The action `reply` offers to take, or nil when it offers none.
  static func offeredAction(_ reply: String) -> ReplyAction? {
    let lowered = reply.lowercased()
    let offers = TextRuns.questions(in: lowered).filter { question in
      offerOpeners.contains { question.contains($0) }
    }
    guard !offers.isEmpty else { return nil }
    return offers.lazy.compactMap(action(namedIn:)).first ?? action(namedIn: lowered)
  }

  /// Whether a customer's message agrees to an offer: a yes, a thanks ("That would be great,
  /// thank you") or a please, without a no or a wish to keep things.
  static func accepts(_ message: String) -> Bool {
    let terms = Set(IntentCues.intents(in: message).map(\.term))
    let words = Set(TextAnalyzer.words(message).map(\.word))
    let agrees =
      terms.contains("#confirm") || terms.contains("#thanks") || !words.isDisjoint(with: affirmations)
      || words.contains(where: isMistypedYes)
    return agrees && !terms.contains("#cancel_decline") && words.isDisjoint(with: refusals)
  }

  private static func action(namedIn text: String) -> ReplyAction? {
    if text.contains("cancel") { return .cancelsOrder }
    if text.contains("refund") { return .startsRefund }
    return nil
  }

  /// "ys", "yse", "ype", "yeha": a short word starting with y made only of the letters of "yes",
  /// "yep" and "yeah".
  private static func isMistypedYes(_ word: String) -> Bool {
    (2...5).contains(word.count) && word.first == "y" && word.allSatisfy { "yespah".contains($0) }
  }

  private static let affirmations: Set<String> = [
    "please", "absolutely", "definitely", "obviously", "yup", "yea", "sounds", "k", "kk", "okk",
  ]
  private static let offerOpeners = [
    "shall i", "should i", "would you like me", "do you want me", "want me to", "can i go ahead",
  ]
  /// Words that turn a yes into a no ("yes, but don't cancel it", "no, not yet").
  private static let refusals: Set<String> = ["no", "not", "dont", "don't", "nope", "wait", "hold"]
}
