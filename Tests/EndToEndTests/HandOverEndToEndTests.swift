import Foundation
import Testing

/// Hand-overs keep the customer and satisfaction is measured, in the real console with real
/// customer clients: escalating keeps the customer connected and queues the chat with a summary that
/// whoever takes it reads first; resolving asks the customer for a rating that `stats` reports.
@Suite(.serialized) struct HandOverEndToEndTests {
  @Test func anEscalatedCustomerStaysAndTheSpecialistSeesTheSummaryFirst() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let panes = try LiveConsolePanes(home: home)
    let console = panes.console
    let maya = try panes.customer("Maya Okafor", says: "Where is my refund? I sent the kettle back.")
    try console.waitFor(text: "1 waiting")
    try console.press("C-o")
    try console.waitFor(text: "I sent the kettle back.")

    try console.press("C-x")
    try console.waitFor(text: "Escalate this chat")
    try console.press("2")
    try console.type("wants a manager")
    try console.press("Enter")
    var screen = try console.waitFor(text: "1 escalated")
    #expect(screen.contains("Handed over: Alt-E takes it"))
    try maya.waitFor(text: "(hand-over) A specialist is taking over this chat.")
    #expect(try !maya.screen().contains("closed the chat"))
    #expect(try !maya.hasExited())

    try maya.type("Thanks, I will wait here.")
    try maya.press("Enter")
    try console.waitFor(text: "Maya Okafor wrote while waiting for a specialist")

    try console.press("M-e")
    screen = try console.waitFor(text: "Hand-over summary: ")
    let rows = screen.split(separator: "\n")
    let summary = try #require(rows.firstIndex { $0.contains("Hand-over summary: ") })
    let firstMessage = try #require(
      rows.firstIndex { $0.contains("I sent the kettle back.") && !$0.contains("“") })
    #expect(summary < firstMessage, "the summary comes first:\n\(screen)")
    #expect(screen.contains("wants a manager"))
    #expect(screen.contains("Customer asked: “Where is my refund?"))
    #expect(screen.contains("Still open: the customer's last message"))
    #expect(screen.contains("Thanks, I will wait here."))

    try console.type("Hi Maya, I look after refunds and will sort this out now.")
    try console.press("Enter")
    try maya.waitFor(text: "agent> Hi Maya, I look after refunds and will sort this out now.")

    try console.press("C-q")
    try console.waitFor(text: "Hand the open chats over, or resolve them?")
    try console.press("r")
    try console.waitFor("the console to exit", timeout: 10) { _ in (try? console.hasExited()) == true }
    try maya.waitFor(text: "The agent closed the chat (resolved).")

    let listing = try ReplyDeskBinary.run(["sessions", "--json"], home: home)
    let id = try #require(listing.output.firstMatch(of: #/"id":"([^"]+)"/#)?.1)
    let transcript = try ReplyDeskBinary.run(["sessions", "show", String(id)], home: home).output
    #expect(transcript.contains("system [escalated, "))
    #expect(transcript.contains("The representative handed the chat over (Refund above my approval limit)"))
    #expect(!transcript.contains("agent [escalated"))
    #expect(transcript.contains("system: Hand-over summary: "))
  }

  @Test func resolvingAsksForARatingAndStatsReportCSAT() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let panes = try LiveConsolePanes(home: home)
    let console = panes.console
    let ana = try panes.customer("Ana Silva", says: "My parcel is late.")
    try console.waitFor(text: "1 waiting")
    try console.press("C-o")
    try console.waitFor(text: "My parcel is late.")
    try console.type("It arrives tomorrow morning.")
    try console.press("Enter")
    try ana.waitFor(text: "agent> It arrives tomorrow morning.")

    try console.press("C-r")
    try console.waitFor(text: "Chat resolved")
    try ana.waitFor(text: "How did we do? Type a rating from 1 (poor) to 5")
    try ana.type("5 quick and clear")
    try ana.press("Enter")
    try ana.waitFor(text: "Thank you for rating this chat 5 out of 5.")
    try console.waitFor(text: "Ana Silva rated the chat 5 out of 5")
    try ana.waitFor("the client to exit", timeout: 10) { _ in (try? ana.hasExited()) == true }

    try console.press("C-q")
    try console.waitFor("the console to exit", timeout: 10) { _ in (try? console.hasExited()) == true }
    let table = try ReplyDeskBinary.run(["stats"], home: home).output
    let lines = table.split(separator: "\n").map(String.init)
    let header = try #require(lines.first)
    let row = try #require(lines.dropFirst().first)
    let csat = try #require(header.range(of: "CSAT"))
    let column = header.distance(from: header.startIndex, to: csat.lowerBound)
    #expect(row.dropFirst(column).prefix { $0 != " " } == "5.00", "\(table)")
    let share = try #require(header.range(of: "CSAT 4-5"))
    #expect(row.dropFirst(header.distance(from: header.startIndex, to: share.lowerBound)).hasPrefix("100.0%"))
    let json = try ReplyDeskBinary.run(["stats", "--by", "rep", "--json"], home: home).output
    #expect(json.contains(#""meanRating":5"#))
    #expect(json.contains(#""ratedSessions":1"#))
    #expect(json.contains(#""satisfiedRate":1"#))
  }
}
