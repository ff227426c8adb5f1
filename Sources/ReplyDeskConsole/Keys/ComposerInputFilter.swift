import ReplyDeskCore

/// What may enter a reply (or a note) from the keyboard or from a paste: one rule for both, so
/// pasting a text gives what typing it would, plus its line breaks.
///
/// - A character enters when `InertText` would leave it as it is: no C0 or C1 control, no DEL, no
///   bidi override, embedding or isolate, no zero-width character, byte-order mark or variation
///   selector. Typed keys that break the rule are ignored.
/// - Pasted text, scalar by scalar with that rule, and also: CR LF, CR, LF, U+2028 and U+2029 become
///   line breaks; a tab becomes `tabSpaces` spaces; an escape sequence is removed whole (CSI
///   `ESC [ … final`, the strings OSC/DCS/APC/PM/SOS up to BEL or `ESC \`, two- and three-character
///   escapes such as `ESC c` and `ESC ( B`); a run of combining marks is cut to
///   `InertText.combiningMarkLimit`.
enum ComposerInputFilter {
  /// How many spaces a pasted tab becomes.
  static let tabSpaces = 4
  /// An escape string (OSC, DCS…) with no terminator within this many scalars is taken for text:
  /// only its ESC is dropped, so an unterminated one cannot swallow the rest of a paste.
  static let escapeStringLimit = 512

  /// The text a typed key enters, when it is a printable character allowed in a reply.
  static func typed(_ key: Key) -> String? {
    guard case .character(let character) = key, allows(character) else { return nil }
    return String(character)
  }

  /// True when `character` may enter a reply as typed.
  static func allows(_ character: Character) -> Bool {
    character.unicodeScalars.allSatisfy(InertText.isPlain)
  }

  /// Pasted text made fit for a reply (see the type's rules). Linear in the text's length.
  static func pasted(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var marksInRun = 0
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      switch scalar.value {
      case 0x20...0x7E:
        result.unicodeScalars.append(scalar)
        marksInRun = 0
      case 0x0D:
        result.unicodeScalars.append("\n")
        marksInRun = 0
        if index + 1 < scalars.count, scalars[index + 1].value == 0x0A { index += 1 }
      case 0x0A, 0x2028, 0x2029:
        result.unicodeScalars.append("\n")
        marksInRun = 0
      case 0x09:
        result.append(String(repeating: " ", count: tabSpaces))
        marksInRun = 0
      case 0x1B:
        index = endOfEscape(scalars, at: index)
        continue
      default:
        guard InertText.isPlain(scalar) else { break }
        if InertText.isCombiningMark(scalar) {
          marksInRun += 1
          if marksInRun > InertText.combiningMarkLimit { break }
        } else {
          marksInRun = 0
        }
        result.unicodeScalars.append(scalar)
      }
      index += 1
    }
    return result
  }

  /// The index just past the escape sequence whose ESC is at `start`; just past the ESC when what
  /// follows is not a complete sequence.
  private static func endOfEscape(_ scalars: [Unicode.Scalar], at start: Int) -> Int {
    let next = start + 1
    guard next < scalars.count else { return next }
    func value(_ index: Int) -> UInt32? { index < scalars.count ? scalars[index].value : nil }
    switch scalars[next].value {
    case 0x5B:  // CSI: parameters, intermediates, one final byte
      var index = next + 1
      while let code = value(index), (0x30...0x3F).contains(code) { index += 1 }
      while let code = value(index), (0x20...0x2F).contains(code) { index += 1 }
      if let code = value(index), (0x40...0x7E).contains(code) { return index + 1 }
      return next
    case 0x5D, 0x50, 0x5F, 0x5E, 0x58:  // OSC, DCS, APC, PM, SOS: a string up to its terminator
      var index = next + 1
      while index < scalars.count, index - next <= escapeStringLimit {
        let code = scalars[index].value
        if code == 0x07 || code == 0x9C { return index + 1 }
        if code == 0x1B { return value(index + 1) == 0x5C ? index + 2 : index }
        if code < 0x20 { return index }
        index += 1
      }
      return next
    case 0x20...0x7E:  // intermediates, then one final character
      var index = next
      while let code = value(index), (0x20...0x2F).contains(code) { index += 1 }
      if let code = value(index), (0x30...0x7E).contains(code) { return index + 1 }
      return next
    default:
      return next
    }
  }
}
