import Testing

@testable import ReplyDeskConsole

@Suite struct DisplayTextTests {
  @Test func asciiIsOneColumnEach() {
    #expect(DisplayText.width("hello") == 5)
  }

  @Test func cjkAndEmojiAreTwoColumns() {
    #expect(DisplayText.glyph("配").width == 2)
    #expect(DisplayText.glyph("😀").width == 2)
    #expect(DisplayText.width("配達") == 4)
  }

  @Test func combiningMarksJoinTheirBase() {
    let glyphs = DisplayText.glyphs("e\u{301}a")
    #expect(glyphs.count == 2)
    #expect(glyphs[0].width == 1)
    #expect(glyphs[0].text == "e\u{301}")
  }

  @Test func loneCombiningMarkGetsABase() {
    let glyph = DisplayText.glyph("\u{301}")
    #expect(glyph.width == 1)
    #expect(glyph.text.unicodeScalars.first == " ")
  }

  @Test func zeroWidthJoinerAndVariationSelectorAreStripped() {
    let family = DisplayText.sanitize("👨\u{200D}👩\u{200D}👧")
    #expect(family == "👨👩👧")
    #expect(DisplayText.width(family) == 6)
    let heart = DisplayText.sanitize("❤\u{FE0F}")
    #expect(heart == "❤")
    #expect(DisplayText.width(heart) == 1)
  }

  @Test func escapeSequencesAndControlsBecomeInert() {
    let clean = DisplayText.sanitize("\u{1B}[2J\u{1B}]0;pwned\u{07}bell\u{9B}31m\r")
    #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    #expect(clean.contains("␛[2J"))
    #expect(clean.contains("␇bell"))
  }

  @Test func bidiOverridesAndIsolatesAreRemoved() {
    let hostile = "abc\u{202E}fed\u{2066}x\u{2069}\u{202A}\u{202B}\u{202C}\u{202D}\u{2067}\u{2068}"
    #expect(DisplayText.sanitize(hostile) == "abcfedx")
  }

  @Test func newlinesStayAndTabsBecomeSpaces() {
    #expect(DisplayText.sanitize("a\tb\nc") == "a b\nc")
    #expect(DisplayText.singleLine("a\nb") == "a b")
  }

  @Test func hugeMessagesAreCappedWithAMarker() {
    let huge = String(repeating: "x", count: 100_000)
    let shown = DisplayText.forDisplay(huge)
    #expect(shown.count < 4_100)
    #expect(shown.hasSuffix("[message capped: 100000 characters]"))
  }

  @Test func replacementCharacterStaysVisible() {
    #expect(DisplayText.glyph("\u{FFFD}").width == 1)
  }
}
