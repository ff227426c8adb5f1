import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

@Suite struct OverlayKeyTests {
  @Test func helpClosesWithEscapeQuestionMarkQAndF1() {
    for key in [Key.escape, .character("?"), .character("q"), .function(1)] {
      var state = Fixture.openChat()
      Fixture.press(&state, .function(1), key)
      #expect(state.overlay == nil)
      #expect(!state.hasQuit)
    }
  }

  @Test func helpScrollsAndStopsAtTheTop() {
    var state = Fixture.openChat()
    Fixture.press(&state, .function(1), .down, .pageDown)
    #expect(state.overlay == .help(scroll: 1 + (state.size.height - 5)), "a line, then a page")
    Fixture.press(&state, .up, .pageUp, .up)
    #expect(state.overlay == .help(scroll: 0))
  }

  /// Whether help line `line` names `binding`'s key and every word of what it does (a pair of keys
  /// shares a line: "↑/↓  move the highlight up or down").
  static func line(_ line: String, describes binding: Binding) -> Bool {
    line.contains(binding.label) && binding.helpText.split(separator: " ").allSatisfy { line.contains($0) }
  }

  @Test func helpListsEveryBindingOfTheTable() {
    func help(_ contexts: [BindingContext]) -> [String] {
      OverlayRender.helpLines(for: contexts).map { $0.map(\.text).joined() }
    }
    let screens = [BindingContext.live, BindingContext.replayContexts, BindingContext.floorContexts].map {
      (contexts: $0, lines: help($0))
    }
    for binding in Bindings.table {
      for screen in screens where binding.contexts.contains(where: screen.contexts.contains) {
        #expect(
          screen.lines.contains { Self.line($0, describes: binding) },
          "help is missing \(binding.label) \(binding.helpText)")
      }
    }
  }

  @Test func helpListsSharedKeysOnceAndIsShort() {
    let live = OverlayRender.helpLines().map { $0.map(\.text).joined() }
    for label in ["^X", "^O", "Bksp", "^W", "Home/^A"] {
      #expect(live.filter { $0.hasPrefix("  \(label) ") }.count == 1, "\(label) is listed once")
    }
    #expect(live.filter { $0.contains("other printable keys type the reply") }.count == 1)
    #expect(live.contains(OverlayRender.editingTitle))
    #expect(live.contains("Conversation pane / Profile pane"), "panes with the same keys share a section")
    #expect(live.contains("  ↑/↓       move the highlight up or down"))
    #expect(live.count <= 100, "help is \(live.count) lines")
  }

  @Test func everyBindingResolvesToItsOwnActionInItsContextsAndDrafts() {
    for binding in Bindings.table {
      for context in binding.contexts {
        for key in binding.keys {
          for draftIsEmpty in [true, false] where binding.draft.allows(draftIsEmpty: draftIsEmpty) {
            #expect(
              Bindings.action(for: key, in: context, draftIsEmpty: draftIsEmpty) == binding.action,
              "\(key) in \(context) is shadowed")
          }
        }
      }
    }
  }

  @Test func escalationByDigitThenNoteThenEnter() throws {
    var state = Fixture.openChat()
    Fixture.press(&state, .control("x"), .character("2"))
    guard case .escalation(let draft) = state.overlay else {
      Issue.record("picker closed")
      return
    }
    #expect(draft.reasonIndex == 1)
    #expect(draft.writingNote)
    Fixture.type(&state, "over $500")
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .enter)).first)
    #expect(
      commitment.decision == .escalated(reason: ConsoleOptions.defaultEscalationReasons[1], note: "over $500")
    )
    #expect(state.overlay == nil)
  }

  @Test func escalationByArrowsAndEnterWithoutNote() throws {
    var state = Fixture.openChat()
    Fixture.press(&state, .control("x"), .down, .down, .up, .enter)
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .enter)).first)
    #expect(commitment.decision == .escalated(reason: ConsoleOptions.defaultEscalationReasons[1], note: ""))
  }

  @Test func escalationNoteEditingKeys() {
    var state = Fixture.openChat()
    Fixture.press(&state, .control("x"), .enter)
    Fixture.type(&state, "abc def")
    Fixture.press(&state, .control("w"), .backspace, .left, .delete)
    Fixture.press(&state, .home)
    Fixture.type(&state, ">")
    Fixture.press(&state, .end, .right)
    Fixture.type(&state, "<")
    guard case .escalation(let draft) = state.overlay else {
      Issue.record("picker closed")
      return
    }
    #expect(draft.note.text == ">ab<")
  }

  @Test func escapeCancelsTheEscalation() {
    var state = Fixture.openChat()
    Fixture.press(&state, .control("x"), .character("1"), .escape)
    #expect(state.overlay == nil)
    #expect(state.active?.isOpen == true)
  }

  @Test func quittingNeverAbandonsAChat() {
    for key in [Key.character("y"), .enter] {
      var state = Fixture.openChat()
      Fixture.press(&state, .control("q"))
      #expect(Fixture.press(&state, key).isEmpty)
      #expect(state.overlay == .confirmQuit)
      #expect(!state.hasQuit)
    }
  }

  @Test func declinedQuitStays() {
    for key in [Key.character("n"), .escape] {
      var state = Fixture.openChat()
      Fixture.press(&state, .control("q"))
      #expect(Fixture.press(&state, key).isEmpty)
      #expect(state.overlay == nil)
      #expect(!state.hasQuit)
    }
  }
}

@Suite struct HelpScrollTests {
  @Test func helpStopsScrollingAtTheEnd() {
    var state = Fixture.openChat()
    Fixture.press(&state, .function(1))
    for _ in 0..<100 { Fixture.press(&state, .pageDown) }
    guard case .help(let bottom) = state.overlay else {
      Issue.record("help closed")
      return
    }
    #expect(bottom == OverlayRender.helpLines().count - (state.size.height - 5))
    Fixture.press(&state, .up)
    #expect(state.overlay == .help(scroll: bottom - 1), "an arrow moves one line")
    Fixture.press(&state, .pageUp)
    #expect(state.overlay == .help(scroll: bottom - 1 - (state.size.height - 5)), "PgUp moves a page")
  }
}

@Suite struct ClosedChatTests {
  @Test func customerLeavingClosesAnOpenEscalationPicker() {
    var state = Fixture.openChat()
    Fixture.press(&state, .control("x"), .character("1"))
    _ = update(&state, .channel(ChannelEvent(chat: Fixture.chat, kind: .left()), now: Fixture.start + 40))
    #expect(state.overlay == nil)
    #expect(Fixture.press(&state, .enter).isEmpty)
  }

  @Test func controlCAsksBeforeQuittingLikeControlQ() {
    var state = Fixture.openChat()
    Fixture.press(&state, .control("c"))
    #expect(state.overlay == .confirmQuit)
  }
}
