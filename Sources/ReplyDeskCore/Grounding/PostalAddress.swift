/// Tells whether a customer's message holds a postal address: a house number ("12", "221b") within
/// three words of a street name ("Oak Street", "Station Rd", "Rue des Lilas", "Lindenweg",
/// "Keizersgracht"). Order numbers (six digits and more) are no house numbers.
public enum PostalAddress {
  /// Whole words that name a street.
  private static let streetWords: Set<String> = [
    "street", "st", "avenue", "ave", "road", "rd", "lane", "ln", "drive", "dr", "court", "ct", "boulevard",
    "blvd", "square", "terrace", "crescent", "parkway", "highway", "rue", "via", "calle", "avenida",
    "chemin", "allee", "plein",
  ]
  /// Endings of one-word street names ("Lindenweg", "Parkstraat", "Hauptstraße").
  private static let streetEndings = [
    "strasse", "straße", "str", "weg", "straat", "gracht", "laan", "gasse", "allee", "plein", "vej", "gatan",
  ]

  /// Whether `text` holds something that reads as a postal address.
  public static func appears(in text: String) -> Bool {
    let words = TextRuns.runs(text, of: .alphanumerics, lowercased: true)
    let numbers = words.indices.filter { isHouseNumber(words[$0]) }
    guard !numbers.isEmpty else { return false }
    let streets = words.indices.filter { isStreet(words[$0]) }
    return numbers.contains { number in streets.contains { abs($0 - number) <= 3 } }
  }

  private static func isHouseNumber(_ word: String) -> Bool {
    let digits = word.prefix { $0.isNumber }
    return (1...5).contains(digits.count) && word.count - digits.count <= 1 && word.first?.isNumber == true
  }

  private static func isStreet(_ word: String) -> Bool {
    streetWords.contains(word)
      || streetEndings.contains { word.count > $0.count + 2 && word.hasSuffix($0) }
  }
}
