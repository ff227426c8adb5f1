import Foundation
import Testing

@testable import ReplyDeskConsole

/// Feeds a `TerminalInputDecoder` the way the driver does, with a clock the test moves.
private struct DecoderFeed {
  var decoder = TerminalInputDecoder()
  var clock = Date(timeIntervalSince1970: 1_000)
  var outputs: [TerminalInputDecoder.Output] = []

  /// Sends `text` one code at a time, as ncurses hands it over.
  mutating func send(_ text: String) {
    for scalar in text.unicodeScalars { outputs += decoder.feed(.scalar(scalar.value), at: clock) }
  }

  /// Sends `text` as one block, as the driver reads a paste's body.
  mutating func sendBlock(_ text: String) {
    outputs += decoder.feed(text.unicodeScalars, at: clock)
  }

  mutating func send(key: Key) {
    outputs += decoder.feed(.key(key), at: clock)
  }

  /// No input for `seconds`, then a read that found nothing.
  mutating func pause(_ seconds: Double = 0.01) {
    clock += seconds
    outputs += decoder.idle(at: clock)
  }

  /// What was delivered since the last call.
  mutating func take() -> [TerminalInputDecoder.Output] {
    defer { outputs = [] }
    return outputs
  }
}

@Suite struct TerminalInputDecoderTests {
  private let start = "\u{1B}[200~"
  private let end = "\u{1B}[201~"

  @Test func aBracketedPasteIsOneEventAndNeverKeys() {
    var feed = DecoderFeed()
    feed.send(start + "1\r2\u{1B}[A\u{7}3" + end)
    #expect(feed.take().isEmpty, "nothing is delivered before the pause that ends the paste")
    feed.pause()
    #expect(feed.take() == [.paste("1\r2\u{1B}[A\u{7}3")])
    #expect(!feed.decoder.isInPaste)
  }

