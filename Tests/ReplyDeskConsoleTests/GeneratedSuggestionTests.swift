import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskConsole

/// The generated reply in the console: asked for after the ranked list, shown last without moving
/// the list, dropped when stale, edited before sending when it has a gap, recorded with its model,
/// and saved as a template with ^T.
@Suite struct GeneratedSuggestionTests {
  static let model = "generator v1"

  static func generated(_ segments: [TextSegment]) -> Suggestion {
    Suggestion(source: .generated(model: model), segments: segments, score: 0.4)
  }

  static let complete = generated([
    .literal("Your refund of "), .slot(name: "refund.amount", value: "$25.00"), .literal(" is on its way."),
  ])

  /// chat-7 open with the generator ready and the first ranked list delivered; the effects of that
  /// delivery are returned with it.
  static func readyChat() -> (state: ConsoleState, effects: [ConsoleEffect]) {
    var state = Fixture.emptyState()
    state.generator = .ready
    _ = update(
      &state,
      .channel(
        ChannelEvent(chat: Fixture.chat, kind: .arrived(profile: SampleState.profile(), scenario: "r")),
        now: Fixture.start))
    _ = update(&state, .key(.control("o"), now: Fixture.start + 5))
    let arrival = update(
      &state,
      .channel(
        ChannelEvent(chat: Fixture.chat, kind: .message("Where is my refund?")), now: Fixture.start + 10))
    let request = Fixture.rankRequests(arrival).last!
    let effects = update(
      &state,
      .ranked(
        RankingResult(
          request: request, suggestions: Array(SampleState.suggestions().prefix(8)), rankerName: "lexical"),
        now: state.now))
    return (state, effects)
  }

  static func generationRequests(_ effects: [ConsoleEffect]) -> [RankingRequest] {
    effects.compactMap { if case .generate(let request) = $0 { request } else { nil } }
  }

  @Test func rankedListLeavesARowAndAsksForTheGeneratedReplyAfterwards() throws {
    var state = Fixture.emptyState()
    state.generator = .training(0.4)
    _ = update(
      &state,
      .channel(
        ChannelEvent(chat: Fixture.chat, kind: .arrived(profile: SampleState.profile(), scenario: "r")),
        now: Fixture.start))
    _ = update(&state, .key(.control("o"), now: Fixture.start + 5))
    let arrival = update(
      &state, .channel(ChannelEvent(chat: Fixture.chat, kind: .message("Hi")), now: Fixture.start + 10))
    #expect(Fixture.rankRequests(arrival).last?.limit == 8)
    #expect(Self.generationRequests(arrival).isEmpty)
    let effects = Self.readyChat().effects
    let asked = try #require(Self.generationRequests(effects).first)
    #expect(asked.context.last?.text == "Where is my refund?")
    #expect(Self.generationRequests(effects).count == 1)
  }

