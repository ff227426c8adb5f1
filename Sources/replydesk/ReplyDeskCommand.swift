import ArgumentParser

/// The `replydesk` executable: wires the core, store, engine and console modules into subcommands.
@main
struct ReplyDeskCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replydesk",
    abstract: "A terminal console for customer-service representatives.",
    subcommands: [
      DemoCommand.self, SessionsCommand.self, ExportCommand.self, StatsCommand.self,
      TemplatesCommand.self, ReplayCommand.self, BenchCommand.self, TrainCommand.self, RankCommand.self,
      EvalCommand.self, GeneratorCommand.self,
    ]
  )
}