  @Test func keysAroundAPasteStayKeys() {
    var feed = DecoderFeed()
    feed.send("a\u{1B}x")
    feed.pause()
    feed.send(start + "pasted" + end)
    feed.pause()
    feed.send("\r")
    #expect(
      feed.take() == [.key(.character("a")), .key(.alt("x")), .paste("pasted"), .key(.enter)])
  }

  @Test func markersSplitAcrossReadsAreRecognised() {
    var feed = DecoderFeed()
    let sentAt = feed.clock
    feed.send("\u{1B}[2")
    feed.pause()
    #expect(feed.take().isEmpty)
    #expect(feed.decoder.deadline == sentAt + TerminalInputDecoder.markerWaitSeconds)
    feed.send("00~12 ab")
    feed.pause()
    feed.send("c\u{1B}[20")
    feed.pause()
    #expect(feed.take().isEmpty, "a paste waits for its end marker")
    feed.send("1~")
    feed.pause()
    #expect(feed.take() == [.paste("12 abc")])
  }

  @Test func everySplitOfThePasteGivesTheSameText() {
    let sent = "x" + start + "one\u{1B}[200~two\u{1B}three\u{1B}[2x" + end
    for cut in 0...sent.unicodeScalars.count {
      let scalars = Array(sent.unicodeScalars)
      var feed = DecoderFeed()
      let first = String(String.UnicodeScalarView(scalars[..<cut]))
      let second = String(String.UnicodeScalarView(scalars[cut...]))
      if feed.decoder.isInPaste { feed.sendBlock(first) } else { feed.send(first) }
      feed.pause()
      if feed.decoder.isInPaste { feed.sendBlock(second) } else { feed.send(second) }
      feed.pause()
      #expect(
        feed.take() == [.key(.character("x")), .paste("onetwo\u{1B}three\u{1B}[2x")], "cut at \(cut)")
    }
  }

  @Test func aPartialMarkerThatStopsShortBecomesTheKeysItWas() {
    var feed = DecoderFeed()
    feed.send("\u{1B}[2")
    feed.pause(TerminalInputDecoder.markerWaitSeconds + 0.01)
    #expect(feed.take() == [.key(.alt("[")), .key(.character("2"))])
    feed.send("\u{1B}[A")
    #expect(feed.take() == [.key(.alt("[")), .key(.character("A"))])
  }

  @Test func aStartMarkerInsideAPasteIsDroppedAndNothingNests() {
    var feed = DecoderFeed()
    feed.send(start + "a" + start + "b" + end + "c" + end)
    feed.pause()
    #expect(feed.take() == [.paste("abc")])
  }

  @Test func anEndMarkerFollowedAtOnceByMoreInputWasPastedText() {
    var feed = DecoderFeed()
    feed.send(start + "12" + end + "34\r" + end)
    feed.pause()
    #expect(feed.take() == [.paste("1234\r")], "a pasted end marker cannot turn the rest into keys")
    feed.send(start + "12" + end)
    feed.pause()
    feed.send("3")
    #expect(feed.take() == [.paste("12"), .key(.character("3"))], "after a pause, keys are keys again")
  }

  @Test func aPasteWhoseEndNeverComesIsStillDelivered() {
    var feed = DecoderFeed()
    let sentAt = feed.clock
    feed.send(start + "1 hello")
    feed.pause(TerminalInputDecoder.pasteIdleSeconds / 2)
    #expect(feed.take().isEmpty)
    #expect(feed.decoder.deadline == sentAt + TerminalInputDecoder.pasteIdleSeconds)
    feed.send("\u{1B}[20")
    feed.pause(TerminalInputDecoder.pasteIdleSeconds + 0.01)
    #expect(feed.take() == [.paste("1 hello\u{1B}[20")])
    #expect(!feed.decoder.isInPaste)
    feed.send("1")
    #expect(feed.take() == [.key(.character("1"))])
  }

  @Test func aLongPasteComesInPiecesAndLosesNothing() {
    var feed = DecoderFeed()
    let size = TerminalInputDecoder.pasteChunkScalars
    feed.send(start)
    feed.sendBlock(String(repeating: "a", count: size + 5))
    let first = feed.take()
    #expect(first == [.paste(String(repeating: "a", count: size))])
    feed.sendBlock("bc" + end)
    feed.pause()
    #expect(feed.take() == [.paste("aaaaabc")])
  }

  @Test func aStrayEndMarkerOutsideAPasteIsDropped() {
    var feed = DecoderFeed()
    feed.send(end + "x")
    #expect(feed.take() == [.key(.character("x"))])
  }

  @Test func keysTheLibraryDecodedInsideAPasteAreDroppedButEnterIsALineBreak() {
    var feed = DecoderFeed()
    feed.send(start + "a")
    feed.send(key: .up)
    feed.send(key: .enter)
    feed.send(key: .backspace)
    feed.send("b" + end)
    feed.pause()
    #expect(feed.take() == [.paste("a\nb")])
  }

  @Test func escapeAloneAltAndEscapeBeforeAFunctionKey() {
    var feed = DecoderFeed()
    let wait = TerminalInputDecoder.markerWaitSeconds
    feed.send("\u{1B}")
    #expect(feed.decoder.deadline == feed.clock + wait)
    feed.pause()
    #expect(feed.take().isEmpty, "an Escape alone waits, in case a marker's tail follows")
    feed.pause(wait)
    feed.send("\u{1B}o")
    feed.send("\u{1B}")
    feed.send(key: .up)
    feed.send("\u{1B}\u{1B}")
    feed.pause(wait + 0.01)
    feed.send("\u{1B}\r")
    #expect(
      feed.take() == [
        .key(.escape), .key(.alt("o")), .key(.escape), .key(.up), .key(.escape), .key(.escape),
        .key(.escape), .key(.enter),
      ])
  }

  @Test func characterCodesMapToKeysAsBefore() {
    #expect(TerminalInputDecoder.characterKey(13) == .enter)
    #expect(TerminalInputDecoder.characterKey(9) == .tab)
    #expect(TerminalInputDecoder.characterKey(127) == .backspace)
    #expect(TerminalInputDecoder.characterKey(23) == .control("w"))
    #expect(TerminalInputDecoder.characterKey(0) == nil)
    #expect(TerminalInputDecoder.characterKey(0xE9) == .character("é"))
  }

  @Test func aCharacterSplitBetweenTwoBlocksWaitsForItsOtherBytes() {
    for text in ["é", "€", "😀"] {
      let bytes = Array(("a" + text).utf8)
      for cut in 2..<bytes.count {
        #expect(TerminalDriver.incompleteTail(of: Array(bytes[..<cut])) == Array(bytes[1..<cut]))
      }
      #expect(TerminalDriver.incompleteTail(of: bytes).isEmpty)
    }
    #expect(TerminalDriver.incompleteTail(of: []).isEmpty)
  }
}
