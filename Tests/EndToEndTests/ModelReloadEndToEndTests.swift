import Foundation
import Testing

/// A running console picks up a model file renamed over the one it ranks with, refuses a broken
/// one (keeping the model in use and still ranking), and tries the file again once it is rewritten.
@Suite(.serialized) struct ModelReloadEndToEndTests {
  /// Writes `data` beside `target` and renames it into place, as training does.
  private func replace(_ target: URL, with data: Data) throws {
    let temporary = target.appendingPathExtension("incoming")
    try data.write(to: temporary)
    guard rename(temporary.path, target.path) == 0 else {
      throw ProcessRunner.Failure(description: "cannot rename \(temporary.path): errno \(errno)")
    }
  }

  @Test func aReplacedModelIsReloadedAndABrokenOneRefused() throws {
    let home = try ReplyDeskBinary.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    // A short path, so the whole refusal fits on the status line.
    let model = FileManager.default.temporaryDirectory
      .appendingPathComponent("rd-\(UUID().uuidString.prefix(8)).model")
    defer { try? FileManager.default.removeItem(at: model) }
    let trained = try ReplyDeskBinary.run(
      ["train", "--simulated", "20", "--epochs", "1", "--threads", "1", "--out", model.path], home: home)
    try #require(trained.status == 0, "\(trained.output)")
    let pane = try TmuxPane(
      command: [
        ReplyDeskBinary.path, "demo", "--seed", "3", "--speed", "10", "--generator", "off", "--ranker",
        "neural",
        "--model", model.path,
      ],
      width: 160, height: 40, environment: ["REPLYDESK_HOME": home.path, "TERM": "tmux-256color"])
    try pane.waitFor("neural suggestions with the model's date") {
      $0.contains("▶1 ") && $0.contains("neural v4 · 20")
    }
    let good = try Data(contentsOf: model)

    let renamed = Date()
    try replace(model, with: good)
    try pane.waitFor(text: "Model reloaded: neural v4 · ", timeout: 30)
    print(
      String(
        format: "model renamed into place to \"Model reloaded\" on screen: %.0f ms",
        Date().timeIntervalSince(renamed) * 1000))

    try replace(model, with: good.prefix(good.count / 2))
    let refused = try pane.waitFor(text: "cannot be read", timeout: 30)
    #expect(refused.contains("The new model at \(model.path)"), "\(refused)")
    #expect(refused.contains("keeping the one in use"))
    #expect(refused.contains("▶1 "), "the console still shows suggestions")

    try replace(model, with: good)
    try pane.waitFor("the rewritten file to be tried again", timeout: 30) {
      $0.contains("Model reloaded: neural v4 · ") && $0.contains("▶1 ")
    }
    try pane.press("C-q")
    try pane.waitFor(text: "Quit")
  }
}
