/// Makes untrusted text (customers, profiles, peers) safe to print on a terminal. One rule set for
/// every place that shows such text: the console, the replay, the customer client and every command.
///
/// - C0 controls and DEL become visible: control pictures (`␛`) or caret notation (`^[`); tabs
///   become spaces; carriage returns are dropped; newlines (and U+2028/U+2029) are kept when asked
///   for, else shown like other controls.
/// - C1 controls become U+FFFD.
/// - Bidirectional overrides, embeddings, isolates and marks, zero-width spaces and joiners, word
///   joiners, the byte-order mark and variation selectors are removed.
/// - A run of combining marks is cut to `combiningMarkLimit` (thousands of stacked marks draw over
///   neighbouring lines and stall terminals).
public enum InertText {
  /// How a control character is shown.
  public enum ControlNotation: Sendable {
    /// Unicode control pictures: ESC is `␛`, BEL is `␇`, DEL is `␡` (the console's choice).
    case pictures
    /// Caret notation: ESC is `^[`, BEL is `^G`, DEL is `^?`.
    case caret
  }

  /// The most combining marks kept on one character; real scripts need far fewer.
  public static let combiningMarkLimit = 6

  /// `text` with nothing left that a terminal would interpret or reorder.
  public static func neutralised(
    _ text: String, keepingNewlines: Bool = false, notation: ControlNotation = .caret
  ) -> String {
    var result = String.UnicodeScalarView()
    var marksInRun = 0
    for scalar in text.unicodeScalars {
      if isRemoved(scalar) { continue }
      if isCombiningMark(scalar) {
        marksInRun += 1
        if marksInRun <= combiningMarkLimit { result.append(scalar) }
        continue
      }
      marksInRun = 0
      switch scalar.value {
      case 0x0A, 0x2028, 0x2029:
        if keepingNewlines { result.append("\n") } else { append(control: 0x0A, notation, to: &result) }
      case 0x09: result.append(" ")
      case 0x0D: continue
      case 0x00...0x1F, 0x7F: append(control: scalar.value, notation, to: &result)
      case 0x80...0x9F: result.append("\u{FFFD}")
      default: result.append(scalar)
      }
    }
    return String(result)
  }

  private static func append(
    control value: UInt32, _ notation: ControlNotation, to result: inout String.UnicodeScalarView
  ) {
    switch notation {
    case .pictures:
      result.append(Unicode.Scalar(value == 0x7F ? 0x2421 : 0x2400 + value)!)
    case .caret:
      result.append("^")
      result.append(value == 0x7F ? "?" : Unicode.Scalar(UInt8(value) + 0x40))
    }
  }

  /// Encoded JSON with every scalar `neutralised` would remove or replace (C1 controls, bidi and
  /// zero-width characters, combining marks past the limit) written as `\uXXXX` escapes: the same
  /// data, inert on a terminal. JSONEncoder already escapes C0 controls.
  public static func escapedJSON(_ json: String) -> String {
    var result = String.UnicodeScalarView()
    var marksInRun = 0
    for scalar in json.unicodeScalars {
      let isMark = isCombiningMark(scalar) && !isRemoved(scalar)
      marksInRun = isMark ? marksInRun + 1 : 0
      let hidden =
        isRemoved(scalar) || (0x80...0x9F).contains(scalar.value) || marksInRun > combiningMarkLimit
      guard hidden else {
        result.append(scalar)
        continue
      }
      for unit in String(scalar).utf16 {
        let hex = String(unit, radix: 16)
        result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
      }
    }
    return String(result)
  }

  /// True when `neutralised` leaves `scalar`, on its own, as it is: not a control (C0, DEL, C1), not a
  /// line or paragraph separator, not removed. A combining mark on its own is plain (runs of them
  /// are capped by counting, see `isCombiningMark`).
  public static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20...0x7E: return true
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return false
    default: return !isRemoved(scalar)
    }
  }

  /// Bidi controls, zero-width characters, the byte-order mark and variation selectors.
  private static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x061C, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF, 0xFE00...0xFE0F,
      0xE0100...0xE01EF:
      true
    default: false
    }
  }

  /// A combining mark (nonspacing, enclosing or spacing): `neutralised` keeps at most
  /// `combiningMarkLimit` of them in a row.
  public static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
    guard scalar.value >= 0x300 else { return false }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .spacingMark: return true
    default: return false
    }
  }
}
