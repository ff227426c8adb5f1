import CNcursesw
import Foundation
import ReplyDeskCore

/// Terminal display rules for untrusted text: what is drawn inert, and how many columns each
/// grapheme takes (glibc `wcwidth`, the same widths the terminal uses).
enum DisplayText {
  /// Messages longer than this many characters are shown capped with a marker; the full text is
  /// still recorded.
  static let displayLimit = 4000

  /// One drawable grapheme and its width in columns (1 or 2).
  struct Glyph: Equatable, Sendable {
    var text: String
    var width: Int
  }

  /// Makes untrusted text inert with the rules every command shares (`InertText`): controls as
  /// control pictures, bidi overrides, zero-width characters and variation selectors removed,
  /// combining-mark runs cut short. Newlines are kept.
  static func sanitize(_ text: String) -> String {
    InertText.neutralised(text, keepingNewlines: true, notation: .pictures)
  }

  /// `sanitize`, with newlines turned into spaces, for single-line fields.
  static func singleLine(_ text: String) -> String {
    sanitize(text).replacingOccurrences(of: "\n", with: " ")
  }

  /// Sanitises `text` and caps it at `limit` characters with a visible marker.
  static func forDisplay(_ text: String, limit: Int = displayLimit) -> String {
    let clean = sanitize(text)
    guard clean.count > limit else { return clean }
    return String(clean.prefix(limit)) + " … [message capped: \(clean.count) characters]"
  }

  /// Splits sanitised text into glyphs with their widths. Non-printable graphemes become U+FFFD;
  /// a grapheme that would draw with no width (a lone combining mark) gets a leading space. Emoji
  /// sequences whose drawn width differs between terminals are normalised first (see `safeForm`).
  static func glyphs(_ text: String) -> [Glyph] {
    var result: [Glyph] = []
    result.reserveCapacity(text.utf8.count)
    for character in text { result.append(contentsOf: glyphs(of: character)) }
    return result
  }

  /// The glyphs one grapheme is drawn as: itself, or its `safeForm`.
  static func glyphs(of character: Character) -> [Glyph] {
    guard let parts = safeForm(character) else { return [glyph(character)] }
    return parts.map(glyph)
  }

  /// The graphemes that replace `character` so the terminal draws exactly the measured columns,
  /// or nil when it is safe as it is. Regional-indicator flags become their letters (`[FR]`);
  /// skin-tone modifiers, keycap marks, tag characters, joiners and variation selectors are
  /// dropped, leaving the base emoji; any further wide scalar becomes a grapheme of its own.
  static func safeForm(_ character: Character) -> [Character]? {
    let scalars = character.unicodeScalars
    guard scalars.count > 1 || scalars.contains(where: isRegionalIndicator) else { return nil }
    if scalars.contains(where: isRegionalIndicator) {
      let letters = scalars.compactMap { scalar -> Character? in
        guard isRegionalIndicator(scalar) else { return nil }
        return Character(Unicode.Scalar(UInt8(0x41 + scalar.value - 0x1F1E6)))
      }
      return ["["] + letters + ["]"]
    }
    _ = localeReady
    var parts: [String] = []
    for scalar in scalars where !isDropped(scalar) {
      if parts.isEmpty || wcwidth(wchar_t(bitPattern: scalar.value)) > 0 {
        parts.append(String(scalar))
      } else {
        parts[parts.count - 1].unicodeScalars.append(scalar)
      }
    }
    let result = parts.map { Character($0) }
    return result == [character] ? nil : (result.isEmpty ? ["\u{FFFD}"] : result)
  }

  private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
    (0x1F1E6...0x1F1FF).contains(scalar.value)
  }

  /// Scalars that only modify an emoji's look and that terminals disagree on the width of.
  private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1F3FB...0x1F3FF, 0x20E3, 0xE0020...0xE007F, 0x200D, 0xFE00...0xFE0F: return true
    default: return false
    }
  }

  /// The glyph for one grapheme already in safe form (see `glyphs(of:)`).
  static func glyph(_ character: Character) -> Glyph {
    let scalars = character.unicodeScalars
    if let first = scalars.first, scalars.count == 1, first.value >= 0x20, first.value < 0x7F {
      return Glyph(text: String(character), width: 1)
    }
    _ = localeReady
    var width = 0
    for (index, scalar) in scalars.enumerated() {
      let scalarWidth = Int(wcwidth(wchar_t(bitPattern: scalar.value)))
      if scalarWidth < 0 {
        if index == 0 { return Glyph(text: "\u{FFFD}", width: 1) }
        continue
      }
      width += scalarWidth
    }
    if width == 0 { return Glyph(text: " " + String(character), width: 1) }
    return Glyph(text: String(character), width: min(width, 2))
  }

  /// The width in columns of sanitised text drawn on one line.
  static func width(_ text: String) -> Int {
    glyphs(text).reduce(0) { $0 + $1.width }
  }

  /// `wcwidth` follows LC_CTYPE: make it a UTF-8 locale once, falling back to C.UTF-8.
  private static let localeReady: Bool = {
    if let current = setlocale(LC_CTYPE, nil), isUTF8(String(cString: current)) { return true }
    if let chosen = setlocale(LC_CTYPE, ""), isUTF8(String(cString: chosen)) { return true }
    return setlocale(LC_CTYPE, "C.UTF-8") != nil
  }()

  private static func isUTF8(_ locale: String) -> Bool {
    let lowered = locale.lowercased()
    return lowered.contains("utf-8") || lowered.contains("utf8")
  }
}
