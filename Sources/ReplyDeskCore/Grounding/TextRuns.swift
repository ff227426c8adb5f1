import Foundation

/// Splits chat text into maximal runs of the characters a class keeps, as grounding reads it on
/// every request: byte by byte when the text is ASCII (nearly all chat text), by `Character`
/// otherwise. Both ways give the same runs.
public enum TextRuns {
  /// A class of characters, decided by Unicode properties and, for ASCII, by byte.
  public struct Kept: Sendable {
    let character: @Sendable (Character) -> Bool
    let byte: @Sendable (UInt8) -> Bool

    /// Letters and digits.
    public static let alphanumerics = Kept(
      character: { $0.isLetter || $0.isNumber }, byte: { isASCIILetter($0) || isASCIIDigit($0) })
    /// Letters only.
    public static let letters = Kept(character: \.isLetter, byte: isASCIILetter)
    /// Letters, digits, `-` and `#`: how order numbers are written.
    public static let orderNumberCharacters = Kept(
      character: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "#" },
      byte: { isASCIILetter($0) || isASCIIDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "#") })
    /// Anything but white space.
    public static let nonWhitespace = Kept(
      character: { !$0.isWhitespace }, byte: { $0 != 0x20 && !(0x09...0x0D).contains($0) })
  }

  /// The runs of `kept` characters in `text`, lower-cased when `lowercased` is set.
  public static func runs(_ text: String, of kept: Kept, lowercased: Bool = false) -> [String] {
    if let fast = asciiRuns(text, of: kept, lowercased: lowercased) { return fast }
    let source = lowercased ? text.lowercased() : text
    return source.split { !kept.character($0) }.map(String.init)
  }

  /// The same runs read from the UTF-8 bytes, or nil when the text is not plain ASCII (a carriage
  /// return is left to the slow path too, since `\r\n` is one `Character`).
  private static func asciiRuns(_ text: String, of kept: Kept, lowercased: Bool) -> [String]? {
    var text = text
    return text.withUTF8 { bytes -> [String]? in
      guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
      var runs: [String] = []
      var start: Int?
      for index in 0...bytes.count {
        let keeps = index < bytes.count && kept.byte(bytes[index])
        if keeps, start == nil { start = index }
        guard !keeps, let first = start else { continue }
        let run = UnsafeBufferPointer(rebasing: bytes[first..<index])
        runs.append(lowercased ? lowercase(run) : String(decoding: run, as: UTF8.self))
        start = nil
      }
      return runs
    }
  }

  /// `text` without white space (and newlines) at either end, as
  /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives it.
  public static func trimmed(_ text: String) -> String {
    let bytes = text.utf8
    guard !bytes.contains(where: { $0 >= 0x80 }) else {
      return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    let isSpace = { (byte: UInt8) in !Kept.nonWhitespace.byte(byte) }
    guard let first = bytes.firstIndex(where: { !isSpace($0) }),
      let last = bytes.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(text[first...last])
  }

  /// How many characters of `text` are digits (`Character.isNumber`).
  public static func digitCount(_ text: String) -> Int {
    guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text.utf8.count(where: isASCIIDigit) }
    return text.count(where: \.isNumber)
  }

  /// The sentences of `text` that end in a question mark, each with its mark. A sentence ends at
  /// "!" and at a period after a letter, so "$42.50" and "RD-451884." keep what follows them in the
  /// sentence they are in.
  public static func questions(in text: String) -> [String] {
    var questions: [String] = []
    var sentence = ""
    var previous: Character = " "
    for character in text {
      sentence.append(character)
      if character == "?" {
        questions.append(sentence)
        sentence = ""
      } else if character == "!" || (character == "." && previous.isLetter) {
        sentence = ""
      }
      previous = character
    }
    return questions
  }

  private static func lowercase(_ run: UnsafeBufferPointer<UInt8>) -> String {
    String(unsafeUninitializedCapacity: run.count) { buffer in
      for (offset, byte) in run.enumerated() {
        buffer[offset] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
      }
      return run.count
    }
  }

  static func isASCIILetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte | 0x20) }

  static func isASCIIDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}
