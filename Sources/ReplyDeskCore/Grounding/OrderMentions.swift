import Foundation

/// Finds the orders a piece of customer text names: by order number in the forms real platforms use
/// (`RD-451884`, `#451884`, `rd451884`, `114-2231`, `order 7237754671`, one mistyped or swapped
/// digit), or by an item ("my desk lamp", "the lamp", a word off by one letter after its first). A number whose
/// letters differ from the order's (a tracking number `1Z4518849`) never names it.
public struct OrderMentions: Sendable {
  private let orders: [Order]
  /// Each order's id reduced to upper-case letters and digits, and to its digits alone.
  private let normalizedIDs: [(letters: String, digits: String)]
  /// Each order's items as words.
  private let itemWords: [[ItemWords]]

  public init(orders: [Order]) {
    self.orders = orders
    normalizedIDs = orders.map { (Self.alphanumerics($0.id), $0.id.filter(\.isNumber)) }
    itemWords = orders.map { order in order.items.map { ItemWords(name: $0.name) } }
  }

  /// The ids of the orders `text` names, in the order they appear: by number, else by item.
  public func orderIDs(in text: String) -> [String] {
    let numbered = numberedOrderIDs(in: text)
    guard numbered.isEmpty, let index = orderIndex(matchingItemsIn: text) else { return numbered }
    return [orders[index].id]
  }

  /// The ids of the orders whose number `text` writes, in the order they appear: in any of the forms
  /// above, then those written exactly in two groups of digits ("9021 1405").
  public func numberedOrderIDs(in text: String) -> [String] {
    var seen = Set<String>()
    let grouped = Self.groupedNumbers(in: text).compactMap { joined in
      normalizedIDs.firstIndex { $0.digits == joined }
    }
    return (Self.numberTokens(in: text).compactMap { orderIndex(matchingNumber: $0) } + grouped)
      .map { orders[$0].id }.filter { seen.insert($0).inserted }
  }

  /// The first number `text` writes right after the word "order" that names none of these orders
  /// ("order G-242" when the customer's orders are RD-…), or nil.
  public func unknownOrderNumber(in text: String) -> String? {
    let words = TextRuns.runs(text, of: .orderNumberCharacters)
    for index in words.indices.dropLast() where ["order", "orders"].contains(words[index].lowercased()) {
      let token = words[index + 1]
      guard token.contains(where: \.isNumber) else { continue }
      let known =
        normalizedIDs.contains { $0.letters == Self.alphanumerics(token) }
        || orderIndex(matchingNumber: token) != nil
      if !known { return token }
    }
    return nil
  }

  /// Whether `text` holds something that looks like an order number, known or not.
  public static func containsOrderNumber(_ text: String) -> Bool {
    numberTokens(in: text).contains { TextRuns.digitCount($0) >= 5 }
  }

  private func orderIndex(matchingNumber token: String) -> Int? {
    let letters = Self.alphanumerics(token)
    let digits = token.filter(\.isNumber)
    guard digits.count >= 4 else { return nil }
    let prefix = letters.filter(\.isLetter)
    let candidates = normalizedIDs.indices.filter { index in
      prefix.isEmpty || normalizedIDs[index].letters.filter(\.isLetter) == prefix
    }
    if let exact = candidates.first(where: { normalizedIDs[$0].digits == digits }) { return exact }
    let close = candidates.filter { index in
      let known = normalizedIDs[index].digits
      return known.count >= 6 && known.count == digits.count
        && Self.isOneEditApart(Array(known), Array(digits))
    }
    return close.count == 1 ? close[0] : nil
  }

  /// The one order whose item the text names best: all of an item's words, or its head noun.
  private func orderIndex(matchingItemsIn text: String) -> Int? {
    let said = Self.words(text)
    guard !said.isEmpty else { return nil }
    var best: (index: Int, score: Int)?
    var tied = false
    for (index, items) in itemWords.enumerated() {
      let score = items.map { Self.matchScore(item: $0, said: said) }.max() ?? 0
      guard score > 0 else { continue }
      if score > best?.score ?? 0 {
        (best, tied) = ((index, score), false)
      } else if score == best?.score {
        tied = true
      }
    }
    return tied ? nil : best?.index
  }

  /// How well the customer's words name an item: 0 unless they hold one of its head nouns or two
  /// of its words, then one point per item word found.
  private static func matchScore(item: ItemWords, said: [String]) -> Int {
    let found = item.words.filter { word in said.contains { wordsMatch(word, $0) } }.count
    let head = item.heads.contains { head in said.contains { wordsMatch(head, $0) } }
    return head || found >= 2 ? found : 0
  }

  private static func wordsMatch(_ known: String, _ said: String) -> Bool {
    if known == said { return true }
    guard known.count >= 5, said.count >= 4, known.first == said.first else { return false }
    return isOneEditApart(Array(known), Array(said))
  }

  private static let stopWords: Set<String> = [
    "the", "and", "for", "with", "set", "pack", "pair", "pairs", "one", "two", "three", "my", "of",
  ]

  /// Lower-cased words of three letters or more, trailing plural `s` removed, stop words dropped.
  static func words(_ text: String) -> [String] {
    TextRuns.runs(text, of: .letters, lowercased: true).map { word in
      word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
    }.filter { $0.count >= 3 && !stopWords.contains($0) }
  }

  /// Runs of letters, digits, `-` and `#` that hold at least four digits ("RD-451884", "#114-2231").
  static func numberTokens(in text: String) -> [String] {
    TextRuns.runs(text, of: .orderNumberCharacters).filter { TextRuns.digitCount($0) >= 4 }
  }

  /// Two all-digit runs written one after the other, joined ("9021 1405" gives "90211405"), as
  /// customers group a long number.
  static func groupedNumbers(in text: String) -> [String] {
    let runs = TextRuns.runs(text, of: .orderNumberCharacters)
    return runs.indices.dropLast().filter { index in
      runs[index].count >= 3 && runs[index + 1].count >= 3 && runs[index].allSatisfy(\.isNumber)
        && runs[index + 1].allSatisfy(\.isNumber)
    }.map { runs[$0] + runs[$0 + 1] }
  }

  static func alphanumerics(_ text: String) -> String {
    String(text.uppercased().filter { $0.isLetter || $0.isNumber })
  }

  /// Whether two sequences differ by one substitution, insertion, deletion or adjacent swap.
  static func isOneEditApart<T: Equatable>(_ a: [T], _ b: [T]) -> Bool {
    guard abs(a.count - b.count) <= 1, a != b else { return false }
    var i = 0
    while i < min(a.count, b.count) && a[i] == b[i] { i += 1 }
    if a.count == b.count {
      if a[(i + 1)...] == b[(i + 1)...] { return true }
      return i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...] == b[(i + 2)...]
    }
    return a.count > b.count ? a[(i + 1)...] == b[i...] : a[i...] == b[(i + 1)...]
  }
}

/// An item's name as words (lower case, plurals folded, stop words dropped) and its head nouns: the
/// last word of each part of the name, parts split at punctuation ("Acoustic Guitar, Spruce Top":
/// guitar and top; "Board Game: Harbor Lights": game and light).
struct ItemWords: Sendable {
  var words: [String]
  var heads: [String]

  init(name: String) {
    words = OrderMentions.words(name)
    heads = name.split(whereSeparator: { ",:;()/".contains($0) }).compactMap {
      OrderMentions.words(String($0)).last
    }
  }
}
