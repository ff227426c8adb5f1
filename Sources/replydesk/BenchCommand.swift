import ArgumentParser

/// `replydesk bench …`: commands that print speed figures (medians and p99), never timed tests.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Print speed figures for the console, rankers and store.",
    subcommands: [
      BenchConsoleCommand.self, BenchLexicalCommand.self, BenchStoreCommand.self, BenchRankerCommand.self,
      BenchGeneratorCommand.self,
    ]
  )
}
