/// Personal data the number scanner alone misses, replaced before it runs: IBANs, US social
/// security numbers, e-mail addresses spelt out ("john at example dot com") and secrets given with
/// their label (CVV, date of birth, password, PIN). Full-width digits are read as ASCII digits
/// first, so a card number typed in them is found too.
enum SensitivePatterns {
  static func redact(_ text: String) -> String {
    var text = asciiDigits(text)
    text = text.replacing(iban, with: "[iban]")
    text = text.replacing(socialSecurityNumber, with: "[ssn]")
    text = text.replacing(spelledEmail, with: "[email]")
    return text.replacing(labelledSecret) { match in "\(match.output.1)[redacted]" }
  }

  /// Full-width digits (U+FF10-U+FF19) as ASCII digits.
  private static func asciiDigits(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { scalar in
          (0xFF10...0xFF19).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFF10 + 0x30)! : scalar
        }))
  }

  nonisolated(unsafe) private static let iban =
    /\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/

  nonisolated(unsafe) private static let socialSecurityNumber = /\b[0-9]{3}-[0-9]{2}-[0-9]{4}\b/

  nonisolated(unsafe) private static let spelledEmail =
    /(?i)\b[a-z0-9._%+\-]+\s*(?:\(at\)|\[at\]|\sat\s)\s*[a-z0-9\-]+(?:\s*(?:\(dot\)|\[dot\]|\sdot\s)\s*[a-z0-9\-]+)+\b/

  /// A label, then `is`/`:`/`=` and any value, or directly a value that starts with a digit.
  nonisolated(unsafe) private static let labelledSecret =
    /(?i)(\b(?:cvv2?|cvc|security code|date of birth|d\.?o\.?b\.?|birth ?date|password|passcode|pin)\b\s*(?:(?:is|was|:|=)\s*|(?=[0-9])))[^\s,;]+(?:[ \/.\-][0-9]{1,4}){0,2}/
}
