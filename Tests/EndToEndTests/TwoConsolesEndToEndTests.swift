import Foundation
import Testing

/// Two live consoles on one store at once, several customers each: every session holds exactly
/// its own customer's events.
@Suite(.serialized) struct TwoConsolesEndToEndTests {
  private let customersPerConsole = 3

  /// Every session in `home` with its customer's name and its events (export JSON objects).
  private func sessions(_ home: URL) throws -> [(name: String, events: [[String: Any]])] {
    let listing = try ReplyDeskBinary.run(["sessions", "--json"], home: home).output
    return try listing.split(separator: "\n").compactMap { line in
      guard let session = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let id = session["id"] as? String, let name = session["customerName"] as? String
      else { return nil }
      let export = try ReplyDeskBinary.run(["export", id, "--no-redact"], home: home).output
      let events = export.split(separator: "\n").compactMap {
        (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
      }
      return (name.trimmingCharacters(in: .whitespaces), events.compactMap { $0["event"] as? [String: Any] })
    }
  }

  private func messages(_ events: [[String: Any]]) -> [String] {
    events.compactMap { ($0["customerMessage"] as? [String: Any])?["text"] as? String }
  }

  @Test func everySessionHoldsOnlyItsOwnCustomersEvents() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let environment = ["REPLYDESK_HOME": home.path, "TERM": "tmux-256color"]
    var consoles: [(String, TmuxPane, String)] = []
    for label in ["A", "B"] {
      let socket = home.appendingPathComponent("\(label).sock").path
      let pane = try TmuxPane(
        command: [
          ReplyDeskBinary.path, "console", "--socket", socket, "--ranker", "lexical", "--generator", "off",
        ], width: 120, height: 40, environment: environment)
      consoles.append((label, pane, socket))
    }
    var customers: [(String, SocketCustomer)] = []
    for (label, pane, socket) in consoles {
      try pane.waitFor(text: "none waiting")
      for number in 1...customersPerConsole {
        let name = "\(label)cust\(number)"
        let customer = try SocketCustomer(socket: socket)
        customer.hello(name: name)
        customer.say("first from \(name)")
        customers.append((name, customer))
      }
    }
    for (label, pane, _) in consoles {
      try pane.waitFor(text: "\(customersPerConsole) waiting")
      for number in 1...customersPerConsole {
        try pane.press("C-o")
        try pane.waitFor(text: "\(label)cust\(number)")
      }
    }
    for (name, customer) in customers { customer.say("second from \(name)") }
    try consoles[0].1.waitFor("every message stored", timeout: 30) { _ in
      let stored = (try? self.sessions(home)) ?? []
      return stored.count == 6 && stored.allSatisfy { self.messages($0.events).count == 2 }
    }
    for (_, customer) in customers { customer.bye() }
    for (_, pane, _) in consoles {
      try pane.waitFor(text: "Press ^O for the next customer")
      try pane.press("C-q")
      try pane.waitFor("the console to exit", timeout: 10) { _ in (try? pane.hasExited()) == true }
    }

    let stored = try sessions(home)
    #expect(Set(stored.map(\.name)) == Set(customers.map(\.0)))
    for (name, events) in stored {
      #expect(messages(events) == ["first from \(name)", "second from \(name)"], "\(name)")
      #expect(events.filter { $0["started"] != nil }.count == 1, "\(name)")
      #expect(events.filter { $0["ended"] != nil }.count == 1, "\(name)")
    }
  }
}
