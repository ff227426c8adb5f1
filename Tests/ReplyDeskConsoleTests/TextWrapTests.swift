import Testing

@testable import ReplyDeskConsole

@Suite struct TextWrapTests {
  private func wrapped(_ text: String, width: Int) -> [String] {
    TextWrap.wrap(TextWrap.styled([(text, .normal)]), width: width).map { $0.map(\.glyph.text).joined() }
  }

  @Test func wrapsBetweenWords() {
    #expect(wrapped("the quick brown fox", width: 10) == ["the quick", "brown fox"])
  }

  @Test func breaksWordsLongerThanTheWidth() {
    #expect(wrapped("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
  }

  @Test func keepsHardLineBreaks() {
    #expect(wrapped("one\ntwo", width: 10) == ["one", "two"])
  }

  @Test func wideGlyphsWrapWhole() {
    let lines = wrapped("配達配達配", width: 5)
    #expect(lines == ["配達", "配達", "配"])
    for line in lines { #expect(DisplayText.width(line) <= 5) }
  }

  @Test func hundredKilobyteLineWrapsWithinWidth() {
    let lines = TextWrap.wrap(TextWrap.styled([(String(repeating: "ab ", count: 1000), .normal)]), width: 37)
    #expect(lines.allSatisfy { TextWrap.width($0) <= 37 })
    #expect(lines.count > 50)
  }

  @Test func truncateEndsWithEllipsis() {
    let line = TextWrap.truncate(TextWrap.styled([("abcdefgh", .normal)]), width: 5)
    #expect(line.map(\.glyph.text).joined() == "abcd…")
    let short = TextWrap.truncate(TextWrap.styled([("abc", .normal)]), width: 5)
    #expect(short.map(\.glyph.text).joined() == "abc")
  }
}
