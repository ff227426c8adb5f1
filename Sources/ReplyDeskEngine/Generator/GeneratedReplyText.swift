import Foundation
import ReplyDeskCore

/// Turns generated tokens into readable text: punctuation and apostrophes attached, sentences and
/// "I" capitalised, and slot tokens such as `<slot_id>` filled from the profile or left as gaps.
enum GeneratedReplyText {
  /// The catalog slot each slot token stands for (the first catalog entry wins a shared token;
  /// `<slot_status>` is `order.status`, `<slot_refundstatus>` is `refund.status`).
  static let slotNames: [String: String] = {
    var names: [String: String] = [:]
    for slot in SlotCatalog.all where names[WordSplitter.slotToken(slot.name)] == nil {
      names[WordSplitter.slotToken(slot.name)] = slot.name
    }
    return names
  }()

  static let attachLeft: Set<String> = [".", ",", "!", "?", ";", ":", ")", "%", "'", "-"]
  static let attachRight: Set<String> = ["(", "$", "#", "'", "-"]

  /// Whether `token` is a slot token, and the name inside it.
  static func slotName(_ token: String) -> String? {
    guard token.hasPrefix("<slot_") && token.hasSuffix(">") else { return nil }
    return slotNames[token] ?? String(token.dropFirst(6).dropLast())
  }

  /// Segments of the reply; `fill` gives a slot's value (nil leaves it missing).
  static func segments(_ tokens: [String], fill: (String) -> String?) -> [TextSegment] {
    var segments: [TextSegment] = []
    var literal = ""
    var sentenceStart = true
    for (index, token) in tokens.enumerated() {
      let separator =
        index == 0 || attachLeft.contains(token) || attachRight.contains(tokens[index - 1]) ? "" : " "
      if let name = slotName(token) {
        literal += separator
        if !literal.isEmpty { segments.append(.literal(literal)) }
        literal = ""
        segments.append(fill(name).map { .slot(name: name, value: $0) } ?? .missing(name: name))
        sentenceStart = false
        continue
      }
      var word = token
      if word == "i" || sentenceStart { word = word.prefix(1).uppercased() + word.dropFirst() }
      if word.first?.isLetter == true || word.first?.isNumber == true { sentenceStart = false }
      if [".", "!", "?"].contains(token) { sentenceStart = true }
      literal += separator + word
    }
    if !literal.isEmpty { segments.append(.literal(literal)) }
    return segments
  }

  /// Plain text with slots shown as `[name]`.
  static func text(_ tokens: [String]) -> String {
    segments(tokens) { _ in nil }.map(\.plainText).joined()
  }

  /// Segments filled from a customer profile and the order in question.
  static func segments(_ tokens: [String], profile: CustomerProfile, order: Order?, now: Date)
    -> [TextSegment]
  {
    let filler = SlotFiller(now: now)
    return segments(tokens) { name in filler.value(of: name, format: nil, profile: profile, order: order) }
  }

  /// Segments filled from an arbitrary JSON profile: a slot token takes the value of the first leaf
  /// whose path gives the same token (how `ProfileText` masked it).
  static func segments(_ tokens: [String], json: JSONValue?) -> [TextSegment] {
    var values: [String: String] = [:]
    for (_, path, value) in json?.leaves ?? [] {
      let token = WordSplitter.slotToken(path)
      if values[token] == nil, let text = value.text { values[token] = text }
    }
    return segments(tokens) { name in
      let token = slotNames.first { $0.value == name }?.key ?? "<slot_\(name)>"
      return values[token]
    }
  }
}
