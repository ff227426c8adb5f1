import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskStore

@Suite("Transcripts with hostile text")
struct TranscriptFormatterTests {
  private let summary = SessionSummary(
    id: ChatID("h1"), representative: "ana", customerID: "c1", customerName: "Dana Reyes", channel: "refund",
    startedAt: Fixture.base, endedAt: nil, outcome: nil, eventCount: 2)

  private func events(_ text: String) -> [SessionEvent] {
    var script = ChatScript("h1", base: Fixture.base)
    script.start(rep: "ana", customer: "c1", channel: "refund")
    script.say(3, text)
    return script.events
  }

  @Test func plainTranscriptNeutralisesTerminalControlAndIndentsLines() {
    let text = TranscriptFormatter.plain(summary, events: events("hi\u{1B}[2J\u{07}\rthere\nsecond line"))
    #expect(!text.contains("\u{1B}") && !text.contains("\u{07}") && !text.contains("\r"))
    #expect(
      text.contains("[09:00:03] customer: hi␛[2J␇there\n    second line"), "shown as the console shows it")
    #expect(text.contains("Outcome: open"))
  }

  @Test func markdownEscapesMarkupAndKeepsOneParagraphPerTurn() {
    let text = TranscriptFormatter.markdown(
      summary, events: events("**bold** [x](javascript:alert) <b>\n# title"))
    #expect(
      text.contains(
        "**customer** `09:00:03`: \\*\\*bold\\*\\* \\[x\\](javascript:alert) \\<b\\><br>\\# title"))
  }

  @Test func editsShowTheirWordDiff() {
    let text = TranscriptFormatter.plain(summary, events: Fixture.everyKind())
    #expect(
      text.contains(
        "agent [edited #2, 2.0s]: Sorry for the wait!\n    edit: [-Sorry!-] {+Sorry for the wait!+}"))
    #expect(
      text.contains(
        "practice: scorecard (refund): handle 30s, 1 accepted, 1 edited, 1 written, 1 escalated, "
          + "1 of 4 the ranker's first choice, slips: ask_anything_else_before_closing"))
    let diff = WordDiff(from: "Your refund is on its way", to: "Your refund of $5 is on its way today")
    #expect(TranscriptFormatter.wordDiffText(diff) == "Your refund {+of $5+} is on its way {+today+}")
  }

  @Test func jsonLinesRoundTripTheEventKinds() throws {
    let events = Fixture.everyKind()
    let lines = try TranscriptFormatter.jsonLines(events).split(separator: "\n")
    #expect(lines.count == events.count)
    struct Line: Decodable {
      var session: String
      var time: String
      var event: SessionEventKind
    }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let text = try decoder.singleValueContainer().decode(String.self)
      return try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }
    let decoded = try lines.map { try decoder.decode(Line.self, from: Data($0.utf8)) }
    #expect(decoded.map(\.event) == events.map(\.kind))
    #expect(decoded.allSatisfy { $0.session == "all-kinds" })
    #expect(decoded[1].time == "2026-03-01T09:00:05.123Z")
  }
}
