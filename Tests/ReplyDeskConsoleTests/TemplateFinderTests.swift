import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// The template finder: fuzzy matching, its ranking, and its keys in `update`.
@Suite struct TemplateFinderTests {
  /// The sample chat (about A1234: delivered, refund issued) with the sample library loaded.
  static func chatWithLibrary() -> ConsoleState {
    var state = Fixture.openChat()
    state.templates = TemplateCatalog(templates: SampleState.baseTemplates)
    return state
  }

  private func finder(_ state: ConsoleState) -> TemplateFinder? {
    if case .finder(let finder) = state.overlay { finder } else { nil }
  }

  /// How well `query` matches one template with `text` and intent `refund_status` (0: no match).
  private func quality(_ query: String) throws -> Double {
    let template = ReplyTemplate(
      id: "refund.sample", topic: "refund", text: "Your refund of $25.00 for order A1234 was issued.",
      intents: ["refund_status"])
    let chat = try #require(Fixture.openChat().active)
    let found = FinderSearch.search(
      query, in: TemplateCatalog(templates: [template]), chat: chat, now: Fixture.start)
    return found.rows.first?.quality ?? 0
  }

  @Test func queryWordsMatchWithTyposAndInAnyOrder() throws {
    #expect(try quality("refund issued") == 1)
    #expect(try quality("issued refund") == 1)
    #expect(try quality("status REFUND.sample") == 1)
    let typo = try quality("refnud isued")
    #expect(typo > 0 && typo < 1)
    #expect(try quality("refu") == 0.9)
    #expect(try quality("rfd") > 0)
    #expect(try quality("refund parcel") == 0)
    #expect(try quality("xyz") == 0)
    #expect(FuzzyMatch.editDistance(Array("lable".utf8), Array("label".utf8), atMost: 1) == 1)
    #expect(FuzzyMatch.editDistance(Array("kettle".utf8), Array("label".utf8), atMost: 2) == nil)
  }

  @Test func searchRanksByMatchThenByTheShownListAndFillsFromTheOrderInQuestion() throws {
    let state = Self.chatWithLibrary()
    let chat = try #require(state.active)
    let catalog = state.templates
    let all = FinderSearch.search("", in: catalog, chat: chat, now: state.now)
    #expect(all.matches == SampleState.baseTemplates.count)
    #expect(all.rows.prefix(2).map(\.templateID) == ["refund.status.issued", "delivery.delayed.apology"])
    let label = FinderSearch.search("lable retrn", in: catalog, chat: chat, now: state.now)
    #expect(label.rows.first?.templateID == "return.label.sent")
    #expect(label.rows.first?.text.contains("dana.whitfield@example.com") == true)
    let byIntent = FinderSearch.search("cancel_order", in: catalog, chat: chat, now: state.now)
    let cancel = try #require(byIntent.rows.first)
    #expect(cancel.templateID == "cancellation.done")
    #expect(cancel.text == "Done: order A1234 is cancelled.")
    #expect(cancel.contradiction == "order A1234 is delivered")
    let byID = FinderSearch.search("closing.survey", in: catalog, chat: chat, now: state.now)
    #expect(byID.rows.first?.templateID == "closing.survey")
    #expect(byID.rows.first?.contradiction == nil)
  }

