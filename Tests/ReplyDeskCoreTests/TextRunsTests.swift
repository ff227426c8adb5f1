import Foundation
import Testing

@testable import ReplyDeskCore

/// `TextRuns` reads ASCII byte by byte and gives what splitting by `Character` gives.
struct TextRunsTests {
  static let texts = [
    "My order RD-451884 (#114-2231) hasn't come!", "12 Oak Street, Springfield", "ada@example.com  thanks",
    "tabs\tand\nnew\u{0B}lines\u{0C} ", "crlf\r\nline", "", "   ", "Ünïcödé 221b Baker St", "x",
    "ALL CAPS 42",
  ]

  @Test func runsAreTheCharacterRuns() {
    let classes: [(TextRuns.Kept, (Character) -> Bool)] = [
      (.alphanumerics, { $0.isLetter || $0.isNumber }), (.letters, \.isLetter),
      (.orderNumberCharacters, { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "#" }),
      (.nonWhitespace, { !$0.isWhitespace }),
    ]
    for text in Self.texts {
      for (kept, character) in classes {
        for lowercased in [false, true] {
          let source = lowercased ? text.lowercased() : text
          let expected = source.split { !character($0) }.map(String.init)
          #expect(TextRuns.runs(text, of: kept, lowercased: lowercased) == expected, "\(text)")
        }
      }
    }
  }

  @Test func trimmedIsFoundationsTrim() {
    for text in Self.texts + [" \n hello there \t", "\u{00A0}nbsp\u{2003}"] {
      #expect(TextRuns.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text)")
    }
  }

  @Test func digitCountCountsNumbers() {
    #expect(TextRuns.digitCount("RD-451884") == 6)
    #expect(TextRuns.digitCount("no digits") == 0)
    #expect(TextRuns.digitCount("٣٤5") == 3)
  }
}
