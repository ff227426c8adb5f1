import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// A 30 KB reply text of repeated sentences that ends in `marker`.
private func longText(characters: Int = 30_000, marker: String = "END-OF-PASTE") -> String {
  PasteBenchmark.text(characters: characters - marker.count) + marker
}

@Suite struct PastedTextFilterTests {
  @Test func lineBreaksOfEveryKindBecomeNewlinesAndTabsSpaces() {
    #expect(ComposerInputFilter.pasted("a\r\nb\rc\nd\u{2028}e\u{2029}f") == "a\nb\nc\nd\ne\nf")
    #expect(ComposerInputFilter.pasted("a\tb") == "a    b")
  }

  @Test func escapeSequencesAreRemovedWhole() {
    let colours = "\u{1B}[1;31mred\u{1B}[0m"
    let title = "\u{1B}]0;owned\u{7}"
    let link = "\u{1B}]8;;https://example.com\u{1B}\\link\u{1B}]8;;\u{1B}\\"
    let resetAndCharset = "\u{1B}c\u{1B}(B"
    #expect(ComposerInputFilter.pasted(colours + " " + title + link + resetAndCharset + "!") == "red link!")
  }

  @Test func anUnterminatedEscapeStringCannotSwallowTheRest() {
    let rest = String(repeating: "x", count: ComposerInputFilter.escapeStringLimit + 10)
    #expect(ComposerInputFilter.pasted("\u{1B}]" + rest) == "]" + rest)
    #expect(ComposerInputFilter.pasted("\u{1B}]0;title\nnext") == "\nnext")
    #expect(ComposerInputFilter.pasted("end\u{1B}") == "end")
  }

  @Test func controlsBidiAndZeroWidthCharactersNeverEnter() {
    #expect(ComposerInputFilter.pasted("a\u{9B}\u{202E}\u{7}\u{200B}\u{FEFF}\u{7F}\u{0}b") == "ab")
    #expect(ComposerInputFilter.pasted("❤\u{FE0F} 配達 😀 é") == "❤ 配達 😀 é")
  }

  @Test func combiningMarkRunsAreCut() {
    let pasted = ComposerInputFilter.pasted("e" + String(repeating: "\u{301}", count: 500) + "x")
    #expect(pasted.unicodeScalars.count == 1 + InertText.combiningMarkLimit + 1)
  }

  @Test func thePastedRuleIsTheTypedRuleCharacterByCharacter() {
    let ranges: [ClosedRange<UInt32>] = [0...0xD7FF, 0xE000...0x10FFF, 0x1F000...0x1FAFF, 0xE0000...0xE01FF]
    for range in ranges {
      for value in range {
        guard value != 0x0A, let scalar = Unicode.Scalar(value) else { continue }
        let text = String(scalar)
        let typedBefore = DisplayText.sanitize(text) == text
        #expect(ComposerInputFilter.allows(Character(scalar)) == typedBefore, "U+\(String(value, radix: 16))")
        if typedBefore, value != 0x1B { #expect(ComposerInputFilter.pasted(text) == text) }
      }
    }
  }
}

@Suite struct PasteTests {
  @Test func aPasteWithTheDraftEmptyIsTextNeverASuggestion() {
    var state = Fixture.openChat()
    #expect(state.composer.isEmpty)
    #expect(state.focus == .suggestions)
    let effects = update(&state, .paste("1", now: Fixture.start + 30))
    #expect(Fixture.commitments(effects).isEmpty)
    #expect(state.overlay == nil)
    #expect(state.composer.text == "1")
    #expect(state.focus == .composer)
  }

  @Test func pastedLineBreaksAndKeysOfCommandsAreText() {
    var state = Fixture.openChat()
    let effects = update(&state, .paste("2\r\u{11}\u{18}x\u{1B}[B\r\n3\n", now: Fixture.start + 30))
    #expect(Fixture.commitments(effects).isEmpty)
    #expect(state.overlay == nil, "neither Ctrl-Q nor Ctrl-X ran")
    #expect(!state.hasQuit)
    #expect(state.composer.text == "2\nx\n3\n")
  }