  @Test func slashInAnEmptyDraftOpensTheFinderAndEnterInsertsWithoutSending() throws {
    var state = Self.chatWithLibrary()
    Fixture.press(&state, .character("/"))
    #expect(finder(state)?.matches == SampleState.baseTemplates.count)
    Fixture.type(&state, "label")
    #expect(finder(state)?.rows.map(\.templateID) == ["return.label.sent"])
    Fixture.press(&state, .down, .up)
    let effects = Fixture.press(&state, .enter)
    #expect(state.overlay == nil)
    #expect(Fixture.commitments(effects).isEmpty)
    #expect(state.focus == .composer)
    #expect(
      state.composer.text
        == "I've emailed a prepaid return label to dana.whitfield@example.com. Drop the parcel at any post office."
    )
    #expect(state.editOrigin == nil)
    #expect(!Fixture.rankRequests(effects).isEmpty)
  }

  @Test func downAndUpMoveWithinTheMatchesAndBackspaceSearchesAgain() {
    var state = Self.chatWithLibrary()
    Fixture.press(&state, .control("f"))
    Fixture.type(&state, "order")
    let matches = finder(state)?.rows.count ?? 0
    #expect(matches >= 3)
    Fixture.press(&state, .down, .down, .down, .down, .down, .down, .down, .down)
    #expect(finder(state)?.selected == matches - 1)
    Fixture.press(&state, .up)
    #expect(finder(state)?.selected == matches - 2)
    Fixture.type(&state, "zzz")
    #expect(finder(state)?.rows.isEmpty == true)
    Fixture.press(&state, .enter)
    #expect(state.overlay != nil)
    #expect(state.status?.text.hasPrefix("No template matches") == true)
    Fixture.press(&state, .backspace, .backspace, .backspace)
    #expect(finder(state)?.rows.count == matches)
    #expect(finder(state)?.selected == 0)
  }

  @Test func escClosesWithoutChangingTheDraft() {
    var state = Self.chatWithLibrary()
    Fixture.press(&state, .character("/"))
    Fixture.type(&state, "refund")
    Fixture.press(&state, .escape)
    #expect(state.overlay == nil)
    #expect(state.composer.isEmpty)
  }

  @Test func slashInAWrittenDraftIsTypedAndControlFInsertsAtTheCursor() {
    var state = Self.chatWithLibrary()
    Fixture.type(&state, "a/b ")
    #expect(state.overlay == nil)
    #expect(state.composer.text == "a/b ")
    Fixture.press(&state, .control("f"))
    Fixture.type(&state, "cancelled")
    Fixture.press(&state, .enter)
    #expect(state.composer.text == "a/b Done: order A1234 is cancelled.")
  }

  @Test func aTemplateSavedInTheSessionIsFoundAtOnce() {
    var state = Self.chatWithLibrary()
    let saved = ReplyTemplate(
      id: "saved.kettle_descaling", topic: "saved", text: "Descale the kettle monthly.")
    _ = update(&state, .templateSaved(saved, directory: "/tmp/t", now: Fixture.start + 40))
    Fixture.press(&state, .character("/"), at: 41)
    Fixture.type(&state, "descale")
    #expect(finder(state)?.rows.map(\.templateID) == ["saved.kettle_descaling"])
  }

  @Test func withoutAnOpenChatOrTemplatesTheFinderSaysWhatToDo() {
    var empty = Fixture.emptyState()
    empty.templates = TemplateCatalog(templates: SampleState.baseTemplates)
    Fixture.press(&empty, .control("f"))
    #expect(empty.overlay == nil)
    #expect(empty.status?.text.contains("takes the next customer") == true)
    var none = Fixture.openChat()
    Fixture.press(&none, .character("/"))
    #expect(none.overlay == nil)
    #expect(none.status?.text.hasPrefix("No templates loaded") == true)
  }

  @Test func keysFooterAndHelpComeFromTheBindingTable() {
    #expect(Bindings.action(for: .character("/"), in: .suggestions, draftIsEmpty: true) == .openFinder)
    #expect(Bindings.action(for: .character("/"), in: .composer, draftIsEmpty: false) == nil)
    #expect(Bindings.action(for: .control("f"), in: .composer, draftIsEmpty: false) == .openFinder)
    #expect(Bindings.footerHints(for: .suggestions).contains { $0.label == "/" })
    let help = OverlayRender.helpLines().map { $0.map(\.text).joined() }
    #expect(help.contains("Template finder"))
    #expect(help.contains { $0.contains("^F") && $0.contains("find a template") })
  }

  @Test func theFinderStaysFastWithAThousandTemplates() throws {
    let state = SampleState.busy(size: Size(width: 120, height: 40))
    let catalog = TemplateCatalog(templates: SampleState.templates(count: 1200))
    let chat = try #require(state.active)
    let start = ContinuousClock.now
    let found = FinderSearch.search("refnd isued card", in: catalog, chat: chat, now: state.now)
    let elapsed = ContinuousClock.now - start
    #expect(found.matches == 200)
    #expect(found.rows.count == TemplateFinder.rowLimit)
    #expect(elapsed < .milliseconds(100), "one search took \(elapsed)")
  }
}
