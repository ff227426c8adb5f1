import ArgumentParser
import ReplyDeskBench

/// The `replydesk` executable: wires the core, store, engine and console modules into subcommands.
@main
struct ReplyDeskCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replydesk",
    abstract: "A terminal console for customer-service representatives.",
    subcommands: [
      ConsoleCommand.self, CustomerCommand.self, DemoCommand.self, PracticeCommand.self, ReplayCommand.self,
      FloorCommand.self, SessionsCommand.self, ExportCommand.self, StatsCommand.self, StoreCommand.self,
      TemplatesCommand.self,
      SimulateCommand.self, TrainCommand.self, RankCommand.self, EvalCommand.self, EvalLiveCommand.self,
      GeneratorCommand.self,
      BenchCommand.self,
    ],
    defaultSubcommand: ConsoleCommand.self
  )
}
