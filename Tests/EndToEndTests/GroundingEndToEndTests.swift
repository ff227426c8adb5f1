import Foundation
import Testing

/// A live customer whose order was delivered asks to cancel it: the console's top suggestion says it
/// cannot be cancelled, and a suggestion that contradicts the profile shows why and asks first.
@Suite(.serialized) struct GroundingEndToEndTests {
  private static let profile = """
    {"id": "C-9", "first_name": "Ana", "last_name": "Diaz", "email": "ana@example.com",
     "orders": [{"id": "RD-451884", "status": "delivered", "placed_on": "2026-11-20",
                 "delivery_date": "2026-11-24", "items": [{"name": "Glass blender", "price": 59.90}]},
                {"id": "RD-300112", "status": "processing", "placed_on": "2026-11-29",
                 "items": [{"name": "Tea towels", "price": 12.00}]}]}
    """

  @Test func aDeliveredOrderCannotBeCancelledAndAContradictionAsksFirst() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let socket = home.appendingPathComponent("console.sock").path
    let profileFile = home.appendingPathComponent("ana.json")
    try Self.profile.write(to: profileFile, atomically: true, encoding: .utf8)
    let environment = ["REPLYDESK_HOME": home.path, "TERM": "tmux-256color"]
    let console = try TmuxPane(
      command: [
        ReplyDeskBinary.path, "console", "--socket", socket, "--ranker", "lexical", "--generator", "off",
      ], width: 160, height: 48, environment: environment)
    try console.waitFor(text: "none waiting")
    let customer = try TmuxPane(
      command: [ReplyDeskBinary.path, "customer", "--connect", socket, "--profile", profileFile.path],
      width: 100, height: 20, environment: environment)
    try customer.waitFor(text: "Connected")
    try customer.type("I changed my mind about order RD-451884. Is it possible to cancel it?")
    try customer.press("Enter")
    try console.waitFor(text: "1 waiting")
    try console.press("C-o")

    let screen = try console.waitFor("the ranked suggestions, settled") {
      $0.contains("▶1 ") && $0.contains("✗ ") && !$0.contains("just changed")
    }
    #expect(screen.components(separatedBy: "✗ order").count - 1 <= 2, "at most two contradictions")
    let top = try #require(screen.split(separator: "\n").first { $0.contains("▶1 ") })
    #expect(top.contains("was already delivered, so it can't be cancelled"), "\(screen)")
    #expect(screen.contains("▶ #RD-451884"), "the profile marks the order in question")
    let contradicting = try #require(
      screen.split(separator: "\n").first { $0.contains("✗ order RD-451884 is delivered: ") })
    let rank = try #require(contradicting.split(separator: " ").first.flatMap { Int($0.filter(\.isNumber)) })

    try console.press(String(rank))
    try console.waitFor(text: "Send a reply that contradicts the profile?")
    try console.press("Escape")
    try console.waitFor(text: "Not sent")
    #expect(try !customer.screen().contains("hasn't shipped"))

    try console.press("1")
    try customer.waitFor(text: "was already delivered, so it can't be cancelled")
    try console.press("C-q")
    try console.waitFor(text: "Quit")
  }
}
