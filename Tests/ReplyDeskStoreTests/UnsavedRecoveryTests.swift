import Foundation
import ReplyDeskCore
import Testing

@testable import ReplyDeskStore

@Suite struct UnsavedRecoveryTests {
  @Test func eventsASpillFileKeptAreStoredOnceAndTheFileRemoved() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("sessions.sqlite")
    let store = try SessionStore(path: path)
    var script = ChatScript("spilled", base: Date(timeIntervalSince1970: 1_764_579_000))
    script.start(rep: "Alex", customer: "Ana", channel: "live")
    script.say(1, "stored before the disk filled")
    script.say(2, "kept in the spill file")
    script.add(3, .ended(outcome: .abandoned))
    try store.record(contentsOf: Array(script.events.prefix(2)))
    let dead = UnsavedEventsFile.forStore(at: path, pid: Int32.max - 1)
    #expect(dead.write(Array(script.events.dropFirst())), "the first event was stored before the crash")
    #expect(UnsavedEventsFile.leftovers(forStore: path) == [dead])

    #expect(try store.recoverUnsavedEvents(from: UnsavedEventsFile.leftovers(forStore: path)) == 2)
    #expect(try store.events(of: script.chat) == script.events)
    #expect(UnsavedEventsFile.leftovers(forStore: path).isEmpty)
    #expect(try store.session(script.chat).outcome == .abandoned)
  }

  @Test func aRunningConsolesSpillFileIsLeftAlone() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("sessions.sqlite")
    let parent = UnsavedEventsFile.forStore(at: path, pid: getppid())
    #expect(parent.write([]))
    #expect(UnsavedEventsFile.leftovers(forStore: path).isEmpty)
  }
}
