import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskStore

@Suite struct SearchTextTests {
  @Test func textAfterANulCharacterIsSearchable() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try SessionStore(path: directory.path("sessions.sqlite"))
    var script = ChatScript("nul", base: Date(timeIntervalSince1970: 1_764_579_000))
    script.start(rep: "Alex", customer: "Ana", channel: "live")
    script.say(1, "hello\u{0}hiddenword in the tail")
    script.write(2, "Reply\u{0}aftertheagentnul")
    try store.record(contentsOf: script.events)
    for word in ["hello", "hiddenword", "tail", "aftertheagentnul"] {
      #expect(try store.sessions(matching: SessionFilter(search: word)).map(\.id) == [script.chat], "\(word)")
    }
    #expect(
      try store.events(of: script.chat)[1].kind == .customerMessage(text: "hello\u{0}hiddenword in the tail"))
  }
}
