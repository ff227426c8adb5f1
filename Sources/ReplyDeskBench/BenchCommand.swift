import ArgumentParser

/// `replydesk bench …`: commands that print speed figures (medians and p99), never timed tests.
public struct BenchCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Print speed figures for the console, rankers, generator, store and live channel.",
    subcommands: [
      BenchConsoleCommand.self, BenchLexicalCommand.self, BenchRankerCommand.self, BenchGeneratorCommand.self,
      BenchLiveCommand.self, BenchLiveLoadCommand.self, BenchStoreCommand.self, BenchStoreFaultCommand.self,
      BenchFloorCommand.self,
      BenchPasteCommand.self,
    ]
  )

  public init() {}
}