  @Test func aPasteIsOneEditWithOneCappedRanking() throws {
    var state = Fixture.openChat()
    let text = longText()
    let revision = state.composer.revision
    let effects = update(&state, .paste(text, now: Fixture.start + 30))
    let whole = state.composer.text == text
    #expect(whole)
    #expect(state.composer.cursor == text.count)
    #expect(state.composer.revision == revision + 1)
    let requests = Fixture.rankRequests(effects)
    #expect(requests.count == 1)
    let draft = try #require(requests.first?.draft)
    #expect(draft.count <= Composer.rankingCharacterLimit)
    #expect(draft.count > Composer.rankingCharacterLimit - 20)
    let isTail = text.hasSuffix(draft)
    #expect(isTail, "the draft ranked is the text before the cursor")
    #expect(effects.contains(.agentTyping(Fixture.chat)))
  }

  @Test func keysAfterALargePasteStillEdit() {
    var state = Fixture.openChat()
    _ = update(&state, .paste(longText(), now: Fixture.start + 30))
    Fixture.type(&state, " ok")
    #expect(state.composer.text.suffix(15) == "END-OF-PASTE ok")
    Fixture.press(&state, .control("w"), .backspace)
    #expect(state.composer.text.suffix(18) == "16th. END-OF-PASTE")
    Fixture.press(&state, .home)
    #expect(state.composer.cursor == 0, "the pasted text is one line")
    Fixture.type(&state, ">")
    #expect(state.composer.text.prefix(12) == ">Thanks Dana")
    let effects = Fixture.press(&state, .control("u"))
    #expect(state.composer.isEmpty)
    #expect(Fixture.rankRequests(effects).first?.draft == "")
  }

  @Test func aPasteGoesIntoTheEscalationNote() {
    var state = Fixture.openChat()
    Fixture.press(&state, .control("x"), .enter)
    _ = update(&state, .paste("see ticket\n42", now: Fixture.start + 30))
    guard case .escalation(let draft) = state.overlay else {
      Issue.record("the escalation picker closed")
      return
    }
    #expect(draft.note.text == "see ticket\n42")
    #expect(state.composer.isEmpty)
  }

  @Test func aPasteIntoTheFinderIsOneShortLineOfQuery() {
    var state = TemplateFinderTests.chatWithLibrary()
    Fixture.press(&state, .control("f"))
    guard case .finder = state.overlay else {
      Issue.record("Ctrl-F did not open the finder")
      return
    }
    _ = update(&state, .paste("refund\nissued" + String(repeating: "x", count: 300), now: Fixture.start + 30))
    guard case .finder(let finder) = state.overlay else {
      Issue.record("the finder closed")
      return
    }
    #expect(finder.query.text.hasPrefix("refund issued"))
    #expect(finder.query.count == singleLinePasteLimit)
    #expect(state.composer.isEmpty)
  }

  @Test func aPasteWhereTypingDoesNotWriteIsDroppedWithAWord() {
    var state = Fixture.openChat()
    Fixture.press(&state, .function(1))
    let effects = update(&state, .paste("q", now: Fixture.start + 30))
    #expect(effects.isEmpty)
    #expect(state.overlay == .help(scroll: 0), "a pasted q does not close the help")
    #expect(state.composer.isEmpty)
    #expect(state.status?.text.hasPrefix("Paste ignored here") == true)
  }

  @Test func aPasteWithNoOpenChatWritesNothing() {
    var state = Fixture.emptyState()
    let effects = update(&state, .paste("1", now: Fixture.start + 30))
    #expect(effects.isEmpty)
    #expect(state.composer.isEmpty)
    #expect(state.status?.text.hasPrefix("No open chat to write in") == true)
  }

  @Test func aPasteOfControlsOnlySaysSo() {
    var state = Fixture.openChat()
    #expect(update(&state, .paste("\u{1B}[31m\u{7}", now: Fixture.start + 30)).isEmpty)
    #expect(state.composer.isEmpty)
    #expect(state.status?.text.hasPrefix("Nothing to paste") == true)
  }

  @Test func aPasteIntoTheReplayNoteAndNowhereElse() {
    var state = ReplayState(
      size: Size(width: 120, height: 40), now: Fixture.start, timeZone: Fixture.utc, sessions: [])
    _ = updateReplay(&state, .paste("q", now: Fixture.start))
    #expect(!state.hasQuit)
    state.overlay = .note(QANoteDraft(choosingRating: false))
    _ = updateReplay(&state, .paste("needs\tcoaching\u{202E}", now: Fixture.start))
    guard case .note(let draft) = state.overlay else {
      Issue.record("the note closed")
      return
    }
    #expect(draft.text.text == "needs    coaching")
  }
}

@Suite struct LargeComposerTests {
  @Test func insertingALargeTextIsOneStep() {
    var composer = Composer("ab")
    composer.moveLeft()
    let text = longText()
    composer.insert(text)
    #expect(composer.count == text.count + 2)
    #expect(composer.cursor == text.count + 1)
    #expect(composer.revision == 1)
    let whole = composer.text == "a" + text + "b"
    #expect(whole)
    #expect(composer.widths.count == composer.count)
    #expect(composer.widths.allSatisfy { $0 == 1 })
  }

