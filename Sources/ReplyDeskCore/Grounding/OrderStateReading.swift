/// An order's refund as a reply can state it: no refund at all, or a refund in one of its states.
public enum StatedRefund: String, Sendable, CaseIterable, Codable {
  case none
  case requested
  case approved
  case issued
  case rejected

  /// The state of `refund`; `.none` without one.
  public init(_ refund: Refund?) {
    switch refund?.status {
    case nil: self = .none
    case .requested: self = .requested
    case .approved: self = .approved
    case .issued: self = .issued
    case .rejected: self = .rejected
    }
  }
}

/// An action a reply reports the representative took on the order.
public enum ReplyAction: String, Sendable, CaseIterable, Codable {
  /// "Done: order RD-451884 is cancelled.": needs an order that has not shipped.
  case cancelsOrder = "cancels_order"
  /// "I've started a refund for order RD-451884.": needs an order without a refund.
  case startsRefund = "starts_refund"
}

/// What a representative's message states about the order it talks about and that order's refund,
/// read with the phrases of `OrderStateLexicon`: for each, the states every statement in the message
/// is true for, or nil when the message states nothing about it. A clause naming the refund (or its
/// review, or the money) is about the refund; any other is about the order, or about what the
/// previous clause of its sentence was about. Questions and conditional clauses ("if it hasn't
/// arrived by Friday", "once it's approved") state nothing.
public struct OrderStateReading: Sendable, Equatable {
  /// Order statuses that agree with every order statement; empty when the statements disagree.
  public var orderStatuses: Set<OrderStatus>?
  /// Refund states that agree with every refund statement; empty when the statements disagree.
  public var refundStates: Set<StatedRefund>?
  /// Actions the message reports as done; what they leave the order in is in the states above.
  public var actions: Set<ReplyAction> = []
  /// The message's sentences that are not questions, lowercased, joined by ". ".
  public let statementText: String

  private enum Subject {
    case order
    case refund
  }

  public init(_ text: String) {
    let sentences = Self.statements(in: OrderStateLexicon.normalized(text))
    statementText = String(decoding: Array(sentences.joined(separator: Array(". ".utf8))), as: UTF8.self)
    for sentence in sentences {
      var subject = Subject.order
      for clause in Self.split(sentence, at: Self.clauseBreaks) {
        subject = Self.subject(of: clause, otherwise: subject)
        guard var asserted = Self.asserted(clause) else { continue }
        for (phrase, action) in Self.actionPhrases where asserted.wordPosition(of: phrase) != nil {
          actions.insert(action)
        }
        switch subject {
        case .order: orderStatuses = read(&asserted, Self.orderPhrases, into: orderStatuses)
        case .refund: refundStates = read(&asserted, Self.refundPhrases, into: refundStates)
        }
      }
    }
  }

  /// Whether `text` may report an action: when false, its reading reports none (every action phrase
  /// a reading finds is a part of the text), so a caller skips the reading.
  public static func mayReportAction(_ text: String) -> Bool {
    let bytes = OrderStateLexicon.normalized(text)
    return actionPhrases.contains { bytes.position(of: $0.0) != nil }
  }

  /// Whether the message states anything about the order or its refund.
  public var statesAnything: Bool { orderStatuses != nil || refundStates != nil }

  /// Matches the phrases of `lexicon` in order, blanking each match, and narrows `states` to what they
  /// agree on. Only phrases whose first three bytes start a word of the clause are looked for.
  private mutating func read<State: Hashable>(
    _ clause: inout [UInt8], _ lexicon: [(bytes: [UInt8], key: UInt32, states: Set<State>)],
    into states: Set<State>?
  ) -> Set<State>? {
    var states = states
    let starts = Self.wordStartKeys(of: clause)
    for phrase in lexicon where starts.contains(phrase.key) {
      while let start = clause.wordPosition(of: phrase.bytes) {
        clause.replaceSubrange(
          start..<(start + phrase.bytes.count), with: repeatElement(32, count: phrase.bytes.count))
        states = states.map { $0.intersection(phrase.states) } ?? phrase.states
      }
    }
    return states
  }

  /// The first three bytes of `bytes` from `index` as one number (short ends padded with zeros).
  private static func key(_ bytes: [UInt8], at index: Int = 0) -> UInt32 {
    (0..<3).reduce(0) { key, offset in
      key << 8 | UInt32(index + offset < bytes.count ? bytes[index + offset] : 0)
    }
  }

  /// The keys of the three bytes at every word start of `clause`.
  private static func wordStartKeys(of clause: [UInt8]) -> Set<UInt32> {
    var keys = Set<UInt32>()
    for index in clause.indices where index == 0 || !clause[index - 1].isWordByte {
      keys.insert(key(clause, at: index))
    }
    return keys
  }

