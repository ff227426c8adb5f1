import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskStore

@Suite(
  "Two processes on one store", .enabled(if: ReplyDeskBinary.isAvailable, "needs the built replydesk binary"))
struct TwoProcessTests {
  @Test func writerAndOtherProcessesNeverSeeALockedDatabase() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("sessions.sqlite")
    let store = try SessionStore(path: path)
    try store.record(contentsOf: Fixture.everyKind("done"))
    var live = ChatScript("live", base: Fixture.base)
    live.start(rep: "ana", customer: "c2", channel: "delivery")
    try store.record(contentsOf: live.events)

    let environment = ["STORE": path, "ROUNDS": "12"]
    let (reader, readerResult) = try ReplyDeskBinary.startShell(
      """
      i=0; while [ $i -lt $ROUNDS ]; do
        "$REPLYDESK_BIN" export done --store "$STORE" > /dev/null || exit 1
        "$REPLYDESK_BIN" sessions --search refund --store "$STORE" > /dev/null || exit 1
        i=$((i+1)); done
      """, environment: environment, in: directory, name: "reader")
    let (writer, writerResult) = try ReplyDeskBinary.startShell(
      """
      i=0; while [ $i -lt $ROUNDS ]; do
        "$REPLYDESK_BIN" sessions note live "note $i" --rating 3 --store "$STORE" || exit 1
        i=$((i+1)); done
      """, environment: environment, in: directory, name: "writer")

    var written = 0
    while reader.isRunning || writer.isRunning || written < 100 {
      try store.record(
        SessionEvent(
          chat: live.chat, time: Fixture.base.addingTimeInterval(Double(written)),
          kind: .customerMessage(text: "message \(written)")))
      written += 1
    }
    let readerOutcome = try readerResult()
    let writerOutcome = try writerResult()
    #expect(readerOutcome.status == 0, "reader failed: \(readerOutcome.errors)")
    #expect(writerOutcome.status == 0, "writer failed: \(writerOutcome.errors)")
    #expect(!(readerOutcome.errors + writerOutcome.errors).contains("locked"))

    let events = try store.events(of: live.chat)
    let messages = events.filter { if case .customerMessage = $0.kind { true } else { false } }
    let notes = events.compactMap { if case .qaNote(let text, 3) = $0.kind { text } else { nil } }
    #expect(messages.count == written)
    #expect(Set(notes) == Set((0..<12).map { "note \($0)" }))
  }
}