  @Test func generatedReplyIsAppendedWithoutMovingTheListOrCursor() throws {
    let ready = Self.readyChat()
    var state = ready.state
    let effects = ready.effects
    Fixture.press(&state, .down, .down)
    let before = state.active!.suggestions.rows
    let request = try #require(Self.generationRequests(effects).first)
    let recorded = update(
      &state, .generated(GeneratedReply(request: request, suggestion: Self.complete), now: state.now))
    let chat = try #require(state.active)
    #expect(Array(chat.suggestions.rows.prefix(before.count)) == before)
    #expect(chat.suggestions.rows.last == Self.complete)
    #expect(chat.suggestions.highlighted == 2)
    let shown = try #require(
      Fixture.recorded(recorded).compactMap { kind -> [ShownSuggestion]? in
        if case .suggestionsShown(let list, _) = kind { list } else { nil }
      }.first)
    #expect(shown.last?.source == .generated(model: Self.model))
    #expect(shown.last?.rank == 9)
    let screen = render(state, size: Size(width: 160, height: 48)).plainText
    #expect(screen.firstMatch(of: #/ 9 gen /#) != nil)
  }

  @Test func aDraftReRankKeepsTheGeneratedReplyOfTheSameTurn() throws {
    let ready = Self.readyChat()
    var state = ready.state
    let effects = ready.effects
    let request = try #require(Self.generationRequests(effects).first)
    _ = update(
      &state, .generated(GeneratedReply(request: request, suggestion: Self.complete), now: state.now))
    Fixture.press(&state, .tab)
    Fixture.type(&state, "refund")
    Fixture.deliverRanking(&state, suggestions: Array(SampleState.suggestions().prefix(8)))
    #expect(state.active?.suggestions.rows.last == Self.complete)
  }

  @Test func staleGeneratedRepliesAreDropped() throws {
    let ready = Self.readyChat()
    var state = ready.state
    let effects = ready.effects
    let request = try #require(Self.generationRequests(effects).first)
    _ = update(
      &state,
      .channel(ChannelEvent(chat: Fixture.chat, kind: .message("Hello?")), now: Fixture.start + 20))
    let recorded = update(
      &state, .generated(GeneratedReply(request: request, suggestion: Self.complete), now: state.now))
    #expect(recorded.isEmpty)
    #expect(state.active?.suggestions.rows.contains(Self.complete) == false)
  }

  @Test func aGeneratedReplyWithAGapOpensTheComposerWithAHint() throws {
    let ready = Self.readyChat()
    var state = ready.state
    let effects = ready.effects
    let request = try #require(Self.generationRequests(effects).first)
    let gap = Self.generated([.literal("Your tracking link is "), .missing(name: "order.tracking_link")])
    _ = update(&state, .generated(GeneratedReply(request: request, suggestion: gap), now: state.now))
    let sent = Fixture.press(&state, .character("9"))
    #expect(Fixture.commitments(sent).isEmpty)
    #expect(state.focus == .composer)
    #expect(state.composer.text == "Your tracking link is [order.tracking_link]")
    #expect(state.status?.text.contains("Generated reply 9") == true)
    #expect(state.status?.text.contains("[order.tracking_link]") == true)
  }

  @Test func controlTSavesTheSentGeneratedReplyAsATemplate() throws {
    let ready = Self.readyChat()
    var state = ready.state
    let effects = ready.effects
    let request = try #require(Self.generationRequests(effects).first)
    _ = update(
      &state, .generated(GeneratedReply(request: request, suggestion: Self.complete), now: state.now))
    let commitment = try #require(Fixture.commitments(Fixture.press(&state, .character("9"))).first)
    #expect(commitment.decision == .accepted(suggestionID: "generated", rank: 9, text: Self.complete.text))
    _ = update(&state, .committed(commitment, now: Fixture.start + 31))
    #expect(state.status?.text.contains("^T") == true)
    #expect(Fixture.press(&state, .control("t"), at: 32).isEmpty)
    #expect(state.context == .templateIntent)
    let save = Fixture.press(&state, .enter, .enter, at: 32)
    let order = SampleState.profile().orders.first { $0.id == "A1234" }
    #expect(
      save == [
        .saveTemplate(
          TemplateDraft(
            text: Self.complete.text, profile: SampleState.profile(), time: commitment.time, order: order,
            when: ["refund.status: [issued]"]))
      ])
    let template = ReplyTemplate(id: "saved.your_refund_of", topic: "saved", text: Self.complete.text)
    let saved = update(&state, .templateSaved(template, directory: "/tmp/t", now: Fixture.start + 33))
    #expect(state.status?.text == "Saved as template saved.your_refund_of in /tmp/t; / finds it")
    #expect(state.templates.templates.map(\.id) == ["saved.your_refund_of"])
    #expect(!Fixture.rankRequests(saved).isEmpty)
    Fixture.press(&state, .control("t"), at: 34)
    #expect(state.status?.isWarning == true)
  }

  @Test func controlTWithoutAGeneratedReplyExplainsItself() {
    var state = Fixture.openChat()
    let effects = Fixture.press(&state, .control("t"))
    #expect(effects.isEmpty)
    #expect(state.status?.text.hasPrefix("Nothing to save") == true)
  }

  @Test func generatorBecomingReadyAsksForTheTurnOnScreenAndSaysSo() {
    var state = Fixture.openChat()
    state.generator = .training(0.9)
    #expect(render(state, size: Size(width: 160, height: 48)).plainText.contains("generator: training 90%"))
    #expect(render(state, size: state.size).plainText.contains("gen 90%"))
    let effects = update(&state, .generatorPhase(.ready, now: Fixture.start + 40))
    #expect(Self.generationRequests(effects).count == 1)
    #expect(state.status?.text.hasPrefix("Generator ready") == true)
    _ = update(&state, .generatorPhase(.failed("model damaged"), now: Fixture.start + 41))
    #expect(state.status?.text == "Generator unavailable: model damaged")
    #expect(state.generator.offersReplies == false)
  }

  @Test func aGeneratedReplyThatRepeatsARankedSuggestionIsNotShown() throws {
    let ready = Self.readyChat()
    var state = ready.state
    let request = try #require(Self.generationRequests(ready.effects).first)
    let copy = Self.generated(SampleState.suggestions()[1].segments)
    let recorded = update(
      &state, .generated(GeneratedReply(request: request, suggestion: copy), now: state.now))
    #expect(recorded.isEmpty)
    #expect(state.active?.suggestions.rows.count == 8)
  }
}