  private static func encoded<State>(_ entries: [(phrase: String, states: Set<State>)])
    -> [(bytes: [UInt8], key: UInt32, states: Set<State>)]
  {
    entries.map { (bytes: Array($0.phrase.utf8), key: key(Array($0.phrase.utf8)), states: $0.states) }
  }

  private static let orderPhrases = encoded(OrderStateLexicon.orderPhrases)
  private static let refundPhrases = encoded(OrderStateLexicon.refundPhrases)
  private static let actionPhrases = OrderStateLexicon.actionPhrases.map {
    (Array($0.phrase.utf8), $0.action)
  }
  private static let refundWords = OrderStateLexicon.refundWords.map { Array($0.utf8) }
  private static let orderWords = OrderStateLexicon.orderWords.map { Array($0.utf8) }
  private static let openers = OrderStateLexicon.conditionalOpeners.map { Array($0.utf8) }
  private static let markers = OrderStateLexicon.conditionalMarkers.map { Array($0.utf8) }
  private static let clauseBreaks = OrderStateLexicon.clauseBreaks.map { Array($0.utf8) }

  private static func subject(of clause: [UInt8], otherwise previous: Subject) -> Subject {
    if refundWords.contains(where: { clause.wordPosition(of: $0) != nil }) { return .refund }
    if orderWords.contains(where: { clause.wordPosition(of: $0) != nil }) { return .order }
    return previous
  }

  /// The part of `clause` stated as fact: nil for a conditional clause, else the clause up to any
  /// conditional tail.
  private static func asserted(_ clause: [UInt8]) -> [UInt8]? {
    let trimmed = Array(clause.drop { $0 == 32 })
    if openers.contains(where: { trimmed.starts(with: $0) }) { return nil }
    let cut = markers.compactMap { trimmed.position(of: $0) }.min() ?? trimmed.count
    return [32] + trimmed[..<cut] + [32]
  }

  /// The sentences of `text` that do not end in a question mark. A period ends a sentence only
  /// before a space or the end, so "rd-451884.", "$42.50" and "{order.id}" stay whole.
  private static func statements(in text: [UInt8]) -> [[UInt8]] {
    var sentences: [[UInt8]] = []
    var sentence: [UInt8] = []
    for (index, byte) in text.enumerated() {
      let next = index + 1 < text.count ? text[index + 1] : 32
      if byte == UInt8(ascii: "?") {
        sentence = []
      } else if byte == UInt8(ascii: "!") || (byte == UInt8(ascii: ".") && next == 32) {
        sentences.append(sentence)
        sentence = []
      } else {
        sentence.append(byte)
      }
    }
    sentences.append(sentence)
    return sentences
  }

  /// `text` split at every occurrence of any of `breaks`.
  private static func split(_ text: [UInt8], at breaks: [[UInt8]]) -> [[UInt8]] {
    var pieces: [[UInt8]] = []
    var start = 0
    var index = 0
    while index < text.count {
      if let found = breaks.first(where: { text.hasBytes($0, at: index) }) {
        pieces.append(Array(text[start..<index]))
        index += found.count
        start = index
      } else {
        index += 1
      }
    }
    pieces.append(Array(text[start...]))
    return pieces
  }
}

extension Array where Element == UInt8 {
  /// The index where `needle` first occurs, compared byte by byte.
  func position(of needle: [UInt8]) -> Int? {
    guard !needle.isEmpty, needle.count <= count else { return nil }
    var start = 0
    while start <= count - needle.count {
      if hasBytes(needle, at: start) { return start }
      start += 1
    }
    return nil
  }

  /// The index where `needle` first occurs at the start of a word (after a byte that is no letter
  /// or digit).
  func wordPosition(of needle: [UInt8]) -> Int? {
    guard !needle.isEmpty, needle.count <= count else { return nil }
    var start = 0
    while start <= count - needle.count {
      if (start == 0 || !self[start - 1].isWordByte) && hasBytes(needle, at: start) { return start }
      start += 1
    }
    return nil
  }

  /// Whether `needle` stands at `index`.
  func hasBytes(_ needle: [UInt8], at index: Int) -> Bool {
    guard index + needle.count <= count else { return false }
    var matched = 0
    while matched < needle.count && self[index + matched] == needle[matched] { matched += 1 }
    return matched == needle.count
  }
}

extension UInt8 {
  /// A lowercase ASCII letter or a digit.
  fileprivate var isWordByte: Bool { (97...122).contains(self) || (48...57).contains(self) }
}
