import Foundation
import ReplyDeskCore
import ReplyDeskLive
import Testing

private func lines(_ outputs: [LineSplitter.Output]) -> [String] {
  outputs.compactMap { if case .line(let bytes) = $0 { String(decoding: bytes, as: UTF8.self) } else { nil } }
}

@Test func linesSplitAcrossChunksAndCarriageReturnsAreDropped() {
  var splitter = LineSplitter(maximumLineBytes: 100)
  #expect(lines(splitter.feed(Array("one\r\ntw".utf8))) == ["one"])
  #expect(splitter.bufferedBytes == 2)
  #expect(lines(splitter.feed(Array("o\n\nthree\n".utf8))) == ["two", "", "three"])
  #expect(splitter.bufferedBytes == 0)
}

@Test func aLineOverTheCapIsReportedWithoutBeingKept() {
  var splitter = LineSplitter(maximumLineBytes: 8)
  #expect(splitter.feed(Array("12345678\n".utf8)) == [.line(Array("12345678".utf8))])
  #expect(splitter.feed(Array("12345".utf8)).isEmpty)
  #expect(splitter.feed(Array("6789".utf8)) == [.overlong])
  #expect(splitter.bufferedBytes == 0)
  #expect(splitter.feed(Array("ok\n".utf8)) == [.overlong])
}

@Test func completeLinesBeforeAnOverlongOneAreStillDelivered() {
  var splitter = LineSplitter(maximumLineBytes: 4)
  #expect(splitter.feed(Array("ab\nabcdefgh\n".utf8)) == [.line(Array("ab".utf8)), .overlong])
}

@Test func theRateLimiterAllowsABurstThenTheSustainedRate() {
  let start = Date(timeIntervalSince1970: 1_000)
  var limiter = LineRateLimiter(burst: 3, linesPerSecond: 2, now: start)
  let offsets: [Double] = [0, 0, 0, 0, 0.5, 0.5, 100, 100, 100, 100]
  let admitted = offsets.map { limiter.admit(now: start + $0) }
  #expect(admitted == [true, true, true, false, true, false, true, true, true, false])
}

@Test func inertTextShowsControlsInsteadOfObeyingThem() {
  #expect(InertText.neutralised("\u{1B}[2J\u{07}red") == "^[[2J^Gred")
  #expect(InertText.neutralised("a\tb\u{7F}") == "a b^?")
  #expect(InertText.neutralised("x\u{9B}31m\u{202E}y") == "x\u{FFFD}31my")
  #expect(InertText.neutralised("one\ntwo") == "one^Jtwo")
  #expect(InertText.neutralised("one\ntwo", keepingNewlines: true) == "one\ntwo")
  #expect(InertText.neutralised("café 😀 日本") == "café 😀 日本")
}

@Test func aSkippingSplitterDropsOnlyTheOverlongLine() {
  var splitter = LineSplitter(maximumLineBytes: 4, skipsOverlongLines: true)
  #expect(lines(splitter.feed(Array("ok\nabcdef".utf8))) == ["ok"])
  #expect(splitter.feed(Array("ghij".utf8)).isEmpty)
  #expect(
    splitter.feed(Array("kl\nnext\nabcdefgh\nlast\n".utf8)) == [
      .line(Array("next".utf8)), .overlong, .line(Array("last".utf8)),
    ])
}
