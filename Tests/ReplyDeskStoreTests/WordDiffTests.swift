import ReplyDeskCore
import Testing

@Suite("Word diff")
struct WordDiffTests {
  private func render(_ diff: WordDiff) -> String {
    diff.runs.map { run in
      let words = run.words.joined(separator: " ")
      switch run.operation {
      case .equal: return words
      case .delete: return "[-\(words)-]"
      case .insert: return "{+\(words)+}"
      }
    }.joined(separator: " ")
  }

  @Test func replacementIsDeleteThenInsert() {
    let diff = WordDiff(from: "Your refund was issued today.", to: "Your refund was approved today.")
    #expect(render(diff) == "Your refund was [-issued-] {+approved+} today.")
    #expect(diff.changedWordCount == 2)
    #expect(!diff.isUnchanged)
  }

  @Test func appendedAndRemovedWordsFormRuns() {
    #expect(
      render(WordDiff(from: "Sorry!", to: "Sorry! It ships on Monday.")) == "Sorry! {+It ships on Monday.+}")
    #expect(render(WordDiff(from: "a b c d e", to: "a e")) == "a [-b c d-] e")
  }

  @Test func keepsTheLongestCommonSubsequence() {
    let diff = WordDiff(from: "a b c a b b a", to: "c b a b a c")
    let kept = diff.runs.filter { $0.operation == .equal }.flatMap(\.words)
    #expect(kept.count == 4)
    let deleted = diff.runs.filter { $0.operation == .delete }.reduce(0) { $0 + $1.words.count }
    let inserted = diff.runs.filter { $0.operation == .insert }.reduce(0) { $0 + $1.words.count }
    #expect(deleted == 3 && inserted == 2)
  }

  @Test func whitespaceOnlyChangesAndEmptyTexts() {
    #expect(WordDiff(from: "a  b\nc", to: "a b c").isUnchanged)
    #expect(WordDiff(from: "", to: "").runs.isEmpty)
    #expect(render(WordDiff(from: "", to: "hello there")) == "{+hello there+}")
    #expect(render(WordDiff(from: "bye", to: "")) == "[-bye-]")
  }
}
