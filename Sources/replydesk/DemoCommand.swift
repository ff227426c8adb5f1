import ArgumentParser

/// `replydesk demo`: the console with simulated customers.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo", abstract: "Run the console with simulated customers.")

  func run() throws {}
}