  @Test func widthsFollowEveryEdit() {
    var composer = Composer("a配\n😀🇫🇷")
    #expect(composer.widths == [1, 2, 0, 2, Composer.severalGlyphs])
    composer.moveHome()
    composer.deleteBackward()
    #expect(composer.text == "a配😀🇫🇷")
    #expect(composer.widths == [1, 2, 2, Composer.severalGlyphs])
    composer.deleteWord()
    #expect(composer.widths == [2, Composer.severalGlyphs])
    composer.clear()
    #expect(composer.widths.isEmpty)
  }

  @Test func theRankingDraftIsTheTextNearestTheCursorCutBetweenWords() {
    let text = longText()
    var composer = Composer(text)
    let tail = composer.rankingDraft()
    #expect(tail.count <= Composer.rankingCharacterLimit)
    let isTail = text.hasSuffix(tail)
    #expect(isTail)
    let startsAtWord = tail.first != " " && text.dropLast(tail.count).last == " "
    #expect(startsAtWord, "it starts at a word")
    composer.moveHome()
    let head = composer.rankingDraft()
    let isHead = text.hasPrefix(head)
    #expect(isHead)
    #expect(head.count <= Composer.rankingCharacterLimit && head.count > Composer.rankingCharacterLimit - 20)
    let endsAtWord = text.dropFirst(head.count).first == " "
    #expect(endsAtWord, "it ends at a word")
    for _ in 0..<10_000 { composer.moveRight() }
    let middle = composer.rankingDraft()
    let beforeCursor = String(text.prefix(10_000))
    let endsAtCursor = beforeCursor.hasSuffix(middle)
    #expect(endsAtCursor, "it ends at the cursor")
    #expect(Composer("short draft").rankingDraft() == "short draft")
  }
}

@Suite struct ComposerViewTests {
  /// The reference: every row laid out, scrolled so the cursor's row is the last one shown.
  private func reference(_ composer: Composer, width: Int, height: Int) -> (lines: [String], cursor: Position)
  {
    let all = ComposerPane.lines(composer, width: width)
    let scroll = max(all.cursor.y - height + 1, 0)
    let lines = all.lines.dropFirst(scroll).prefix(height).map { $0.map(\.glyph.text).joined() }
    return (Array(lines), Position(x: all.cursor.x, y: all.cursor.y - scroll))
  }

  @Test func theVisibleRowsAreTheRowsTheWholeLayoutScrollsTo() {
    let pieces = ["a", "b", "c", " ", " ", "\n", "配", "😀", "🇫🇷", "e\u{301}", "\u{7}", "\u{202E}", "x"]
    var seed: UInt64 = 42
    func next(_ bound: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(bound))
    }
    for trial in 0..<400 {
      let text = (0..<next(40)).map { _ in pieces[next(pieces.count)] }.joined()
      var composer = Composer(text)
      for _ in 0..<next(composer.count + 1) { composer.moveLeft() }
      let width = 1 + next(8)
      let height = 1 + next(5)
      let view = ComposerPane.visible(composer, width: width, height: height)
      let expected = reference(composer, width: width, height: height)
      let shown = view.lines.map { $0.map(\.glyph.text).joined() }
      #expect(
        shown == expected.lines,
        "trial \(trial): \(text.debugDescription) at \(composer.cursor), \(width)x\(height)")
      #expect(
        view.cursor == expected.cursor, "trial \(trial): \(text.debugDescription) at \(composer.cursor)")
    }
  }

  @Test func theViewOfAThirtyKilobyteDraftEndsAtTheCursor() {
    var composer = Composer(longText())
    let view = ComposerPane.visible(composer, width: 76, height: 4)
    #expect(view.lines.count == 4)
    #expect(view.lines.last.map { $0.map(\.glyph.text).joined() }?.hasSuffix("END-OF-PASTE") == true)
    #expect(view.cursor.y == 3)
    composer.moveHome()
    let top = ComposerPane.visible(composer, width: 76, height: 4)
    #expect(top.cursor == Position(x: 0, y: 0))
    #expect(top.lines.first.map { $0.map(\.glyph.text).joined() }?.hasPrefix("Thanks Dana") == true)
  }
}
