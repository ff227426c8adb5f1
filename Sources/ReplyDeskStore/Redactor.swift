import Foundation

/// Hides personal data in chat text before it leaves the store: email addresses (also spelt out)
/// become `[email]`, card numbers `[card]`, phone numbers `[phone]`, IBANs `[iban]`, US social
/// security numbers `[ssn]`, and the value after a CVV, date-of-birth, password or PIN label
/// `[redacted]` (see `SensitivePatterns`).
///
/// Numbers are read as runs of ASCII digit groups joined by short separators (space, `-`, `.`,
/// parentheses), optionally led by `+` or `(`. A run not led by `+`, or any consecutive groups
/// within a run, with 13-19 digits that pass the Luhn check is a card; a 16-digit number failing
/// Luhn is left alone. A whole run is a phone number when it has a leading `+` and 8-15 digits, or separators and 10-15
/// digits (or a `ddd-dddd` local number), or is a plain 10-11 digit number. Shorter numbers (order
/// ids, amounts, dates) are kept.
public enum Redactor {
  /// `text` with personal data hidden; each key of `values` (a profile's email, phone, address) is
  /// replaced by its placeholder wherever it appears, whatever its case.
  /// Each of `names` (the customer's full, first and last name) becomes `[name]` where it stands
  /// as a whole word, whatever its case.
  public static func redact(_ text: String, hiding values: [String: String] = [:], names: [String] = [])
    -> String
  {
    var text = text
    for (value, placeholder) in values.sorted(by: { $0.key.count > $1.key.count }) where value.count >= 4 {
      text = text.replacingOccurrences(of: value, with: placeholder, options: .caseInsensitive)
    }
    text = redactNumbers(in: SensitivePatterns.redact(text.replacing(emailPattern, with: "[email]")))
    for name in names.sorted(by: { $0.count > $1.count }) where name.count >= 2 {
      let pattern =
        "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: name) + "(?![\\p{L}\\p{N}])"
      text = text.replacingOccurrences(
        of: pattern, with: "[name]", options: [.regularExpression, .caseInsensitive])
    }
    return text
  }

  nonisolated(unsafe) private static let emailPattern =
    /[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}/

  private static func redactNumbers(in text: String) -> String {
    let characters = Array(text)
    var output = ""
    var index = 0
    while index < characters.count {
      if let run = NumberRun.scan(characters, from: index) {
        output += run.redacted()
        index = run.end
      } else {
        output.append(characters[index])
        index += 1
      }
    }
    return output
  }
}

/// A run of digit groups found in text, with the character ranges of each group.
private struct NumberRun {
  var characters: ArraySlice<Character>
  var groups: [Range<Int>]
  var hasPlus: Bool

  static let separators: Set<Character> = [" ", "-", ".", "(", ")"]

  var end: Int { characters.endIndex }

  /// A run starting at `start` (a digit, `+` or `(`, not inside a word), or nil.
  static func scan(_ characters: [Character], from start: Int) -> NumberRun? {
    if start > 0, characters[start - 1].isLetter || characters[start - 1].isASCIIDigit { return nil }
    var position = start
    let hasPlus = characters[position] == "+"
    if hasPlus || characters[position] == "(" { position += 1 }
    guard position < characters.count, characters[position].isASCIIDigit else { return nil }
    var groups: [Range<Int>] = []
    while position < characters.count, characters[position].isASCIIDigit {
      let groupStart = position
      while position < characters.count, characters[position].isASCIIDigit { position += 1 }
      groups.append(groupStart..<position)
      var next = position
      while next < characters.count, next - position < 3, separators.contains(characters[next]) { next += 1 }
      guard next > position, next < characters.count, characters[next].isASCIIDigit else { break }
      position = next
    }
    var end = groups[groups.count - 1].upperBound
    if end < characters.count, characters[end].isLetter { return nil }
    if end < characters.count, characters[end] == ")", characters[start] == "(" { end += 1 }
    return NumberRun(characters: characters[start..<end], groups: groups, hasPlus: hasPlus)
  }

  /// The run's text with every card and phone number replaced.
  func redacted() -> String {
    let allGroups = 0...(groups.count - 1)
    if !hasPlus, isCard(allGroups) { return "[card]" }
    if isPhone { return "[phone]" }
    var output = String(characters[characters.startIndex..<groups[0].lowerBound])
    var first = 0
    while first < groups.count {
      if let last = stride(from: groups.count - 1, through: first, by: -1).first(where: { isCard(first...$0) }
      ) {
        output += "[card]"
        first = last + 1
      } else {
        output += String(characters[groups[first]])
        first += 1
      }
      let gapEnd = first < groups.count ? groups[first].lowerBound : end
      output += String(characters[groups[first - 1].upperBound..<gapEnd])
    }
    return output
  }

  private func digits(_ range: ClosedRange<Int>) -> [Int] {
    groups[range].flatMap { group in characters[group].compactMap(\.wholeNumberValue) }
  }

  private func isCard(_ range: ClosedRange<Int>) -> Bool {
    let digits = digits(range)
    return (13...19).contains(digits.count) && Luhn.isValid(digits)
  }

  private var isPhone: Bool {
    let count = digits(0...(groups.count - 1)).count
    if hasPlus { return (8...15).contains(count) }
    guard groups.count > 1 else { return (10...11).contains(count) }
    let localNumber =
      groups.count == 2 && groups[0].count == 3 && groups[1].count == 4
      && characters[groups[0].upperBound..<groups[1].lowerBound] == ["-"]
    return (10...15).contains(count) || localNumber
  }
}

/// The Luhn checksum that every payment card number satisfies.
public enum Luhn {
  /// True when `digits` (most significant first) pass the Luhn check.
  public static func isValid(_ digits: [Int]) -> Bool {
    guard !digits.isEmpty else { return false }
    var sum = 0
    for (offset, digit) in digits.reversed().enumerated() {
      let value = offset % 2 == 1 ? digit * 2 : digit
      sum += value > 9 ? value - 9 : value
    }
    return sum % 10 == 0
  }
}

extension Character {
  /// `0` to `9` only (not other scripts' digits).
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
