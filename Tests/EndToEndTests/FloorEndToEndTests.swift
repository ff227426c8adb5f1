import Foundation
import Testing

/// `replydesk floor` beside a live console on one store: a chat the representative takes shows
/// on the floor (the time from its `started` event to the screen is printed as a bench line),
/// Enter opens its replay so far and Esc goes back to the floor. SQLite always; PostgreSQL when
/// REPLYDESK_TEST_POSTGRES names a test server.
@Suite(.serialized) struct FloorEndToEndTests {
  @Test func aTakenChatShowsOnTheFloorAndOpensItsReplay() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    try watchAChat(home: home, store: [], backend: "sqlite")
  }

  @Test(.enabled(if: FloorEndToEndTests.postgresURL != nil, "REPLYDESK_TEST_POSTGRES is unset"))
  func aTakenChatShowsOnTheFloorOfATeamStore() throws {
    let server = try #require(Self.postgresURL)
    let name = "replydesk_floor_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    let created = try ProcessRunner.run(["psql", server, "-c", "CREATE DATABASE \(name)"])
    #expect(created.status == 0, "\(created.output)")
    defer { _ = try? ProcessRunner.run(["psql", server, "-c", "DROP DATABASE \(name) WITH (FORCE)"]) }
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let slash = try #require(server.range(of: "/", options: .backwards))
    let database = String(server[..<slash.upperBound]) + name
    try watchAChat(home: home, store: ["--store", database], backend: "postgres")
  }

  static let postgresURL: String? = {
    let url = ProcessInfo.processInfo.environment["REPLYDESK_TEST_POSTGRES"] ?? ""
    return url.isEmpty ? nil : url
  }()

  private func watchAChat(home: URL, store: [String], backend: String) throws {
    let environment = ["REPLYDESK_HOME": home.path, "TERM": "tmux-256color"]
    let socket = home.appendingPathComponent("floor.sock").path
    let console = try TmuxPane(
      command: [
        ReplyDeskBinary.path, "console", "--socket", socket, "--ranker", "lexical", "--generator", "off",
        "--rep", "Rita Rep",
      ] + store, width: 120, height: 40, environment: environment)
    try console.waitFor(text: "none waiting")
    let floor = try TmuxPane(
      command: [ReplyDeskBinary.path, "floor"] + store, width: 120, height: 40, environment: environment)
    try floor.waitFor(text: "No open chats")
    let customer = try SocketCustomer(socket: socket)
    customer.hello(name: "Quinnfloor")
    customer.say("where is my parcel")
    try console.waitFor(text: "1 waiting")
    try console.press("C-o")
    let screen = try floor.waitFor("the taken chat on the floor", timeout: 10) {
      $0.contains("Quinnfloor") && $0.contains("Rita Rep · 1 open · 1 waiting")
    }
    let seen = Date()
    #expect(screen.contains("Waiting 1 · longest"))
    let started = try startedTime(home: home, store: store)
    print(
      "bench floor \(backend): a new chat on screen \(Int((seen.timeIntervalSince(started) * 1000).rounded())) ms after its started event (screen polled every 50 ms)"
    )

    try floor.press("Enter")
    try floor.waitFor("the chat's replay") {
      $0.contains("ReplyDesk replay · Quinnfloor") && $0.contains("where is my parcel")
    }
    try floor.press("Escape")
    try floor.waitFor(text: "Open chats by representative")
    try floor.press("q")
    try floor.waitFor("the floor to exit", timeout: 10) { _ in (try? floor.hasExited()) == true }

    customer.bye()
    try console.waitFor(text: "Press ^O for the next customer")
    try console.press("C-q")
    try console.waitFor("the console to exit", timeout: 10) { _ in (try? console.hasExited()) == true }
  }

  /// The time of the only session's `started` event.
  private func startedTime(home: URL, store: [String]) throws -> Date {
    let listing = try ReplyDeskBinary.run(["sessions", "--json"] + store, home: home).output
    let session = try #require(
      listing.split(separator: "\n").compactMap {
        (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
      }.first)
    let id = try #require(session["id"] as? String)
    let export = try ReplyDeskBinary.run(["export", id, "--no-redact"] + store, home: home).output
    for line in export.split(separator: "\n") {
      guard let event = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
        (event["event"] as? [String: Any])?["started"] != nil, let time = event["time"] as? String
      else { continue }
      return try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(time)
    }
    throw ProcessRunner.Failure(description: "no started event in \(export)")
  }
}
