import ReplyDeskCore

/// A state a reply can state: an order status, or a refund status (nil: no refund).
enum StatedState: Hashable, Sendable {
  case order(OrderStatus)
  case refund(RefundStatus?)

  /// Every order state, or every refund state.
  static let orderStates = OrderStatus.allCases.map(StatedState.order)
  static let refundStates = [StatedState.refund(nil)] + RefundStatus.allCases.map(StatedState.refund)

  /// The other states of the same kind.
  var alternatives: [StatedState] {
    switch self {
    case .order: return Self.orderStates.filter { $0 != self }
    case .refund: return Self.refundStates.filter { $0 != self }
    }
  }
}

/// Writes training replies that say what state the order (or its refund) is in: sentence frames
/// (opener, subject, closer) times state clauses times consequences for the customer's matter.
/// `variants` states every state of a kind in one frame, so the only difference between the true
/// reply and its hard negatives is what they state. Training only: nothing here is ever suggested.
public struct StateParaphraser: Sendable {
  /// Which state clauses a paraphraser uses: every fourth clause of each state is kept for the dev
  /// split, so the dev queries measure phrasings training never saw.
  public enum Split: Sendable {
    case training, dev

    func keeps(_ index: Int) -> Bool { (index % 4 == 3) == (self == .dev) }
  }

  private var random: SeededGenerator
  private let split: Split

  init(seed: UInt64, split: Split = .training) {
    random = SeededGenerator(seed: seed, skip: 1)
    self.split = split
  }

  /// `truth` and each of its alternatives stated in one frame: the true reply first. `filler`, a
  /// sentence saying nothing of the state, goes before or after every variant alike.
  mutating func variants(of truth: StatedState, topic: ReplyTopic, filler: String? = nil)
    -> [(state: StatedState, text: String)]
  {
    let fillerFirst = random.next() % 2 == 0
    let frame = (
      opener: pick(StatePhrases.openers), closer: pick(StatePhrases.closers),
      order: pick(StatePhrases.orderSubjects), refund: pick(StatePhrases.refundSubjects)
    )
    return ([truth] + truth.alternatives).map { state in
      let (clause, consequence) = parts(state, topic: topic)
      var sentence =
        clause.replacingOccurrences(of: "{o}", with: frame.order)
        .replacingOccurrences(of: "{r}", with: frame.refund) + consequence
      sentence = sentence.replacingOccurrences(of: "{day}", with: pick(StatePhrases.days))
      if !sentence.hasSuffix("?") { sentence += "." }
      let opened = frame.opener.isEmpty || frame.opener.hasSuffix(". ")
      let text = frame.opener + (opened ? Self.capitalized(sentence) : sentence) + frame.closer
      guard let filler else { return (state, text) }
      return (state, fillerFirst ? filler + " " + text : text + " " + filler)
    }
  }

  private mutating func parts(_ state: StatedState, topic: ReplyTopic) -> (String, String) {
    switch state {
    case .order(let status):
      return (
        pick(clauses(StatePhrases.orderClauses[status] ?? [])),
        pick(StatePhrases.orderConsequences(status, topic: topic))
      )
    case .refund(let status):
      return (
        pick(clauses(StatePhrases.refundClauses[status] ?? [])), pick(StatePhrases.refundConsequences(status))
      )
    }
  }

  private func clauses(_ all: [String]) -> [String] {
    all.indices.filter(split.keeps).map { all[$0] }
  }

  private mutating func pick(_ options: [String]) -> String {
    options.isEmpty ? "" : options[Int.random(in: 0..<options.count, using: &random)]
  }

  static func capitalized(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst()
  }
}
