import Foundation
import Testing

/// A new user's first `replydesk demo`: the default neural ranker trains with a progress bar (within a
/// minute in a release build), and the console then shows neural suggestions and says so in the status
/// line. This debug build, alone on two cores, spends about 75 s preparing the grounded corpus and
/// then its 1.5 CPU minutes training; beside the rest of the suite on a CI machine it has taken more
/// than 600 s, hence the long wait.
@Suite(.serialized) struct FirstRunEndToEndTests {
  @Test func firstDemoTrainsTheDefaultModelThenRanksWithIt() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let pane = try TmuxPane(
      command: [ReplyDeskBinary.path, "demo", "--seed", "3", "--speed", "10", "--generator", "off"],
      width: 120, height: 40,
      environment: ["REPLYDESK_HOME": home.path, "TERM": "tmux-256color"])

    let training = try pane.waitFor(text: "Training the default neural ranker", timeout: 60)
    #expect(training.contains("%"))
    try pane.waitFor(text: "to take the next customer", timeout: 1200)
    let models = try FileManager.default.contentsOfDirectory(
      atPath: home.appendingPathComponent("models").path)
    let model = try #require(
      models.first { $0.hasPrefix("default-v") && $0.hasSuffix(".model") }, "\(models)")
    let loaded = try ReplyDeskBinary.run(
      [
        "simulate", "--ranker", "neural", "--model", home.appendingPathComponent("models/" + model).path,
        "--chats", "1", "--seed", "1",
      ], home: home)
    #expect(
      loaded.status == 0 && loaded.output.contains("neural v"), "the trained model loads: \(loaded.output)")
    let screen = try pane.waitFor("neural suggestions") { $0.contains("neural v") && $0.contains("▶1 ") }
    #expect(!screen.contains("lexical"))
    try pane.press("C-q")
    try pane.waitFor(text: "Quit")
  }
}
