import Foundation

/// Why a generated reply was not offered.
public enum GenerationRefusal: Error, Sendable, Equatable, CustomStringConvertible {
  case blocked(phrase: String)
  case repeatsSensitiveData(kind: String)
  case noReply

  public var description: String {
    switch self {
    case .blocked(let phrase): return "contains the blocked phrase '\(phrase)'"
    case .repeatsSensitiveData(let kind): return "repeats a \(kind) from the conversation"
    case .noReply: return "the model wrote no reply"
    }
  }
}

/// The blocklist and the sensitive-data check every generated reply must pass.
public struct ReplySafety: Sendable {
  /// Blocked entries as word sequences (one word for a single-word entry).
  let blocked: [[String]]

  /// One entry per line; blank lines and lines starting with `#` are ignored.
  init(blocklist: String) {
    blocked = blocklist.split(whereSeparator: \.isNewline).compactMap { line in
      let text = line.trimmingCharacters(in: .whitespaces)
      guard !text.isEmpty, !text.hasPrefix("#") else { return nil }
      let words = WordSplitter.words(text)
      return words.isEmpty ? nil : words
    }
  }

  public static func load(path: String) throws -> ReplySafety {
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else { throw CorpusError("\(path): cannot read the blocklist (a UTF-8 text file, one entry per line)") }
    return ReplySafety(blocklist: text)
  }

  /// `true` for tokens the decoder must never write: control tokens and single-word blocked entries.
  func bannedTokens(_ vocabulary: GeneratorVocabulary) -> [Bool] {
    let words = Set(blocked.filter { $0.count == 1 }.map { $0[0] })
    return vocabulary.tokens.indices.map {
      GeneratorVocabulary.isControl($0) || words.contains(vocabulary.tokens[$0])
    }
  }

  /// The reason to refuse `reply` (its final, slot-filled text) after `context`, or nil when it is safe.
  /// `known` is text the profile itself holds (order ids, tracking numbers): numbers in it are the
  /// customer's own records, not sensitive data to keep out of a reply.
  func refusal(reply: String, context: [String], known: [String] = []) -> GenerationRefusal? {
    let words = WordSplitter.words(reply)
    for entry in blocked {
      for start in words.indices where start + entry.count <= words.count {
        if words[start..<(start + entry.count)].elementsEqual(entry) {
          return .blocked(phrase: entry.joined(separator: " "))
        }
      }
    }
    let found = SensitiveData.find(in: reply)
    if let card = found.first(where: { $0.kind == "card number" }) {
      return .repeatsSensitiveData(kind: card.kind)
    }
    let records = Set(known.flatMap { SensitiveData.find(in: $0).map(\.value) })
    let earlier = Set(context.flatMap { SensitiveData.find(in: $0).map(\.value) }).subtracting(records)
    if let repeated = found.first(where: { earlier.contains($0.value) }) {
      return .repeatsSensitiveData(kind: repeated.kind)
    }
    return nil
  }
}

/// Emails, phone numbers and card numbers found in text, normalised for comparison.
enum SensitiveData {
  /// One finding: its kind ("email", "phone number", "card number") and normalised value.
  struct Finding: Sendable, Equatable {
    var kind: String
    var value: String
  }

  nonisolated(unsafe) static let email = /[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}/
  nonisolated(unsafe) static let digits = /\+?\d[\d \-.()]{5,}\d/

  static func find(in text: String) -> [Finding] {
    var findings = text.matches(of: email).map {
      Finding(kind: "email", value: String($0.output).lowercased())
    }
    for match in text.matches(of: digits) {
      let number = String(match.output.filter(\.isNumber))
      if number.count >= 13 && number.count <= 19 {
        findings.append(Finding(kind: "card number", value: number))
      } else if number.count >= 7 && number.count <= 15 {
        findings.append(Finding(kind: "phone number", value: number))
      }
    }
    return findings
  }
}
