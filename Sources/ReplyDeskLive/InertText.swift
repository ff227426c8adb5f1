/// Makes text from the other side safe to print on a terminal: control characters become
/// visible caret notation (`ESC` is `^[`), C1 controls and bidirectional overrides become
/// U+FFFD, tabs become spaces. Newlines are kept only when asked for.
public enum InertText {
  /// `text` with nothing left that a terminal would interpret.
  public static func neutralised(_ text: String, keepingNewlines: Bool = false) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x0A where keepingNewlines: result.append(scalar)
      case 0x09: result.append(" ")
      case 0x00...0x1F:
        result.append("^")
        result.append(Unicode.Scalar(UInt8(scalar.value) + 0x40))
      case 0x7F: result.append(contentsOf: "^?".unicodeScalars)
      case 0x80...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
        result.append("\u{FFFD}")
      default: result.append(scalar)
      }
    }
    return String(result)
  }
}
