import Foundation
import Testing

@testable import ReplyDeskEngine

/// The byte-level fast paths of tokenising and hashing give exactly what the `Character` paths give,
/// the eight-lane exponential matches `expf`, and the fused few-key attention scores what
/// `CrossAttention` scores.
struct FastPathTests {
  static let texts = [
    "Order #A12, ok?", "hi,   my desk-lamp order 114-2231 has NOT arrived!!",
    "tabs\tand\nnew\u{0B}lines\u{0C}",
    "crlf\r\nline", "RD-451884 RD451884 x1z", "", "  ", "a", "3 apples & 4 pears @ $5.99/kg",
    "\u{1}ctrl\u{7F}",
    "mixed Café text", "ALL CAPS 99 LUFTBALLONS",
  ]

  @Test func asciiWordsAreTheCharacterWords() {
    for text in Self.texts {
      // With template slots on and no braces in the text, the `Character` path runs.
      #expect(WordSplitter.words(text) == WordSplitter.words(text, templateSlots: true), "\(text)")
    }
    #expect(WordSplitter.asciiWords("crlf\r\nline") == nil)
    #expect(WordSplitter.asciiWords("Café") == nil)
    #expect(WordSplitter.asciiWords("Ab1c2 ,x") == ["ab", "1", "c", "2", ",", "x"])
  }

  @Test func trigramHashesAreTheHashesOfEachTrigramsText() {
    for word in ["refund", "a", "", "x1", "naïve", "lamp-post", "abcdefghijklmnopqrstuvwxyz"] {
      let marked = Array("<" + word + ">")
      let expected = (0..<max(0, min(12, marked.count - 2))).map { FNV1a.hash(String(marked[$0..<($0 + 3)])) }
      #expect(Vocabulary.trigramHashes(of: word, limit: 12) == expected, "\(word)")
    }
  }

  @Test func pieceByPieceHashIsTheHashOfTheWhole() {
    let whole = FNV1a.hash("\u{1}my refund")
    #expect(
      FNV1a.hash("refund", seed: FNV1a.hash(" ", seed: FNV1a.hash("my", seed: FNV1a.hash("\u{1}")))) == whole)
  }

  @Test func eightLaneExponentialMatchesExpf() {
    var worst: Float = 0
    for step in 0..<4000 {
      let base = -87 + Float(step) * 0.043
      let lanes = SIMD8<Float>((0..<8).map { base + Float($0) * 0.005 })
      let fast = Vector.exp8(lanes)
      for lane in 0..<8 {
        let exact = expf(lanes[lane])
        worst = max(worst, abs(fast[lane] - exact) / exact)
      }
    }
    #expect(worst < 4e-7)
    #expect(Vector.exp8(SIMD8(repeating: -Float.infinity))[0] < 1e-37)
  }

  @Test func softmaxSumsToOneAtEveryLength() {
    for n in [1, 3, 8, 9, 17, 160] {
      var values = (0..<n).map { Float($0 % 7) * 0.9 - 2 }
      let exact = values.map { expf($0 - values.max()!) }
      let total = exact.reduce(0, +)
      values.withUnsafeMutableBufferPointer { Vector.softmax($0.baseAddress!, n) }
      #expect(abs(values.reduce(0, +) - 1) < 1e-5)
      for i in 0..<n { #expect(abs(values[i] - exact[i] / total) < 1e-6) }
    }
  }

  @Test func fewKeyAttentionScoresWhatCrossAttentionScores() {
    for (length, dim) in [(0, 8), (1, 64), (7, 64), (8, 64), (9, 5), (17, 64)] {
      let queries = GradientCheck.random(40, dim, seed: 3, scale: 2)  // [40, dim]
      let outputs = GradientCheck.random(40, dim, seed: 4)  // [40, dim]
      let keys = GradientCheck.random(length, dim, seed: UInt64(5 + length), scale: 2)  // [length, dim]
      let (expected, _) = CrossAttention.forward(
        queries: queries, outputs: outputs, keys: keys, segments: [0, length])  // [1, 40]
      let fused = FewKeyAttention.scores(queries: queries, outputs: outputs, keys: keys)  // [40]
      #expect(fused.count == 40)
      for i in 0..<40 { #expect(abs(fused[i] - expected.data[i]) < 1e-4, "length \(length), row \(i)") }
    }
  }
}
